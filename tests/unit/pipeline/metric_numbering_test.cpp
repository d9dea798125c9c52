#include "adressage/pipeline/metric_numbering.hpp"

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

TEST(MetricNumbering, TakenNumberMovesToTheNearestFreeMetreOfTheSameParity) {
    EXPECT_EQ(number(37.0, Side::left, {37}), 39);
    EXPECT_EQ(number(37.0, Side::left, {37, 39}), 35);
    EXPECT_EQ(number(38.0, Side::right, {38, 40, 36}), 42);
    EXPECT_EQ(number(1.0, Side::left, {1}), 3);
}

TEST(MetricNumbering, StaysWithin1And9999) {
    EXPECT_EQ(number(9998.6, Side::left), 9999);
    EXPECT_EQ(number(9999.0, Side::right), 9998);
    EXPECT_EQ(number(9999.0, Side::left, {9999}), 9997);
    EXPECT_FALSE(number(10250.0, Side::left));
    std::set<int> all_odd;
    for (int n = 1; n <= 9999; n += 2) {
        all_odd.insert(n);
    }
    EXPECT_FALSE(number(10.0, Side::left, all_odd));
    EXPECT_EQ(number(10.0, Side::right, all_odd), 10);
}
