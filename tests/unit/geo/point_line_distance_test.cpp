#include "adressage/geo/point_line_distance.hpp"

#include <gtest/gtest.h>

#include <random>

#include "adressage/geo/nearest_line_index.hpp"

using namespace adressage::geo;

TEST(PointLineDistance, FootInsideAndBeyondTheEnds) {
    const Polyline line{{0, 0}, {10, 0}, {10, 10}};
    EXPECT_DOUBLE_EQ(point_line_distance({5, 3}, line), 3.0);
    EXPECT_DOUBLE_EQ(point_line_distance({-3, -4}, line), 5.0);
    EXPECT_DOUBLE_EQ(point_line_distance({13, 14}, line), 5.0);
    EXPECT_DOUBLE_EQ(point_line_distance({10, 5}, line), 0.0);
}

TEST(PointLineDistance, RepeatedPointsAreAPoint) {
    EXPECT_DOUBLE_EQ(point_line_distance({3, 4}, Polyline{{0, 0}, {0, 0}}), 5.0);
}

// The same distance within the reach, nothing beyond it.
TEST(PointLineDistance, WithinAReach) {
    std::mt19937_64 random(5);
    std::uniform_real_distribution<double> coordinate(0.0, 400.0);
    for (int round = 0; round < 3000; ++round) {
        Polyline line;
        for (int i = 0; i < 2 + round % 9; ++i) {
            line.push_back({912000.0 + coordinate(random), 6712000.0 + coordinate(random)});
        }
        const XY p{912000.0 + coordinate(random), 6712000.0 + coordinate(random)};
        const double exact = point_line_distance(p, line);
        for (const double reach : {0.0, 5.0, 50.0, 150.0, exact, 1e9}) {
            const auto d = point_line_distance_within(p, line, reach);
            if (exact <= reach) {
                ASSERT_TRUE(d);
                EXPECT_EQ(*d, exact);
            } else {
                EXPECT_FALSE(d);
            }
        }
    }
}

// Bit for bit the distance GEOS computes (NearestLineIndex::nearest asks GEOSDistance), on
// coordinates of the size of Lambert 93 ones, where rounding shows.
TEST(PointLineDistance, SameBitsAsGeos) {
    GeosContext ctx;
    std::mt19937_64 random(42);
    std::uniform_real_distribution<double> coordinate(-500.0, 500.0);
    std::uniform_int_distribution<int> points(2, 8);
    for (int round = 0; round < 2000; ++round) {
        const XY origin{912345.678 + coordinate(random), 6712345.678 + coordinate(random)};
        Polyline line;
        const int n = points(random);
        for (int i = 0; i < n; ++i) {
            line.push_back(
                {origin.x + coordinate(random) / 7.0, origin.y + coordinate(random) / 7.0});
        }
        if (round % 10 == 0) {
            line.push_back(line.back()); // a repeated vertex
        }
        const NearestLineIndex index(ctx, {line});
        for (int q = 0; q < 10; ++q) {
            const XY p{origin.x + coordinate(random) / 3.0, origin.y + coordinate(random) / 3.0};
            const auto hit = index.nearest(p, 1e9);
            ASSERT_TRUE(hit);
            EXPECT_EQ(point_line_distance(p, line), hit->distance);
        }
    }
}
