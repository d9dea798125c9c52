#pragma once
// Geometry operations on plain values, computed with GEOS.
#include <cstdint>
#include <memory>
#include <vector>

#include "adressage/geo/geos_context.hpp"
#include "adressage/geo/xy.hpp"

namespace adressage::geo {

// A point guaranteed to lie in the interior of the polygons (GEOSPointOnSurface).
XY point_on_surface(GeosContext &ctx, const MultiPolygon &polygons);

XY centroid(GeosContext &ctx, const MultiPolygon &polygons);

bool is_valid(GeosContext &ctx, const MultiPolygon &polygons);

// The polygonal part of GEOSMakeValid; empty when nothing polygonal is left.
MultiPolygon make_valid(GeosContext &ctx, const MultiPolygon &polygons);

// Union of all polygons (e.g. the cadastre sheets of one commune). A part that is not valid
// (a self-intersecting ring, a bow-tie) is repaired by make_valid first: GEOS's union fails on
// it (TopologyException). `repaired`, when given, counts those parts.
MultiPolygon union_all(GeosContext &ctx, const std::vector<MultiPolygon> &parts,
                       std::int64_t *repaired = nullptr);

// Sews lines that touch end to end into longer lines (GEOSLineMerge).
// The result is sorted (longest first, then by first vertex) so it does not depend on GEOS's order.
std::vector<Polyline> line_merge(GeosContext &ctx, const std::vector<Polyline> &lines);

// Shortest distance between two polylines.
double distance(GeosContext &ctx, const Polyline &a, const Polyline &b);

// distance(ctx, a, b) <= limit, GEOS asked only when neither the gap between the lines' boxes
// (a lower bound) nor the distance between their ends (an upper bound) settles it.
bool within_distance(GeosContext &ctx, const Polyline &a, const Polyline &b, double limit);

// Shortest distance between polygons and lines (0 when they meet).
double distance(GeosContext &ctx, const MultiPolygon &area, const std::vector<Polyline> &lines);

// Area in square metres (outer rings minus holes), by the shoelace formula.
double area(const MultiPolygon &polygons);

// The point of the polygons' outline (outer rings and holes) nearest to `lines`; on ties, the
// one GEOS finds first (deterministic for the same input).
XY nearest_outline_point(GeosContext &ctx, const MultiPolygon &polygons,
                         const std::vector<Polyline> &lines);

// A polygonal area prepared for many point-in and clip queries.
class PreparedArea {
  public:
    PreparedArea(GeosContext &ctx, const MultiPolygon &area);
    ~PreparedArea();
    PreparedArea(const PreparedArea &) = delete;
    PreparedArea &operator=(const PreparedArea &) = delete;

    bool contains(XY p) const;
    // Metres from `p` to the area (0 inside it).
    double distance(XY p) const;
    // The parts of `line` inside the area (empty when it lies wholly outside).
    std::vector<Polyline> clip(const Polyline &line) const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace adressage::geo
