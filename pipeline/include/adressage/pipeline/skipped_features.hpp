#pragma once
// The roads and buildings of a batch's layers skipped as they were read (no geometry, a
// geometry that cannot be repaired...). A commune's report cannot name them: they are skipped
// before they belong to any commune. Each feature is kept once, however many times it was read
// (areas read per group of communes overlap), and listed in (layer, source, fid) order: the
// same list whatever the number of jobs or shards.
#include <compare>
#include <cstdint>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace adressage::pipeline {

struct SkippedFeature {
    std::string layer;        // "roads" or "buildings"
    std::uint32_t source = 0; // index in --roads or --buildings
    std::int64_t fid = 0;
    std::string reason; // the ingest stage's: "null_geometry", "invalid_geometry"...
    auto operator<=>(const SkippedFeature &) const = default;
};

// A line of the list: the source as given on the command line.
struct SkippedRow {
    std::string layer;
    std::string source;
    std::int64_t fid = 0;
    std::string reason;
    auto operator<=>(const SkippedRow &) const = default;
};
using SkippedRows = std::set<SkippedRow>;

class SkippedFeatures {
  public:
    // From any thread.
    void add(const std::vector<SkippedFeature> &features);

    SkippedRows rows(const std::vector<std::string> &road_sources,
                     const std::vector<std::string> &building_sources) const;

  private:
    mutable std::mutex mutex_;
    std::set<SkippedFeature> features_;
};

// {"roads": {reason: count}, "buildings": {reason: count}}, the layers with any.
nlohmann::json skipped_counts(const SkippedRows &rows);
// "layer;source;fid;reason", then a line per feature: a list to find them in QGIS by fid.
std::string skipped_csv(const SkippedRows &rows);
// The rows of a file skipped_csv wrote (a shard's, to merge). Throws InputError.
SkippedRows read_skipped_csv(const std::string &path);

} // namespace adressage::pipeline
