#pragma once
// For the geo tests: seeded star-shaped rings, the polygons they compare with GEOS.
#include <cmath>
#include <random>

#include "adressage/geo/xy.hpp"

namespace adressage::geo::reference {

// A closed ring of `vertices` around `centre`, each at `radius` times a ratio drawn in
// [min_ratio, 1), counter-clockwise (clockwise when `clockwise`), on a 0.5 m grid when `grid`.
inline Ring star_ring(std::mt19937_64 &random, XY centre, double radius, int vertices,
                      double min_ratio, bool grid, bool clockwise = false) {
    std::uniform_real_distribution<double> ratio(min_ratio, 1.0);
    Ring ring;
    for (int i = 0; i < vertices; ++i) {
        const double angle = (clockwise ? -1.0 : 1.0) * 2.0 * M_PI * i / vertices;
        const double r = radius * ratio(random);
        XY p{centre.x + r * std::cos(angle), centre.y + r * std::sin(angle)};
        if (grid) {
            p = {std::round(p.x * 2.0) / 2.0, std::round(p.y * 2.0) / 2.0};
        }
        ring.push_back(p);
    }
    ring.push_back(ring.front());
    return ring;
}

} // namespace adressage::geo::reference
