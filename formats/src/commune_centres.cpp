#include "adressage/formats/commune_centres.hpp"

#include <libfccp/csv.h>

#include <map>
#include <memory>
#include <mutex>

#include "adressage/error.hpp"

namespace adressage::formats {

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

std::vector<const CommuneCentre *> CommuneCentres::holding(geo::XY lonlat,
                                                          std::string_view except) const {
    const geo::Box at{lonlat.x, lonlat.y, lonlat.x, lonlat.y};
    std::vector<const CommuneCentre *> out;
    for (const CommuneCentre &c : communes_) {
        if (c.code != except && c.box.meets(at)) {
            out.push_back(&c);
        }
    }
    return out;
}

} // namespace adressage::formats
