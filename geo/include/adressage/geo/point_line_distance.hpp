#pragma once
// The distance from a point to a polyline, computed as GEOS 3.11 computes GEOSDistance between
// a point and a linestring (algorithm::Distance::pointToSegment over every segment, keeping the
// smallest): the same operations in the same order, so the same bits, without building GEOS
// geometries for every query.
#include <optional>

#include "adressage/geo/xy.hpp"

namespace adressage::geo {

double point_segment_distance(XY p, XY a, XY b);

// `line` has at least two points.
double point_line_distance(XY p, const Polyline &line);

// point_line_distance when it is at most `reach`, else nothing; segments whose box lies
// farther than the reach (or than the best so far) are not measured.
std::optional<double> point_line_distance_within(XY p, const Polyline &line, double reach);

} // namespace adressage::geo
