// point_on_surface computes GEOS's InteriorPointArea itself: the same point as
// GEOSPointOnSurface, bit for bit, on star-shaped polygons (some vertices on the scan line,
// horizontal and vertical edges), with holes, and several polygons at once.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "adressage/geo/geometry_ops.hpp"
#include "geos_reference.hpp"
#include "random_rings.hpp"

using namespace adressage::geo;

namespace {

// A star-shaped ring of 3 to 12 vertices around `centre`, on a 0.5 m grid when `grid`.
Ring star(std::mt19937_64 &random, XY centre, double radius, bool grid) {
    std::uniform_int_distribution<int> count(3, 12);
    const int n = count(random);
    return reference::star_ring(random, centre, radius, n, 0.3, grid);
}

} // namespace

TEST(PointOnSurface, SameBitsAsGeos) {
    reference::GeosReference geos;
    GeosContext ctx;
    std::mt19937_64 random(11);
    std::uniform_real_distribution<double> offset(-2000.0, 2000.0);
    std::uniform_int_distribution<int> parts(1, 3);
    for (int round = 0; round < 5000; ++round) {
        MultiPolygon polygons;
        const int n = parts(random);
        const bool grid = round % 2 == 0;
        for (int k = 0; k < n; ++k) {
            const XY centre{912345.0 + offset(random) + 100.0 * k, 6712345.0 + offset(random)};
            Polygon polygon{star(random, centre, 20.0, grid), {}};
            if (round % 3 == 0) { // a small square hole at the centre
                polygon.holes.push_back({{centre.x - 1, centre.y - 1},
                                         {centre.x - 1, centre.y + 1},
                                         {centre.x + 1, centre.y + 1},
                                         {centre.x + 1, centre.y - 1},
                                         {centre.x - 1, centre.y - 1}});
            }
            polygons.push_back(std::move(polygon));
        }
        const XY expected = geos.point_on_surface(polygons);
        const XY got = point_on_surface(ctx, polygons);
        ASSERT_EQ(got.x, expected.x) << "round " << round;
        ASSERT_EQ(got.y, expected.y) << "round " << round;
    }
}
