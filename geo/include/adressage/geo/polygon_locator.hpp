#pragma once
// Which of a fixed set of polygons a point stands for, without GEOS: the polygon that holds it,
// else the nearest one within a reach (the building of an address position, say).
// PolygonIndex answers "which polygons cover p" with GEOS, outline included; here a point on an
// outline belongs to whichever polygon the even-odd rule gives it, as the update has always
// matched addresses, and a point outside every polygon finds the nearest outline.
#include <cstddef>
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "adressage/geo/xy.hpp"

namespace adressage::geo {

// `p` inside one of the polygons by the even-odd rule (outer ring less its holes; a polygon
// whose outer ring has fewer than 4 points holds nothing). GEOS's answer for every point off
// the outline; on the outline either.
bool even_odd_contains(const MultiPolygon &polygons, XY p);

// The distance from `p` to the polygons' outlines, outer rings and holes (infinity when they
// have no segment). Within rounding of GEOSDistance to their boundary, not its bits: the foot
// is clamped to each segment and measured with distance(), the formula the update's matches
// were made with (point_segment_distance has GEOS's).
double outline_distance(const MultiPolygon &polygons, XY p);

class PolygonLocator {
  public:
    // anchors[i] is a point of polygons[i] (a building's anchor) that counts as near as its
    // outline.
    PolygonLocator(std::vector<MultiPolygon> polygons, std::vector<XY> anchors);

    // The lowest index of the polygons holding `p` (even_odd_contains), else the one nearest
    // (by its outline or anchor) below `reach` metres, the lowest index on ties.
    std::optional<std::size_t> locate(XY p, double reach) const;

  private:
    static long cell(double v);
    std::vector<MultiPolygon> polygons_;
    std::vector<XY> anchors_;
    // The polygons by the cells of a 50 m grid that their boxes (anchor included) cover.
    std::map<std::pair<long, long>, std::vector<std::size_t>> cells_;
};

} // namespace adressage::geo
