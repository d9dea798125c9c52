#include "adressage/pipeline/batch_manifest.hpp"

#include <cstring>
#include <filesystem>
#include <sstream>

#include "adressage/error.hpp"
#include "adressage/formats/atomic_file.hpp"

namespace adressage::pipeline {

namespace {

template <typename T> std::uint64_t feed(std::uint64_t hash, const T &value) {
    char bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));
    return fnv1a(std::string_view(bytes, sizeof(T)), hash);
}

std::uint64_t feed_line(std::uint64_t hash, const geo::Polyline &line) {
    hash = feed(hash, line.size());
    for (const geo::XY &p : line) {
        hash = feed(feed(hash, p.x), p.y);
    }
    return hash;
}

std::uint64_t feed_polygons(std::uint64_t hash, const geo::MultiPolygon &polygons) {
    hash = feed(hash, polygons.size());
    for (const geo::Polygon &polygon : polygons) {
        hash = feed_line(hash, polygon.outer);
        hash = feed(hash, polygon.holes.size());
        for (const geo::Ring &hole : polygon.holes) {
            hash = feed_line(hash, hole);
        }
    }
    return hash;
}

std::string journal_path(const std::string &path) { return path + ".journal"; }

} // namespace

std::uint64_t fnv1a(std::string_view bytes, std::uint64_t hash) {
    for (const char c : bytes) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

std::string hex64(std::uint64_t value) {
    static const char digits[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i) {
        out[static_cast<std::size_t>(i)] = digits[value & 0xf];
        value >>= 4;
    }
    return out;
}

std::string file_checksum(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return {};
    }
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    char buffer[1 << 16];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        hash = fnv1a(std::string_view(buffer, static_cast<std::size_t>(in.gcount())), hash);
    }
    return "fnv1a64:" + hex64(hash);
}

std::string inputs_fingerprint(const CommuneInputs &inputs, const std::string &options_key) {
    std::uint64_t hash = fnv1a(options_key);
    hash = feed(hash, inputs.roads.size());
    for (const RoadSegment &road : inputs.roads) {
        hash = feed(feed(hash, road.source), road.fid);
        hash = fnv1a(road.name, feed(hash, road.name.size()));
        hash = feed_line(hash, road.line);
    }
    hash = feed(hash, inputs.buildings.size());
    for (const Building &building : inputs.buildings) {
        hash = feed(feed(hash, building.source), building.fid);
        hash = feed_polygons(hash, building.footprint);
        hash = feed(feed(hash, building.anchor.x), building.anchor.y);
    }
    hash = feed(hash, inputs.boundary.has_value());
    if (inputs.boundary) {
        hash = feed_polygons(hash, *inputs.boundary);
    }
    return "fnv1a64:" + hex64(hash);
}

nlohmann::json ManifestEntry::to_json() const {
    nlohmann::json j = {{"insee", insee}, {"status", status}, {"inputs", inputs}};
    if (status == "ok") {
        j["bal"] = bal;
        j["bal_checksum"] = bal_checksum;
        j["rows"] = rows;
    } else {
        j["reason"] = reason;
    }
    return j;
}

ManifestEntry ManifestEntry::from_json(const nlohmann::json &j) {
    ManifestEntry e;
    e.insee = j.at("insee").get<std::string>();
    e.status = j.at("status").get<std::string>();
    e.inputs = j.value("inputs", "");
    e.bal = j.value("bal", "");
    e.bal_checksum = j.value("bal_checksum", "");
    e.rows = j.value("rows", std::int64_t{0});
    e.reason = j.value("reason", "");
    return e;
}

Manifest::Manifest(std::string path) : path_(std::move(path)) {}

std::map<std::string, ManifestEntry> Manifest::load() const {
    std::map<std::string, ManifestEntry> entries;
    if (std::ifstream in(path_); in) {
        const nlohmann::json whole = nlohmann::json::parse(in, nullptr, false);
        if (whole.is_object() && whole.contains("communes") && whole["communes"].is_array()) {
            for (const nlohmann::json &j : whole["communes"]) {
                try {
                    ManifestEntry e = ManifestEntry::from_json(j);
                    entries[e.insee] = std::move(e);
                } catch (const nlohmann::json::exception &) {
                    // an entry we cannot read is a commune to run again
                }
            }
        }
    }
    if (std::ifstream in(journal_path(path_)); in) {
        std::string line;
        while (std::getline(in, line)) {
            const nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
            if (j.is_discarded() || !j.is_object()) {
                continue; // torn by a kill
            }
            try {
                ManifestEntry e = ManifestEntry::from_json(j);
                entries[e.insee] = std::move(e);
            } catch (const nlohmann::json::exception &) {
            }
        }
    }
    return entries;
}

void Manifest::record(const ManifestEntry &entry) {
    const std::lock_guard lock(mutex_);
    if (!journal_.is_open()) {
        journal_.open(journal_path(path_), std::ios::app | std::ios::binary);
        if (!journal_) {
            throw InputError("--out", "cannot write the manifest journal " + journal_path(path_) +
                                          "; choose a writable directory");
        }
    }
    journal_ << entry.to_json().dump() << '\n';
    journal_.flush();
}

void Manifest::finish(const std::map<std::string, ManifestEntry> &entries,
                      const nlohmann::json &head) {
    const std::lock_guard lock(mutex_);
    nlohmann::json out = head;
    out["communes"] = nlohmann::json::array();
    for (const auto &[insee, entry] : entries) {
        out["communes"].push_back(entry.to_json());
    }
    formats::write_file_atomically(path_, out.dump(1) + "\n");
    if (journal_.is_open()) {
        journal_.close();
    }
    std::error_code ignored;
    std::filesystem::remove(journal_path(path_), ignored);
}

} // namespace adressage::pipeline
