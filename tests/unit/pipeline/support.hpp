#pragma once
// Small geometries shared by the pipeline's unit tests.
#include <string>

#include "adressage/geo/xy.hpp"
#include "core/model.hpp"

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

// A road segment: named, or unnamed ("") with its kind.
inline RoadSegment road(std::string name, geo::Polyline line, std::string kind = "residential") {
    RoadSegment r;
    r.name = std::move(name);
    r.line = std::move(line);
    r.kind = std::move(kind);
    return r;
}

} // namespace adressage::pipeline::test
