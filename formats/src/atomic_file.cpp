#include "adressage/formats/atomic_file.hpp"

#include <cstdio>
#include <filesystem>

#include "adressage/error.hpp"
#include "adressage/sync_file.hpp"

namespace adressage::formats {

namespace fs = std::filesystem;

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)) {
    const fs::path final_path(path_);
    temp_path_ =
        (final_path.parent_path() / ("." + final_path.filename().string() + ".tmp")).string();
    out_.open(temp_path_, std::ios::binary | std::ios::trunc);
    if (!out_) {
        throw Error("cannot create '" + temp_path_ + "'; check that the output directory is " +
                    "writable");
    }
}

AtomicFile::~AtomicFile() {
    if (!committed_) {
        out_.close();
        std::error_code ignored;
        fs::remove(temp_path_, ignored);
    }
}

void AtomicFile::commit() {
    out_.flush();
    out_.close();
    if (!out_) {
        throw Error("cannot write '" + temp_path_ + "' (disk full?)");
    }
    sync_file(temp_path_);
    std::error_code ec;
    fs::rename(temp_path_, path_, ec);
    if (ec) {
        throw Error("cannot rename '" + temp_path_ + "' to '" + path_ + "': " + ec.message());
    }
    committed_ = true;
}

void write_file_atomically(const std::string &path, const std::string &content) {
    AtomicFile file(path);
    file.stream() << content;
    file.commit();
}

} // namespace adressage::formats
