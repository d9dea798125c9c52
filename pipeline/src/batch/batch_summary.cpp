// The files that sum a batch up: batch-summary.json and .csv (a line per commune), the list of
// the features of the layers skipped as they were read (skipped-features.csv), and the
// manifest's final version.
#include <libfccp/csv.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "adressage/error.hpp"
#include "adressage/formats/atomic_file.hpp"
#include "adressage/formats/csv_field.hpp"
#include "adressage/pipeline/batch.hpp"
#include "adressage/pipeline/skipped_features.hpp"
#include "batch/batch_review.hpp"
#include "batch/batch_run.hpp"

namespace adressage::pipeline {

void SkippedFeatures::add(const std::vector<SkippedFeature> &features) {
    const std::lock_guard lock(mutex_);
    features_.insert(features.begin(), features.end());
}

SkippedRows SkippedFeatures::rows(const std::vector<std::string> &road_sources,
                                  const std::vector<std::string> &building_sources) const {
    const std::lock_guard lock(mutex_);
    SkippedRows out;
    for (const SkippedFeature &f : features_) {
        const std::vector<std::string> &sources =
            f.layer == "roads" ? road_sources : building_sources;
        out.insert({f.layer, f.source < sources.size() ? sources[f.source] : "", f.fid, f.reason});
    }
    return out;
}

nlohmann::json skipped_counts(const SkippedRows &rows) {
    nlohmann::json out = nlohmann::json::object();
    for (const SkippedRow &r : rows) {
        nlohmann::json &n = out[r.layer][r.reason];
        n = (n.is_null() ? 0 : n.get<std::int64_t>()) + 1;
    }
    return out;
}

std::string skipped_csv(const SkippedRows &rows) {
    std::string out = "layer;source;fid;reason\n";
    for (const SkippedRow &r : rows) {
        out += formats::report_csv_field(r.layer) + ";" + formats::report_csv_field(r.source) +
               ";" + std::to_string(r.fid) + ";" + formats::report_csv_field(r.reason) + "\n";
    }
    return out;
}

SkippedRows read_skipped_csv(const std::string &path) {
    SkippedRows out;
    try {
        std::ifstream file(path, std::ios::binary);
        if (!file) {
            throw InputError(path, "cannot be read; run the shard again");
        }
        std::stringstream text;
        text << file.rdbuf();
        const std::string content = text.str();
        io::CSVReader<4, io::trim_chars<' ', '\t'>, io::double_quote_escape<';', '"'>> in(
            std::filesystem::path(path).filename().string(), content.data(),
            content.data() + content.size());
        in.read_header(io::ignore_no_column, "layer", "source", "fid", "reason");
        SkippedRow row;
        while (in.read_row(row.layer, row.source, row.fid, row.reason)) {
            out.insert(row);
        }
    } catch (const io::error::base &e) {
        throw InputError(path, std::string("is not a list of skipped features (") + e.what() +
                                   "); run the shard again");
    }
    return out;
}

nlohmann::json skipped_summary(const SkippedRows &rows, const std::filesystem::path &out_dir,
                               const std::string &suffix, BatchResult &result) {
    nlohmann::json summary = {{"count", rows.size()}, {"reasons", skipped_counts(rows)}};
    result.skipped_features = rows.size();
    if (!rows.empty()) {
        const std::string name = "skipped-features" + suffix + ".csv";
        result.skipped_csv = (out_dir / name).string();
        formats::write_file_atomically(result.skipped_csv, skipped_csv(rows));
        summary["file"] = name;
    }
    return summary;
}

namespace {

std::string number_text(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3f", v);
    return buffer;
}

} // namespace

std::string summary_csv(const nlohmann::json &results) {
    // The counts of a result, in the order of the columns (keys of outcome_json).
    static const std::vector<std::string> counts = {
        "buildings_read",         "buildings_numbered",
        "voies_numbered",         "rows",
        "voies_a_nommer",         "buildings_waiting_for_a_name",
        "buildings_annexes",      "buildings_on_short_lanes",
        "buildings_without_road", "ambiguous"};
    std::string out = "insee;nom;status";
    for (const std::string &c : counts) {
        out += ";" + c;
    }
    out += ";validation;alerts_E;alerts_W;alerts_I;geometric_alerts_W;geometric_alerts_I;"
           "preflight;seconds;reason\n";
    for (const nlohmann::json &r : results) {
        const nlohmann::json none = nlohmann::json::object();
        const nlohmann::json &v = r.contains("validation") ? r["validation"] : none;
        const nlohmann::json &alerts = v.contains("alert_counts") ? v["alert_counts"] : none;
        const nlohmann::json &geometric =
            r.contains("geometric_alerts") ? r["geometric_alerts"] : none;
        const nlohmann::json &error = r.contains("error") ? r["error"] : none;
        auto n = [](const nlohmann::json &j, const std::string &key) {
            return std::to_string(j.value(key, std::int64_t{0}));
        };
        out += r.value("insee", "") + ";" + formats::report_csv_field(r.value("nom", "")) + ";" +
               r.value("status", "");
        for (const std::string &c : counts) {
            out += ";" + n(r, c);
        }
        out += ";" + v.value("verdict", "") + ";" + n(alerts, "E") + ";" + n(alerts, "W") + ";" +
               n(alerts, "I") + ";" + n(geometric, "W") + ";" + n(geometric, "I") + ";" +
               r.value("preflight", "") + ";" + number_text(r.value("seconds", 0.0)) + ";" +
               formats::report_csv_field(error.value("reason", "")) + "\n";
    }
    return out;
}

namespace {

nlohmann::json outcome_json(const Outcome &o) {
    nlohmann::json j = {{"insee", o.insee},
                        {"nom", o.nom},
                        {"status", o.status},
                        {"buildings_read", o.buildings_read},
                        {"buildings_numbered", o.buildings_numbered},
                        {"voies_numbered", o.voies_numbered},
                        {"rows", o.rows},
                        {"voies_a_nommer", o.voies_a_nommer},
                        {"buildings_waiting_for_a_name", o.buildings_waiting_for_a_name},
                        {"buildings_annexes", o.buildings_annexes},
                        {"buildings_on_short_lanes", o.buildings_on_short_lanes},
                        {"buildings_without_road", o.buildings_without_road},
                        {"ambiguous", o.ambiguous},
                        {"seconds", round3(o.seconds)}};
    if (o.status != "failed") {
        j["geometric_alerts"] = {{"W", o.geometric_alerts_w}, {"I", o.geometric_alerts_i}};
    }
    if (!o.existing.empty()) {
        j["existing"] = o.existing;
    }
    if (!o.preflight.empty()) {
        j["preflight"] = o.preflight;
    }
    if (!o.validation.empty()) {
        j["validation"] = {
            {"verdict", o.validation},
            {"alert_counts", {{"E", o.alerts_e}, {"W", o.alerts_w}, {"I", o.alerts_i}}}};
    }
    if (!o.reason.empty()) {
        j["error"] = {{"kind", o.error_kind}, {"reason", o.reason}};
    }
    return j;
}

BatchResult counted(const std::vector<Outcome> &outcomes) {
    BatchResult result;
    result.communes = outcomes.size();
    for (const Outcome &o : outcomes) {
        result.succeeded += o.status == "ok" || o.status == "reused" ? 1 : 0;
        result.reused += o.status == "reused" ? 1 : 0;
        result.failed += o.status == "failed" ? 1 : 0;
        result.rows += o.rows;
    }
    return result;
}

// The buildings of the batch under the summary's key: held layers, their buildings; layers
// read per commune, the communes' buildings.
std::pair<std::string, std::int64_t> buildings_count(const BatchRun &run) {
    std::int64_t buildings = 0;
    bool per_commune = false;
    for (const auto &[crs, l] : run.layers) {
        buildings += static_cast<std::int64_t>(l.building_count());
        per_commune = per_commune || l.per_commune();
    }
    if (!per_commune) {
        return {"buildings_in_layers", buildings};
    }
    buildings = 0;
    for (const Outcome &o : run.outcomes) {
        buildings += o.buildings_read;
    }
    return {"buildings_in_communes", buildings};
}

// The features of the layers skipped as they were read: no commune's report can name them.
SkippedRows skipped_rows(const BatchRun &run) {
    SkippedRows rows;
    for (const auto &[crs, l] : run.layers) {
        rows.merge(l.skipped().rows(run.options.run.roads, run.options.run.buildings));
    }
    return rows;
}

} // namespace

BatchResult summarise(BatchRun &run, unsigned jobs, double read_seconds,
                      Clock::time_point started) {
    BatchResult result = counted(run.outcomes);
    result.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    const std::string shard = run.options.shard.empty() ? "1/1" : run.options.shard;

    // The map first: the manifest, finished last, says the batch is complete.
    result.dashboard = write_batch_review(run);
    // Only this batch's communes: a manifest describes the outputs of one batch (or shard).
    std::map<std::string, ManifestEntry> kept;
    for (const std::string &insee : run.communes) {
        kept[insee] = run.entries[insee];
    }
    run.manifest.finish(kept, {{"adressage_version", ADRESSAGE_VERSION},
                               {"options", nlohmann::json::parse(run.options_key)},
                               {"shard", shard}});

    const auto [buildings_key, buildings] = buildings_count(run);
    const nlohmann::json skipped_json =
        skipped_summary(skipped_rows(run), run.out, run.suffix, result);
    nlohmann::json summary = {{"adressage_version", ADRESSAGE_VERSION},
                              {"shard", shard},
                              {"date", run.options.run.date},
                              {"jobs", jobs},
                              {"communes", result.communes},
                              {"succeeded", result.succeeded},
                              {"failed", result.failed},
                              {"reused", result.reused},
                              {"rows", result.rows},
                              {buildings_key, buildings},
                              {"skipped_features", skipped_json},
                              {"read_seconds", round3(read_seconds)},
                              {"seconds", round3(result.seconds)},
                              {"results", nlohmann::json::array()}};
    for (const Outcome &o : run.outcomes) {
        summary["results"].push_back(outcome_json(o));
    }
    result.summary_json = (run.out / ("batch-summary" + run.suffix + ".json")).string();
    result.summary_csv = (run.out / ("batch-summary" + run.suffix + ".csv")).string();
    result.manifest = run.manifest.path();
    result.progress_json = run.progress.json();
    formats::write_file_atomically(
        result.summary_json,
        summary.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    formats::write_file_atomically(result.summary_csv, summary_csv(summary["results"]));
    run.progress.event({{"event", "end"},
                        {"communes", result.communes},
                        {"succeeded", result.succeeded},
                        {"failed", result.failed},
                        {"reused", result.reused},
                        {"rows", result.rows},
                        {"seconds", round3(result.seconds)},
                        {"summary", result.summary_json}});
    return result;
}

} // namespace adressage::pipeline
