#pragma once
// Durability of the files the project writes under a temporary name and renames into place
// (formats::AtomicFile, geo::write_geopackage).
#include <string>

namespace adressage {

// Flushes the data of the file at `path` to the disk (fdatasync), before it is renamed into
// place: without it a power cut after the rename can leave an empty file under the final name
// (ext4's delayed allocation). Throws Error with the system's message.
void sync_file(const std::string &path);

} // namespace adressage
