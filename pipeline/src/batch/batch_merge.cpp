#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>

#include "adressage/error.hpp"
#include "adressage/formats/atomic_file.hpp"
#include "adressage/pipeline/batch.hpp"
#include "batch/batch_manifest.hpp"
#include "batch/batch_review.hpp"
#include "review/review_stage.hpp"

namespace adressage::pipeline {

namespace fs = std::filesystem;

namespace {

nlohmann::json read_json(const fs::path &path) {
    std::ifstream in(path);
    nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
    if (!in || j.is_discarded() || !j.is_object()) {
        throw InputError(path.string(), "is not a readable batch file; run that shard again");
    }
    return j;
}

// The manifests of the N shards of a batch in a directory, by K.
struct Shards {
    std::map<std::size_t, fs::path> manifests; // K -> manifest
    std::size_t of = 0;                        // N
};

// Throws InputError when the directory holds no shard, shards of two batches or not every one.
Shards find_shards(const std::string &out_dir) {
    static const std::regex name("^batch-manifest-shard-([0-9]+)-of-([0-9]+)\\.json$");
    Shards shards;
    std::size_t &of = shards.of;
    std::error_code ec;
    for (const fs::directory_entry &e : fs::directory_iterator(out_dir, ec)) {
        std::smatch m;
        const std::string file = e.path().filename().string();
        if (!std::regex_match(file, m, name)) {
            continue;
        }
        const std::size_t n = std::stoul(m[2]);
        if (of != 0 && n != of) {
            throw InputError(out_dir, "holds shards of " + std::to_string(of) + " and of " +
                                          std::to_string(n) +
                                          "; keep the shards of one batch in a directory");
        }
        of = n;
        shards.manifests[std::stoul(m[1])] = e.path();
    }
    if (ec || of == 0) {
        throw InputError(out_dir, "no batch-manifest-shard-K-of-N.json; give the --out of the "
                                  "shards (copied into one directory)");
    }
    for (std::size_t k = 1; k <= of; ++k) {
        if (!shards.manifests.contains(k)) {
            throw InputError(out_dir, "shard " + std::to_string(k) + "/" + std::to_string(of) +
                                          " is missing (no batch-manifest-shard-" +
                                          std::to_string(k) + "-of-" + std::to_string(of) +
                                          ".json); run it, then merge again");
        }
    }
    return shards;
}

// What the shards wrote, joined as one batch would have written it.
struct Joined {
    nlohmann::json head; // the version and options, every shard's the same
    std::map<std::string, ManifestEntry> entries;
    std::map<std::string, nlohmann::json> results; // by INSEE code
    SkippedRows skipped;                           // each shard's list, each feature once
    double seconds = 0.0;                          // the longest shard's
    std::string date;                              // the batch's --date, every shard's
    std::vector<fs::path> maps;                    // the shards' batch-review files
};

// Joins shard k (its manifest at `path`). Throws InputError when it did not finish or ran
// with other options than the shards joined before.
void join_shard(Joined &joined, const std::string &out_dir, std::size_t k, std::size_t of,
                const fs::path &path) {
    const nlohmann::json manifest = read_json(path);
    if (fs::exists(path.string() + ".journal")) {
        throw InputError(path.string(), "shard " + std::to_string(k) +
                                            " did not finish (a journal is left); run it "
                                            "again with --resume, then merge");
    }
    nlohmann::json this_head = {{"adressage_version", manifest.value("adressage_version", "")},
                                {"options", manifest.value("options", nlohmann::json())}};
    if (joined.head.is_null()) {
        joined.head = this_head;
    } else if (joined.head != this_head) {
        throw InputError(path.string(), "ran with other options or another version than "
                                        "shard 1; run every shard with the same options");
    }
    for (const nlohmann::json &j : manifest.at("communes")) {
        ManifestEntry e = ManifestEntry::from_json(j);
        joined.entries[e.insee] = std::move(e);
    }
    const std::string suffix = "-shard-" + std::to_string(k) + "-of-" + std::to_string(of);
    const nlohmann::json summary =
        read_json(fs::path(out_dir) / ("batch-summary" + suffix + ".json"));
    for (const nlohmann::json &result : summary.at("results")) {
        joined.results[result.value("insee", "")] = result;
    }
    joined.seconds = std::max(joined.seconds, summary.value("seconds", 0.0));
    joined.date = summary.value("date", "");
    joined.maps.push_back(fs::path(out_dir) / ("batch-review" + suffix + ".gpkg"));
    if (const auto s = summary.find("skipped_features");
        s != summary.end() && s->contains("file")) {
        joined.skipped.merge(
            read_skipped_csv((fs::path(out_dir) / s->at("file").get<std::string>()).string()));
    }
}

} // namespace

BatchResult merge_shards(const std::string &out_dir) {
    const Shards shards = find_shards(out_dir);
    Joined joined;
    for (const auto &[k, path] : shards.manifests) {
        join_shard(joined, out_dir, k, shards.of, path);
    }
    nlohmann::json &head = joined.head;
    head["shard"] = "1/1";
    BatchResult r;
    r.dashboard = merge_batch_reviews(
        out_dir, joined.maps, ReviewStage::read_style(default_data_dir(), "communes"), joined.date);
    Manifest merged((fs::path(out_dir) / "batch-manifest.json").string());
    merged.finish(joined.entries, head);

    r.seconds = joined.seconds;
    nlohmann::json all = nlohmann::json::array();
    for (const auto &[insee, result] : joined.results) {
        const std::string status = result.value("status", "");
        r.succeeded += status == "ok" || status == "reused" ? 1 : 0;
        r.reused += status == "reused" ? 1 : 0;
        r.failed += status == "failed" ? 1 : 0;
        r.rows += result.value("rows", std::int64_t{0});
        all.push_back(result);
    }
    r.communes = joined.results.size();
    const nlohmann::json summary = {
        {"adressage_version", head["adressage_version"]},
        {"shard", "1/1"},
        {"date", joined.date},
        {"merged_shards", shards.of},
        {"communes", r.communes},
        {"succeeded", r.succeeded},
        {"failed", r.failed},
        {"reused", r.reused},
        {"rows", r.rows},
        {"skipped_features", skipped_summary(joined.skipped, out_dir, "", r)},
        {"seconds", r.seconds},
        {"results", all}};
    r.summary_json = (fs::path(out_dir) / "batch-summary.json").string();
    r.summary_csv = (fs::path(out_dir) / "batch-summary.csv").string();
    r.manifest = merged.path();
    formats::write_file_atomically(
        r.summary_json,
        summary.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    formats::write_file_atomically(r.summary_csv, summary_csv(all));
    return r;
}

} // namespace adressage::pipeline
