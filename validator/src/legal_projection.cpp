#include "legal_projection.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>

namespace adressage::validator::detail {

namespace {

struct Territory {
    double min_lon, min_lat, max_lon, max_lat;
    const char *proj; // project-legal's proj4 definition, which PROJ reads as well
};

// project-legal's projections.json, in its order (the first box that matches wins).
constexpr std::array<Territory, territory_count> territories = {{
    {-9.86, 41.15, 10.38, 51.56, // RGF93 / Lambert-93
     "+proj=lcc +lat_1=49 +lat_2=44 +lat_0=46.5 +lon_0=3 +x_0=700000 +y_0=6600000 +ellps=GRS80 "
     "+towgs84=0,0,0,0,0,0,0 +units=m +no_defs"},
    {-63.66, 14.08, -57.52, 18.54, // RGAF09 / UTM 20N
     "+proj=utm +zone=20 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs"},
    {-54.6, 2.11, -49.46, 8.88, // RGFG95 / UTM 22N
     "+proj=utm +zone=22 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs"},
    {51.83, -24.72, 58.24, -18.28, // RGR92 / UTM 40S
     "+proj=utm +zone=40 +south +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs"},
    {43.68, -14.49, 46.7, -11.33, // RGM04 / UTM 38S
     "+proj=utm +zone=38 +south +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs"},
    {-57.1, 43.41, -55.9, 47.37, // RGSPM06 / UTM 21N
     "+proj=utm +zone=21 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs"},
    {163.55, -22.75, 168.2, -19.54, // RGNC91-93 / Lambert New Caledonia
     "+proj=lcc +lat_1=-20.66666666666667 +lat_2=-22.33333333333333 +lat_0=-21.5 +lon_0=166 "
     "+x_0=400000 +y_0=300000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs"},
    {-155.0, -24.0, -150.0, -9.0, // RGPF / UTM 5S
     "+proj=utm +zone=5 +south +ellps=GRS80 +units=m +no_defs"},
    {-150.0, -29.0, -144.0, -13.0, // RGPF / UTM 6S
     "+proj=utm +zone=6 +south +ellps=GRS80 +units=m +no_defs"},
    {-144.0, -29.0, -138.0, -7.0, // RGPF / UTM 7S
     "+proj=utm +zone=7 +south +ellps=GRS80 +units=m +no_defs"},
    {-138.0, -25.0, -132.0, -18.0, // RGPF / UTM 8S
     "+proj=utm +zone=8 +south +ellps=GRS80 +units=m +no_defs"},
    {-177.0, -14.0, -176.0, -13.0, // MOP78 / UTM 1S
     "+proj=utm +zone=1 +south +ellps=intl +units=m +no_defs"},
}};

bool in_box(double lon, double lat, double min_lon, double min_lat, double max_lon,
            double max_lat) {
    return lon <= max_lon && lon >= min_lon && lat <= max_lat && lat >= min_lat;
}

// Math.round(v * 100) / 100
double centimetres(double v) {
    const double scaled = v * 100;
    const double floor = std::floor(scaled);
    return (scaled - floor >= 0.5 ? floor + 1 : floor) / 100;
}

// proj4js, which the validator uses, projects the WGS 84 longitude and latitude directly on the
// territory's ellipsoid: its datum shift is void, every +towgs84 here being zero or absent. The
// same as one PROJ operation: degrees to radians, then the projection.
std::string operation(std::string_view definition) {
    std::string out = "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad +step";
    std::size_t at = 0;
    while (at < definition.size()) {
        const std::size_t end = std::min(definition.find(' ', at), definition.size());
        const std::string_view token = definition.substr(at, end - at);
        if (!token.empty() && !token.starts_with("+towgs84=") && token != "+no_defs") {
            out += ' ';
            out += token;
        }
        at = end + 1;
    }
    return out;
}

} // namespace

int find_territory(double lon, double lat) {
    if (!in_box(lon, lat, -180, -90, 180, 90)) {
        return -1;
    }
    for (std::size_t i = 0; i < territories.size(); ++i) {
        const Territory &t = territories[i];
        if (in_box(lon, lat, t.min_lon, t.min_lat, t.max_lon, t.max_lat)) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

LegalProjector::LegalProjector() = default;
LegalProjector::~LegalProjector() = default;

LegalProjector &LegalProjector::of_this_thread() {
    thread_local LegalProjector projector;
    return projector;
}

void LegalProjector::project(int territory, std::span<geo::XY> points) {
    auto &transformer = transformers_[static_cast<std::size_t>(territory)];
    if (!transformer) {
        transformer = std::make_unique<geo::Transformer>(geo::Transformer::from_operation(
            operation(territories[static_cast<std::size_t>(territory)].proj)));
    }
    transformer->forward(points);
    for (geo::XY &p : points) {
        p = {centimetres(p.x), centimetres(p.y)};
    }
}

} // namespace adressage::validator::detail
