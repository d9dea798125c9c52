#pragma once
// Internal to geo/src: what every reader of a feature's geometry (the OGR one, the WKB one)
// accepts, so that a feature is kept or skipped for the same reason whichever way it was read.
#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "adressage/geo/vector_reader.hpp"

namespace adressage::geo::detail {

// Empties the geometry members and the skip reason of `record`, before it is refilled.
inline void clear_geometry(FeatureRecord &record) {
    record.lines.clear();
    record.polygons.clear();
    record.points.clear();
    record.skip_reason = nullptr;
}

// No coordinate reference system on Earth has coordinates beyond a billion (metres or
// degrees); PROJ refuses 1e300, and one such feature aborted the whole run.
constexpr double largest_coordinate = 1e9;

// A coordinate the readers take: finite and at most largest_coordinate (NaN fails both).
inline bool plausible(XY p) {
    return std::abs(p.x) <= largest_coordinate && std::abs(p.y) <= largest_coordinate;
}

inline bool plausible(const std::vector<XY> &points) {
    return std::all_of(points.begin(), points.end(), [](XY p) { return plausible(p); });
}

// Appends `line` to `out` when its coordinates are plausible and it has two points; otherwise
// returns the skip reason.
inline const char *add_line(Polyline line, std::vector<Polyline> &out) {
    if (!plausible(line)) {
        return "invalid_coordinates";
    }
    if (line.size() < 2) {
        return "degenerate_geometry";
    }
    out.push_back(std::move(line));
    return nullptr;
}

// Appends `polygon` to `out` when its rings have plausible coordinates and are closed, of four
// points at least; otherwise returns the skip reason.
inline const char *add_polygon(Polygon polygon, MultiPolygon &out) {
    const auto usable = [](const Ring &r) { return r.size() >= 4 && r.front() == r.back(); };
    if (!plausible(polygon.outer)) {
        return "invalid_coordinates";
    }
    if (!usable(polygon.outer)) {
        return "degenerate_geometry";
    }
    for (const Ring &hole : polygon.holes) {
        if (!plausible(hole) || !usable(hole)) {
            return "degenerate_geometry";
        }
    }
    out.push_back(std::move(polygon));
    return nullptr;
}

} // namespace adressage::geo::detail
