#include "adressage/geo/nearest_line_index.hpp"

#include <gtest/gtest.h>

using namespace adressage::geo;

TEST(NearestLineIndex, FindsTheNearestWithinTheMaximum) {
    GeosContext ctx;
    const std::vector<Polyline> lines{
        {{0, 0}, {100, 0}}, {{0, 50}, {100, 50}}, {{0, 200}, {100, 200}}};
    const NearestLineIndex index(ctx, lines);
    auto hit = index.nearest({50, 40}, 100);
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->index, 1u);
    EXPECT_DOUBLE_EQ(hit->distance, 10.0);
    hit = index.nearest({50, 180}, 100);
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->index, 2u);
    EXPECT_FALSE(index.nearest({50, 400}, 100));
}

TEST(NearestLineIndex, TiesGoToTheLowestIndex) {
    GeosContext ctx;
    std::vector<Polyline> lines;
    // Many equidistant lines around the query point, inserted in an arbitrary order.
    for (int i = 0; i < 40; ++i) {
        const double y = (i % 2 == 0) ? 10.0 : -10.0;
        lines.push_back({{-5.0 - i, y}, {5.0 + i, y}});
    }
    const NearestLineIndex index(ctx, lines);
    const auto hit = index.nearest({0, 0}, 50);
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->index, 0u);
    EXPECT_DOUBLE_EQ(hit->distance, 10.0);
}

TEST(NearestLineIndex, EmptyIndexFindsNothing) {
    GeosContext ctx;
    const NearestLineIndex index(ctx, {});
    EXPECT_FALSE(index.nearest({0, 0}, 1e9));
}
