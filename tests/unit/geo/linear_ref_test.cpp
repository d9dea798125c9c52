#include "adressage/geo/linear_ref.hpp"

#include <gtest/gtest.h>

using namespace adressage::geo;

TEST(SideOfSegment, LeftRightOn) {
    EXPECT_EQ(side_of_segment({0, 0}, {10, 0}, {5, 1}), Side::left);
    EXPECT_EQ(side_of_segment({0, 0}, {10, 0}, {5, -1}), Side::right);
    EXPECT_EQ(side_of_segment({0, 0}, {10, 0}, {20, 0}), Side::on);
    // Reversing the segment swaps the sides.
    EXPECT_EQ(side_of_segment({10, 0}, {0, 0}, {5, 1}), Side::right);
}

TEST(Length, SumsSegments) {
    EXPECT_DOUBLE_EQ(length({{0, 0}, {3, 4}, {3, 10}}), 11.0);
    EXPECT_DOUBLE_EQ(length({{1, 1}}), 0.0);
}

TEST(Locate, StraightLine) {
    const Polyline line{{0, 0}, {100, 0}};
    const LinePosition left = locate(line, {30, 8});
    EXPECT_DOUBLE_EQ(left.along, 30.0);
    EXPECT_DOUBLE_EQ(left.offset, 8.0);
    EXPECT_EQ(left.side, Side::left);
    EXPECT_EQ(left.foot, (XY{30, 0}));
    const LinePosition right = locate(line, {70, -5});
    EXPECT_DOUBLE_EQ(right.along, 70.0);
    EXPECT_EQ(right.side, Side::right);
}

TEST(Locate, BeyondTheEndsClampsToTheEnds) {
    const Polyline line{{0, 0}, {100, 0}};
    EXPECT_DOUBLE_EQ(locate(line, {-10, 3}).along, 0.0);
    EXPECT_DOUBLE_EQ(locate(line, {-10, 3}).offset, std::hypot(10.0, 3.0));
    EXPECT_DOUBLE_EQ(locate(line, {150, 0}).along, 100.0);
}

TEST(Locate, AlongCountsEarlierSegments) {
    const Polyline line{{0, 0}, {10, 0}, {10, 20}};
    const LinePosition p = locate(line, {12, 15});
    EXPECT_DOUBLE_EQ(p.along, 25.0);
    EXPECT_DOUBLE_EQ(p.offset, 2.0);
    EXPECT_EQ(p.side, Side::right); // going north, x > 10 is on the right
}

TEST(Locate, OutsideOfALeftTurnIsOnTheRight) {
    // East then north: a left turn at (10, 0). A point to the south-east of the corner
    // projects onto the vertex itself; the segments disagree, the turn decides.
    const Polyline line{{0, 0}, {10, 0}, {10, 10}};
    const LinePosition p = locate(line, {13, -4});
    EXPECT_DOUBLE_EQ(p.along, 10.0);
    EXPECT_EQ(p.side, Side::right);
}

TEST(Locate, OutsideOfARightTurnIsOnTheLeft) {
    // East then south: a right turn at (10, 0); the outside (north-east) is on the left.
    const Polyline line{{0, 0}, {10, 0}, {10, -10}};
    const LinePosition p = locate(line, {13, 4});
    EXPECT_DOUBLE_EQ(p.along, 10.0);
    EXPECT_EQ(p.side, Side::left);
}

TEST(Locate, InsideOfACornerUsesTheNearerSegment) {
    const Polyline line{{0, 0}, {10, 0}, {10, 10}};
    const LinePosition p = locate(line, {8, 5}); // nearer the north-going segment, x < 10
    EXPECT_DOUBLE_EQ(p.offset, 2.0);
    EXPECT_EQ(p.side, Side::left);
}
