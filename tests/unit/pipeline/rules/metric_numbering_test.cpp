#include "rules/metric_numbering.hpp"

#include <gtest/gtest.h>

using adressage::geo::Side;
using adressage::pipeline::MetricNumbering;

namespace {
std::optional<int> number(double along, Side side, const std::set<int> &taken = {}) {
    return MetricNumbering::process_one(along, side, taken);
}
} // namespace

TEST(MetricNumbering, DistanceWithParityBySide) {
    EXPECT_EQ(number(37.2, Side::left), 37);  // odd on the left
    EXPECT_EQ(number(37.2, Side::right), 38); // even on the right: nearest even metre
    EXPECT_EQ(number(36.4, Side::right), 36);
    EXPECT_EQ(number(35.6, Side::right), 36);
    EXPECT_EQ(number(36.4, Side::left), 37); // 36 rounded, odd neighbours 35/37; 36.4 ≥ 36
    EXPECT_EQ(number(35.9, Side::left), 35); // 36 rounded, 35.9 < 36
}

TEST(MetricNumbering, PointsOnTheLineCountAsLeft) { EXPECT_EQ(number(20.0, Side::on), 21); }

TEST(MetricNumbering, NeverZero) {
    EXPECT_EQ(number(0.0, Side::left), 1);
    EXPECT_EQ(number(0.2, Side::right), 2);
}

TEST(MetricNumbering, TakenNumberMovesToTheNextFreeMetreOfTheSameParity) {
    EXPECT_EQ(number(37.0, Side::left, {37}), 39);
    // Never back below a number of the same side (it was given nearer the origin): 35 is free
    // but would put this building before the one numbered 39.
    EXPECT_EQ(number(37.0, Side::left, {37, 39}), 41);
    EXPECT_EQ(number(38.0, Side::right, {38, 40, 36}), 42);
    EXPECT_EQ(number(1.0, Side::left, {1}), 3);
    // Numbers of the other side do not move it.
    EXPECT_EQ(number(37.0, Side::left, {36, 38, 40}), 37);
    EXPECT_EQ(number(38.0, Side::right, {37, 39, 41}), 38);
    // A free metre further than the last number of the side keeps its place.
    EXPECT_EQ(number(80.2, Side::left, {37, 39}), 81);
}

TEST(MetricNumbering, DensePlacesKeepOrderAndParity) {
    // Ten buildings on the left within 3 metres: 21, 23... each moved past the previous one.
    std::set<int> taken;
    int previous = 0;
    for (int i = 0; i < 10; ++i) {
        const auto n = number(20.0 + 0.3 * i, Side::left, taken);
        ASSERT_TRUE(n);
        EXPECT_EQ(*n % 2, 1);
        EXPECT_GT(*n, previous);
        previous = *n;
        taken.insert(*n);
    }
    EXPECT_EQ(previous, 39);
}

TEST(MetricNumbering, StaysWithin1And9999) {
    EXPECT_EQ(number(9998.6, Side::left), 9999);
    EXPECT_EQ(number(9999.0, Side::right), 9998);
    EXPECT_EQ(number(9999.0, Side::left, {9997}), 9999);
    EXPECT_FALSE(number(10250.0, Side::left));
    std::set<int> all_odd;
    for (int n = 1; n <= 9999; n += 2) {
        all_odd.insert(n);
    }
    EXPECT_FALSE(number(10.0, Side::left, all_odd));
    EXPECT_EQ(number(10.0, Side::right, all_odd), 10);
    // Pushed past 9999 by a collision at the end of a 9,999 m voie: no number.
    EXPECT_FALSE(number(9998.8, Side::left, {9999}));
}

TEST(MetricNumbering, DecametresBeyond9999Metres) {
    EXPECT_EQ(MetricNumbering::metres_per_unit(9999.0), 1);
    EXPECT_EQ(MetricNumbering::metres_per_unit(9999.5), 10);
    EXPECT_EQ(MetricNumbering::metres_per_unit(25000.0), 10);
    // 12,345 m from the origin on a 25 km voie: 1234.5 decametres, odd left 1235, even right 1234.
    EXPECT_EQ(MetricNumbering::process_one(12345.0, Side::left, {}, 10), 1235);
    EXPECT_EQ(MetricNumbering::process_one(12345.0, Side::right, {}, 10), 1234);
    EXPECT_EQ(MetricNumbering::process_one(12345.0, Side::right, {1234}, 10), 1236);
    EXPECT_EQ(MetricNumbering::process_one(3.0, Side::left, {}, 10), 1);
    EXPECT_EQ(MetricNumbering::process_one(99985.0, Side::left, {}, 10), 9999);
    EXPECT_FALSE(MetricNumbering::process_one(100100.0, Side::left, {}, 10));
}
