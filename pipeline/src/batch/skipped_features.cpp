#include "adressage/pipeline/skipped_features.hpp"

#include <libfccp/csv.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "adressage/error.hpp"
#include "adressage/formats/csv_field.hpp"

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
        out += r.layer + ";" + formats::csv_field(r.source) + ";" + std::to_string(r.fid) + ";" +
               r.reason + "\n";
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

} // namespace adressage::pipeline
