#include "adressage/geo/polygon_index.hpp"

#include <gtest/gtest.h>

#include "adressage/geo/geometry_ops.hpp"
#include "adressage/geo/nearest_line_index.hpp"

using namespace adressage::geo;

namespace {
MultiPolygon rect(double x0, double y0, double x1, double y1) {
    return {Polygon{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}, {}}};
}
} // namespace

TEST(PolygonIndex, ContainingIncludesTheOutline) {
    GeosContext ctx;
    const PolygonIndex index(ctx, {rect(0, 0, 10, 10), rect(10, 0, 20, 10), rect(50, 50, 60, 60)});
    EXPECT_EQ(index.containing({5, 5}), std::vector<std::size_t>{0});
    EXPECT_EQ(index.containing({10, 5}), (std::vector<std::size_t>{0, 1}));
    EXPECT_TRUE(index.containing({30, 30}).empty());
}

TEST(PolygonIndex, NearFindsTouchingAndCloseOnes) {
    GeosContext ctx;
    const PolygonIndex index(ctx, {rect(0, 0, 10, 10), rect(10.3, 0, 20, 10), rect(11, 11, 20, 20),
                                   rect(30, 0, 40, 10)});
    EXPECT_EQ(index.near(rect(0, 0, 10, 10), 0.5), (std::vector<std::size_t>{0, 1}));
    EXPECT_EQ(index.near(rect(0, 0, 10, 10), 1.5), (std::vector<std::size_t>{0, 1, 2}));
    EXPECT_TRUE(PolygonIndex(ctx, {}).near(rect(0, 0, 1, 1), 10).empty());
}

TEST(GeometryOps, AreaCountsHoles) {
    MultiPolygon p = rect(0, 0, 10, 10);
    EXPECT_DOUBLE_EQ(area(p), 100.0);
    p[0].holes.push_back({{2, 2}, {4, 2}, {4, 4}, {2, 4}, {2, 2}});
    EXPECT_DOUBLE_EQ(area(p), 96.0);
    EXPECT_DOUBLE_EQ(area(rect(0, 0, 5, 4)), 20.0);
}

TEST(GeometryOps, NearestOutlinePointEvenWhenTheLineCrossesThePolygon) {
    GeosContext ctx;
    XY p = nearest_outline_point(ctx, rect(0, 10, 10, 20), {{{5, 0}, {20, 0}}});
    EXPECT_EQ(p, (XY{5, 10}));
    // A line through the building: the outline point where it enters, not a point inside.
    p = nearest_outline_point(ctx, rect(0, 10, 10, 20), {{{5, 0}, {5, 15}}});
    EXPECT_EQ(p, (XY{5, 10}));
}

TEST(GeometryOps, DistancePolygonToLines) {
    GeosContext ctx;
    EXPECT_DOUBLE_EQ(distance(ctx, rect(0, 10, 10, 20), {{{0, 0}, {10, 0}}, {{20, 0}, {20, 30}}}),
                     10.0);
}

TEST(NearestLineIndex, WithinListsEveryLineNearestFirst) {
    GeosContext ctx;
    const NearestLineIndex index(
        ctx,
        {{{0, 30}, {100, 30}}, {{0, 10}, {100, 10}}, {{0, -10}, {100, -10}}, {{0, 99}, {1, 99}}});
    const auto hits = index.within({50, 0}, 40);
    ASSERT_EQ(hits.size(), 3u);
    EXPECT_EQ(hits[0].index, 1u); // tie at 10 m: lowest index first
    EXPECT_EQ(hits[1].index, 2u);
    EXPECT_EQ(hits[2].index, 0u);
    EXPECT_DOUBLE_EQ(hits[2].distance, 30.0);
}

TEST(NearestLineIndex, CrossingFindsLinesThatMeetTheSegment) {
    GeosContext ctx;
    const NearestLineIndex index(ctx, {{{0, 5}, {100, 5}},     // crossed
                                       {{0, 50}, {100, 50}},   // beyond the segment
                                       {{40, 0}, {60, 20}},    // crossed diagonally
                                       {{50, 20}, {50, 30}},   // collinear, touching the end
                                       {{60, -5}, {60, 25}}}); // beside it
    EXPECT_EQ(index.crossing({50, 0}, {50, 20}), (std::vector<std::size_t>{0, 2, 3}));
    // A vertical segment has a zero-width envelope: still found.
    EXPECT_EQ(index.crossing({50, 6}, {50, 8}), (std::vector<std::size_t>{}));
    EXPECT_EQ(index.crossing({50, 4}, {50, 6}), (std::vector<std::size_t>{0}));
}
