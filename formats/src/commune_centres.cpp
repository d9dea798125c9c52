#include "adressage/formats/commune_centres.hpp"

#include <libfccp/csv.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <mutex>

#include "adressage/error.hpp"

namespace adressage::formats {

namespace {

constexpr double cell_degrees = 0.25;

std::int64_t cell_of(double degrees) {
    return static_cast<std::int64_t>(std::floor(degrees / cell_degrees));
}

std::int64_t key_of(std::int64_t x, std::int64_t y) { return (x << 32) ^ (y & 0xffffffff); }

} // namespace

CommuneCentres CommuneCentres::load(const std::string &path) {
    CommuneCentres out;
    try {
        io::CSVReader<8, io::trim_chars<' ', '\t'>, io::no_quote_escape<';'>> in(path);
        in.read_header(io::ignore_extra_column, "code", "nom", "lon", "lat", "min_lon", "min_lat",
                       "max_lon", "max_lat");
        out.communes_.reserve(35000);
        CommuneCentre c;
        while (in.read_row(c.code, c.nom, c.centre.x, c.centre.y, c.box.min_x, c.box.min_y,
                           c.box.max_x, c.box.max_y)) {
            out.communes_.push_back(c);
        }
    } catch (const io::error::base &err) {
        throw InputError("commune centres " + path,
                         std::string(err.what()) +
                             "; reinstall datasets/cog-2026 or set ADRESSAGE_DATA");
    }
    if (out.communes_.empty()) {
        throw InputError("commune centres " + path, "no commune in the file");
    }
    for (std::uint32_t i = 0; i < out.communes_.size(); ++i) {
        const geo::Box &box = out.communes_[i].box;
        for (auto x = cell_of(box.min_x); x <= cell_of(box.max_x); ++x) {
            for (auto y = cell_of(box.min_y); y <= cell_of(box.max_y); ++y) {
                out.cells_[key_of(x, y)].push_back(i);
            }
        }
    }
    return out;
}

const CommuneCentres &CommuneCentres::shared(const std::string &path) {
    static std::mutex mutex;
    static std::map<std::string, std::unique_ptr<const CommuneCentres>> loaded;
    const std::lock_guard lock(mutex);
    auto &slot = loaded[path];
    if (!slot) {
        slot = std::make_unique<const CommuneCentres>(load(path));
    }
    return *slot;
}

const CommuneCentre *CommuneCentres::find(std::string_view code) const {
    const auto it =
        std::lower_bound(communes_.begin(), communes_.end(), code,
                         [](const CommuneCentre &c, std::string_view k) { return c.code < k; });
    return it != communes_.end() && it->code == code ? &*it : nullptr;
}

std::vector<const CommuneCentre *> CommuneCentres::holding(geo::XY lonlat,
                                                           std::string_view except) const {
    std::vector<const CommuneCentre *> out;
    const auto cell = cells_.find(key_of(cell_of(lonlat.x), cell_of(lonlat.y)));
    if (cell == cells_.end()) {
        return out;
    }
    const geo::Box at{lonlat.x, lonlat.y, lonlat.x, lonlat.y};
    for (const std::uint32_t i : cell->second) { // ascending: by code
        if (communes_[i].box.meets(at) && communes_[i].code != except) {
            out.push_back(&communes_[i]);
        }
    }
    return out;
}

} // namespace adressage::formats
