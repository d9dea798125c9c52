#pragma once
// A batch once its inputs are read: the communes run group after group on the workers (each
// commune's outcome and manifest entry kept, its progress reported), then the summary. The
// steps before (which communes, the layers, the output files) are run_batch's, in batch.cpp.
#include <chrono>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "adressage/formats/commune_list.hpp"
#include "adressage/pipeline/batch_options.hpp"
#include "batch/batch_commune_options.hpp"
#include "batch/batch_layers.hpp"
#include "batch/batch_manifest.hpp"
#include "core/commune_run.hpp"

namespace adressage::pipeline {

using Clock = std::chrono::steady_clock;

// Seconds as the summary and the progress give them.
inline double round3(double v) { return std::round(v * 1000.0) / 1000.0; }

// What became of a commune: its line of the summary.
struct Outcome {
    std::string insee;
    std::string nom;
    std::string existing;           // the current BAL updated; "": numbered afresh
    std::string status = "pending"; // ok, reused, failed
    std::string reason;
    std::string error_kind; // input or processing
    std::int64_t buildings_read = 0;
    std::int64_t buildings_numbered = 0;
    std::int64_t voies_numbered = 0;
    std::int64_t rows = 0;
    std::int64_t voies_a_nommer = 0;               // report.json voies_a_nommer (naming/)
    std::int64_t buildings_waiting_for_a_name = 0; // on those voies
    // The other buildings without an address (naming/building_fates.hpp): annexes, served by
    // an unnamed lane below the minimum, no road within reach.
    std::int64_t buildings_annexes = 0;
    std::int64_t buildings_on_short_lanes = 0;
    std::int64_t buildings_without_road = 0;
    std::int64_t ambiguous = 0; // assignments whose second voie is nearly as near
    std::int64_t geometric_alerts_w = 0;
    std::int64_t geometric_alerts_i = 0;
    std::string validation; // accepted or blocked; "" when the file was not checked
    // The BAN's upload gates against the current BAL (--existing): ok, warning or blocked;
    // "first" when the commune had none (nothing to lose: a first upload).
    std::string preflight;
    std::int64_t alerts_e = 0;
    std::int64_t alerts_w = 0;
    std::int64_t alerts_i = 0;
    double seconds = 0.0;
};

// JSON lines on stdout (not a terminal), a bar on stderr (a terminal), or nothing.
class Progress {
  public:
    // Throws ConfigError when `mode` is not auto, json, bar or none.
    Progress(const std::string &mode, std::size_t total);

    bool json() const { return json_; }
    // From any thread.
    void event(const nlohmann::json &e);
    void done(const Outcome &o);

  private:
    bool json_ = false;
    bool bar_ = false;
    std::size_t total_;
    std::size_t done_ = 0;
    std::int64_t addresses_ = 0;
    Clock::time_point start_;
    std::mutex mutex_;
};

// What the communes of a batch run with (read before the first one runs, shared read-only by
// the workers) and what they leave (written by the workers as each commune ends).
struct BatchRun {
    const BatchOptions &options;
    const std::vector<std::string> &communes; // sorted, this shard's
    const formats::CommuneList &cog;
    const BoundaryLayer &boundaries;
    const CommuneOptions &commune_options;
    const std::map<std::string, BatchLayers> &layers; // by legal CRS
    const RunShared &shared;
    const nlohmann::json &description; // the batch-wide sources, for each commune's report
    const std::string &options_key;    // what in the options changes the outputs
    const std::filesystem::path &out;
    const std::string &suffix;                            // of a shard's batch files
    const std::string &dashboard_style;                   // the .qml of batch-review.gpkg's layer
    const std::map<std::string, ManifestEntry> &previous; // --resume: the manifest's entries
    Manifest &manifest;
    Progress &progress;

    std::vector<Outcome> outcomes;                // by commune, as `communes`
    std::map<std::string, ManifestEntry> entries; // `previous`, updated as communes end
    std::mutex entries_mutex{};
};

// Runs every commune of `run` on `jobs` threads, one group of neighbours after another, and
// fills run.outcomes and run.entries. A commune's failure is in its outcome, never thrown.
void run_communes(BatchRun &run, unsigned jobs);

// The end of the batch: the manifest finished, batch-summary.json and .csv (and the skipped
// features' list) written, the progress's last event. `read_seconds`: the batch-wide reads.
BatchResult summarise(BatchRun &run, unsigned jobs, double read_seconds, Clock::time_point started);

} // namespace adressage::pipeline
