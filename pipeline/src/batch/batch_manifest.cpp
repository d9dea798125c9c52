#include "batch/batch_manifest.hpp"

#include <array>
#include <cstring>
#include <filesystem>
#include <new>
#include <sstream>
#include <vector>

#include <xxhash.h>

#include "adressage/error.hpp"
#include "adressage/formats/atomic_file.hpp"

namespace adressage::pipeline {

namespace {

// XXH3 64-bit over a stream of values and buffers (libxxhash's streaming state).
class Hasher {
  public:
    Hasher() : state_(XXH3_createState()) {
        if (state_ == nullptr) {
            throw std::bad_alloc();
        }
        XXH3_64bits_reset(state_);
    }
    ~Hasher() { XXH3_freeState(state_); }
    Hasher(const Hasher &) = delete;
    Hasher &operator=(const Hasher &) = delete;

    // The digest is that of all the bytes one after the other, however they are cut: small
    // values are gathered before they are hashed (an update per value cost more than the hash).
    void bytes(const void *data, std::size_t size) {
        if (size > buffer_.size() - used_) {
            flush();
            if (size >= buffer_.size()) {
                XXH3_64bits_update(state_, data, size);
                return;
            }
        }
        std::memcpy(buffer_.data() + used_, data, size);
        used_ += size;
    }
    template <typename T> void value(const T &v) { bytes(&v, sizeof v); }
    void text(std::string_view s) {
        value(s.size());
        bytes(s.data(), s.size());
    }
    // The points of a line as one buffer: XY is two doubles, with no padding.
    void line(const geo::Polyline &points) {
        static_assert(sizeof(geo::XY) == 2 * sizeof(double));
        value(points.size());
        bytes(points.data(), points.size() * sizeof(geo::XY));
    }
    void polygons(const geo::MultiPolygon &polygons) {
        value(polygons.size());
        for (const geo::Polygon &polygon : polygons) {
            line(polygon.outer);
            value(polygon.holes.size());
            for (const geo::Ring &hole : polygon.holes) {
                line(hole);
            }
        }
    }
    std::string digest() {
        flush();
        return "xxh3:" + hex64(XXH3_64bits_digest(state_));
    }

  private:
    void flush() {
        XXH3_64bits_update(state_, buffer_.data(), used_);
        used_ = 0;
    }

    XXH3_state_t *state_;
    std::array<unsigned char, 8192> buffer_{};
    std::size_t used_ = 0;
};

std::string journal_path(const std::string &path) { return path + ".journal"; }

} // namespace

std::uint64_t xxh3(std::string_view bytes) { return XXH3_64bits(bytes.data(), bytes.size()); }

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
    Hasher hash;
    std::vector<char> buffer(1 << 16);
    while (in.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || in.gcount() > 0) {
        hash.bytes(buffer.data(), static_cast<std::size_t>(in.gcount()));
    }
    return hash.digest();
}

std::string inputs_fingerprint(const CommuneInputs &inputs, const std::string &options_key) {
    Hasher hash;
    hash.text(options_key);
    hash.value(inputs.roads.size());
    for (const RoadSegment &road : inputs.roads) {
        hash.value(road.source);
        hash.value(road.fid);
        hash.text(road.name);
        hash.line(road.line);
    }
    hash.value(inputs.buildings.size());
    for (const Building &building : inputs.buildings) {
        hash.value(building.source);
        hash.value(building.fid);
        hash.polygons(building.footprint);
        hash.value(building.anchor.x);
        hash.value(building.anchor.y);
    }
    hash.value(inputs.boundary.has_value());
    if (inputs.boundary) {
        hash.polygons(*inputs.boundary);
    }
    return hash.digest();
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
