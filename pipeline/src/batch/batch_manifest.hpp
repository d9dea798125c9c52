#pragma once
// The batch manifest: per commune, the fingerprint of its inputs and options, the checksum of
// the BAL written and the status. Written as a journal while the batch runs (one JSON line per
// commune finished, flushed, so a killed batch loses at most the communes in progress), then as
// one sorted file, batch-manifest.json, when it ends. --resume reads both and runs again only
// the communes whose fingerprint changed, whose BAL is missing or altered, or that failed.
#include <cstdint>
#include <fstream>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/commune_inputs.hpp"

namespace adressage::pipeline {

// XXH3 64-bit (libxxhash) of `bytes`, seed 0.
std::uint64_t xxh3(std::string_view bytes);
std::string hex64(std::uint64_t value);

// "xxh3:<16 hex digits>" of a file's bytes; "" when it cannot be read.
std::string file_checksum(const std::string &path);

// Of the commune's inputs as given to the runner (every coordinate, fid and name) and of
// `options_key` (what in the options changes the output).
std::string inputs_fingerprint(const CommuneInputs &inputs, const std::string &options_key);

struct ManifestEntry {
    std::string insee;
    std::string status; // ok or failed
    std::string inputs; // inputs_fingerprint
    std::string bal;    // file name in <out>/<insee>/, "" when failed
    std::string bal_checksum;
    std::int64_t rows = 0;
    std::string reason; // failed: why

    nlohmann::json to_json() const;
    static ManifestEntry from_json(const nlohmann::json &j);
};

class Manifest {
  public:
    // `path`: the final manifest; the journal is `path` + ".journal".
    explicit Manifest(std::string path);

    // Entries of the final manifest and of a journal left by a killed run (a torn last line is
    // ignored); the journal's, later, win.
    std::map<std::string, ManifestEntry> load() const;

    // Appends one entry to the journal and flushes it; thread-safe.
    void record(const ManifestEntry &entry);

    // Writes every entry, sorted by INSEE code, atomically, then removes the journal.
    void finish(const std::map<std::string, ManifestEntry> &entries, const nlohmann::json &head);

    const std::string &path() const { return path_; }

  private:
    std::string path_;
    std::mutex mutex_;
    std::ofstream journal_;
};

} // namespace adressage::pipeline
