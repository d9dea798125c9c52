#pragma once
// Internal to geo/src: GEOSPointOnSurface of polygons without building GEOS geometries. The
// algorithm of GEOS 3.11's InteriorPointArea (a horizontal scan line through the middle of
// each polygon's extent, away from its vertices; the midpoint of the widest section inside;
// the widest polygon wins, the first on ties), with the same operations in the same order,
// so the same bits.
#include <optional>

#include "adressage/geo/xy.hpp"

namespace adressage::geo::detail {

// Nothing when GEOS's answer is not reproduced here (no polygon, or a scan line crossed an
// odd number of times, which only a broken ring gives): ask GEOS then.
std::optional<XY> interior_point(const MultiPolygon &polygons);

} // namespace adressage::geo::detail
