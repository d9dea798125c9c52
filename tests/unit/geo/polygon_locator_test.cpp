#include "adressage/geo/polygon_locator.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "geos_reference.hpp"
#include "random_rings.hpp"

using namespace adressage::geo;
using adressage::geo::reference::GeosReference;
using adressage::geo::reference::star_ring;

namespace {

MultiPolygon rect(double x0, double y0, double x1, double y1) {
    return {Polygon{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}, {}}};
}

// Star-shaped polygons of Lambert 93 size around `centre`: some with a hole, some of two parts.
MultiPolygon random_footprint(std::mt19937_64 &random, XY centre, double radius) {
    std::uniform_int_distribution<int> vertices(3, 12);
    std::uniform_int_distribution<int> shape(0, 3);
    const int kind = shape(random);
    Polygon polygon{star_ring(random, centre, radius, vertices(random), 0.5, false), {}};
    if (kind == 1) {
        polygon.holes.push_back(
            star_ring(random, centre, radius * 0.2, vertices(random), 0.3, false, true));
    }
    MultiPolygon out{polygon};
    if (kind == 2) {
        const XY beside{centre.x + 2.5 * radius, centre.y};
        out.push_back({star_ring(random, beside, radius, vertices(random), 0.5, false), {}});
    }
    return out;
}

} // namespace

TEST(EvenOddContains, HolesAndDegenerateRings) {
    MultiPolygon p = rect(0, 0, 10, 10);
    p[0].holes.push_back({{2, 2}, {4, 2}, {4, 4}, {2, 4}, {2, 2}});
    EXPECT_TRUE(even_odd_contains(p, {5, 5}));
    EXPECT_FALSE(even_odd_contains(p, {3, 3}));
    EXPECT_FALSE(even_odd_contains(p, {11, 5}));
    EXPECT_FALSE(even_odd_contains({Polygon{{{0, 0}, {10, 0}, {0, 0}}, {}}}, {1, 0}));
    EXPECT_FALSE(even_odd_contains({}, {0, 0}));
}

// GEOS's answer for points off the outline: random points are never on it.
TEST(EvenOddContains, SameAsGeosOffTheOutline) {
    GeosReference geos;
    std::mt19937_64 random(11);
    std::uniform_real_distribution<double> offset(-40.0, 40.0);
    for (int round = 0; round < 300; ++round) {
        const XY centre{912345.678 + offset(random), 6712345.678 + offset(random)};
        const MultiPolygon footprint = random_footprint(random, centre, 15.0);
        std::vector<XY> points;
        for (int q = 0; q < 60; ++q) {
            points.push_back({centre.x + offset(random), centre.y + offset(random) / 2.0});
        }
        const std::vector<char> expected = geos.contains(footprint, points);
        for (std::size_t q = 0; q < points.size(); ++q) {
            ASSERT_NE(expected[q], 2);
            EXPECT_EQ(even_odd_contains(footprint, points[q]), expected[q] == 1)
                << "round " << round << " point " << q;
        }
    }
}

TEST(OutlineDistance, OuterRingsAndHoles) {
    MultiPolygon p = rect(0, 0, 10, 10);
    p[0].holes.push_back({{2, 2}, {4, 2}, {4, 4}, {2, 4}, {2, 2}});
    EXPECT_DOUBLE_EQ(outline_distance(p, {5, 3}), 1.0);   // to the hole
    EXPECT_DOUBLE_EQ(outline_distance(p, {13, 14}), 5.0); // to a corner
    EXPECT_DOUBLE_EQ(outline_distance(p, {5, -2}), 2.0);
    EXPECT_EQ(outline_distance(p, {10, 5}), 0.0);
    EXPECT_TRUE(std::isinf(outline_distance({}, {0, 0})));
}

// GEOSDistance to the boundary, within rounding: the formula is not GEOS's (see the header).
TEST(OutlineDistance, GeosDistanceToTheBoundaryWithinRounding) {
    GeosReference geos;
    std::mt19937_64 random(12);
    std::uniform_real_distribution<double> offset(-40.0, 40.0);
    for (int round = 0; round < 300; ++round) {
        const XY centre{912345.678 + offset(random), 6712345.678 + offset(random)};
        const MultiPolygon footprint = random_footprint(random, centre, 15.0);
        std::vector<XY> points;
        for (int q = 0; q < 40; ++q) {
            points.push_back({centre.x + offset(random), centre.y + offset(random)});
        }
        const std::vector<double> expected = geos.outline_distances(footprint, points);
        for (std::size_t q = 0; q < points.size(); ++q) {
            EXPECT_NEAR(outline_distance(footprint, points[q]), expected[q], 1e-8);
        }
    }
}

