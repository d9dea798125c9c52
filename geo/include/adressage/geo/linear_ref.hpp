#pragma once
// Linear referencing on polylines: where a point projects, how far along, on which side.
#include <cstddef>

#include "adressage/geo/xy.hpp"

namespace adressage::geo {

enum class Side { left, right, on };

// Side of `p` relative to the directed segment a→b.
Side side_of_segment(XY a, XY b, XY p);

double length(const Polyline &line);

struct LinePosition {
    double along = 0.0;   // distance from the first vertex to the foot, along the line
    double offset = 0.0;  // distance from the point to the foot
    Side side = Side::on; // side of the point, looking from the first vertex to the last
    XY foot;              // nearest point of the line
};

// The nearest point of `line` to `p`. On ties the earliest position along the line wins.
// Requires at least two vertices.
LinePosition locate(const Polyline &line, XY p);

} // namespace adressage::geo
