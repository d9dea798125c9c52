#include "gpkg_geometry.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>

namespace adressage::geo::detail {

namespace {

// Little-endian bytes of `v`: its own on a little-endian machine (copied at once: the byte
// loop was a tenth of the writer's time), else reversed.
template <typename T> void put_le(std::string &out, T v) {
    auto bytes = std::bit_cast<std::array<char, sizeof(T)>>(v);
    if constexpr (std::endian::native == std::endian::big) {
        std::reverse(bytes.begin(), bytes.end());
    }
    out.append(bytes.data(), bytes.size());
}

void put_u32(std::string &out, std::uint32_t v) { put_le(out, v); }

void put_double(std::string &out, double d) { put_le(out, d); }

// WKB: byte order (1, little-endian), then the ISO type code.
void put_wkb_head(std::string &out, std::uint32_t type) {
    out.push_back('\x01');
    put_u32(out, type);
}

constexpr std::uint32_t wkb_point = 1;
constexpr std::uint32_t wkb_line_string = 2;
constexpr std::uint32_t wkb_polygon = 3;
constexpr std::uint32_t wkb_multi_line_string = 5;
constexpr std::uint32_t wkb_multi_polygon = 6;

void put_points(std::string &out, const std::vector<XY> &points, Box &box) {
    out.reserve(out.size() + 4 + 16 * points.size());
    put_u32(out, static_cast<std::uint32_t>(points.size()));
    for (const XY &p : points) {
        put_double(out, p.x);
        put_double(out, p.y);
        box.extend(p);
    }
}

void put_lines(std::string &wkb, const std::vector<Polyline> &lines, Box &box) {
    put_wkb_head(wkb, wkb_multi_line_string);
    put_u32(wkb, static_cast<std::uint32_t>(lines.size()));
    for (const Polyline &line : lines) {
        put_wkb_head(wkb, wkb_line_string);
        put_points(wkb, line, box);
    }
}

void put_polygons(std::string &wkb, const MultiPolygon &polygons, Box &box) {
    put_wkb_head(wkb, wkb_multi_polygon);
    put_u32(wkb, static_cast<std::uint32_t>(polygons.size()));
    for (const Polygon &polygon : polygons) {
        put_wkb_head(wkb, wkb_polygon);
        put_u32(wkb, static_cast<std::uint32_t>(1 + polygon.holes.size()));
        put_points(wkb, polygon.outer, box);
        for (const Ring &hole : polygon.holes) {
            put_points(wkb, hole, box);
        }
    }
}

} // namespace

bool append_gpkg_geometry(std::string &out, LayerGeometry geometry, const OutputFeature &feature,
                          int srs_id, Box &extent) {
    const bool point = geometry == LayerGeometry::point;
    if (geometry == LayerGeometry::none || (point && !feature.point) ||
        (geometry == LayerGeometry::multilinestring && feature.lines.empty()) ||
        (geometry == LayerGeometry::multipolygon && feature.polygons.empty())) {
        return false;
    }
    std::string wkb;
    Box box;
    if (point) {
        put_wkb_head(wkb, wkb_point);
        put_double(wkb, feature.point->x);
        put_double(wkb, feature.point->y);
        box.extend(*feature.point);
    } else if (geometry == LayerGeometry::multilinestring) {
        put_lines(wkb, feature.lines, box);
    } else {
        put_polygons(wkb, feature.polygons, box);
    }
    // Flags: bit 0 little-endian; bits 1-3 the envelope, 0 none (a point's is itself), 1 xy.
    out += "GP";
    out.push_back('\x00'); // version 1
    out.push_back(point ? '\x01' : '\x03');
    put_u32(out, static_cast<std::uint32_t>(srs_id));
    if (!point) {
        put_double(out, box.min_x);
        put_double(out, box.max_x);
        put_double(out, box.min_y);
        put_double(out, box.max_y);
    }
    out += wkb;
    extent.extend(box);
    return true;
}

} // namespace adressage::geo::detail
