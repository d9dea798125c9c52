#pragma once
// Small geometries shared by the pipeline's unit tests.
#include "adressage/geo/xy.hpp"

namespace adressage::pipeline::test {

// A square footprint of side 2 × half around c.
inline geo::MultiPolygon box_around(geo::XY c, double half = 3.0) {
    return {geo::Polygon{{{c.x - half, c.y - half},
                          {c.x + half, c.y - half},
                          {c.x + half, c.y + half},
                          {c.x - half, c.y + half},
                          {c.x - half, c.y - half}},
                         {}}};
}

} // namespace adressage::pipeline::test