TEST(PolygonLocator, HolderFirstThenNearestWithinTheReach) {
    const PolygonLocator locator({rect(0, 0, 10, 10), rect(5, 0, 15, 10), rect(20, 0, 30, 10)},
                                 {{5, 5}, {10, 5}, {25, 5}});
    EXPECT_EQ(locator.locate({7, 5}, 1.0), 0u); // both hold it: the lowest index
    EXPECT_EQ(locator.locate({12, 5}, 1.0), 1u);
    EXPECT_EQ(locator.locate({19.5, 5}, 1.0), 2u);
    EXPECT_EQ(locator.locate({17.5, 5}, 1.0), std::nullopt);
    EXPECT_EQ(locator.locate({17.5, 5}, 3.0), 1u);         // 2.5 m from both: the lowest index
    EXPECT_EQ(locator.locate({19, 5}, 1.0), std::nullopt); // exactly at the reach
    EXPECT_EQ(locator.locate({-0.5, -0.5}, 1.0), 0u);
}

// The holder GEOS finds (the lowest index), else the nearest by GEOS's distance to the boundary
// or to the anchor; cases closer to a tie or to the reach than the rounding are left out.
TEST(PolygonLocator, SameAsGeosOnRandomFootprints) {
    GeosReference geos;
    std::mt19937_64 random(13);
    std::uniform_real_distribution<double> across(0.0, 300.0);
    std::uniform_real_distribution<double> size(3.0, 12.0);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const XY origin{1043210.987, 6301234.567};
    std::vector<MultiPolygon> footprints;
    std::vector<XY> anchors;
    for (int i = 0; i < 150; ++i) {
        const XY centre{origin.x + across(random), origin.y + across(random)};
        footprints.push_back(random_footprint(random, centre, size(random)));
        anchors.push_back(geos.point_on_surface(footprints.back()));
    }
    // Points anywhere, and points near an outline (within 2 m of a random vertex).
    std::vector<XY> points;
    for (int q = 0; q < 3000; ++q) {
        if (q % 2 == 0) {
            points.push_back({origin.x + across(random), origin.y + across(random)});
            continue;
        }
        const MultiPolygon &f = footprints[static_cast<std::size_t>(q) % footprints.size()];
        const Ring &ring = f.front().outer;
        const XY v = ring[static_cast<std::size_t>(unit(random) * (ring.size() - 1))];
        points.push_back({v.x + 4.0 * unit(random) - 2.0, v.y + 4.0 * unit(random) - 2.0});
    }
    std::vector<std::vector<char>> inside;
    std::vector<std::vector<double>> outline;
    for (const MultiPolygon &f : footprints) {
        inside.push_back(geos.contains(f, points));
        outline.push_back(geos.outline_distances(f, points));
    }
    const PolygonLocator locator(footprints, anchors);
    const double reach = 1.0;
    const double rounding = 1e-7;
    int compared = 0;
    for (std::size_t q = 0; q < points.size(); ++q) {
        std::optional<std::size_t> expected;
        for (std::size_t i = 0; i < footprints.size() && !expected; ++i) {
            expected = inside[i][q] == 1 ? std::optional<std::size_t>(i) : std::nullopt;
        }
        bool unclear = false;
        if (!expected) {
            // The nearest must be clearly nearer than the next one, and clearly on one side of
            // the reach.
            double first = INFINITY;
            double second = INFINITY;
            std::size_t nearest = 0;
            for (std::size_t i = 0; i < footprints.size(); ++i) {
                const double d = std::min(distance(points[q], anchors[i]), outline[i][q]);
                if (d < first) {
                    second = first;
                    first = d;
                    nearest = i;
                } else if (d < second) {
                    second = d;
                }
            }
            if (first < reach) {
                expected = nearest;
            }
            unclear = second - first < rounding || std::abs(first - reach) < rounding;
        }
        if (!unclear) {
            ++compared;
            EXPECT_EQ(locator.locate(points[q], reach), expected) << "point " << q;
        }
    }
    EXPECT_GT(compared, 2900);
}
