#pragma once
// Internal to geo/src: a quick proof that a ring is simple, so that most building footprints
// skip GEOS's validity check. Only a certain answer counts: every orientation is decided with
// a floating-point error bound, and anything undecided (or a repeated vertex, a straight
// vertex, a touch) is left to GEOS.
#include "adressage/geo/xy.hpp"

namespace adressage::geo::detail {

// True only when `ring` is closed, has at least three distinct vertices, no two consecutive
// equal, no three consecutive in line, and no two of its segments meet except consecutive
// ones at their shared vertex: a polygon made of it alone is valid for GEOS.
bool certainly_simple(const Ring &ring);

} // namespace adressage::geo::detail
