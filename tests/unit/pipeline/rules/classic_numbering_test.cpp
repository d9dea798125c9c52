#include "rules/classic_numbering.hpp"

#include <gtest/gtest.h>

#include <vector>

using adressage::geo::Side;
using adressage::pipeline::ClassicNumbering;

namespace {

// Numbers buildings given as (along, side) in order from the origin.
std::vector<int> number_all(const std::vector<std::pair<double, Side>> &buildings, double gap) {
    std::optional<ClassicNumbering::Previous> previous[2];
    std::vector<int> out;
    for (const auto &[along, side] : buildings) {
        auto &last = previous[side == Side::right ? 1 : 0];
        const auto n = ClassicNumbering::process_one(along, side, last, gap);
        out.push_back(n ? *n : -1);
        if (n) {
            last = ClassicNumbering::Previous{*n, along};
        }
    }
    return out;
}

} // namespace

TEST(ClassicNumbering, OddLeftEvenRightInOrder) {
    const std::vector<std::pair<double, Side>> buildings{
        {5, Side::left},    {7, Side::right}, {30, Side::left},  {31, Side::left},
        {200, Side::right}, {210, Side::on},  {400, Side::right}};
    EXPECT_EQ(number_all(buildings, 0.0), (std::vector<int>{1, 2, 3, 5, 4, 7, 6}));
}

TEST(ClassicNumbering, DistanceDoesNotMatterWithoutGaps) {
    EXPECT_EQ(ClassicNumbering::process_one(900.0, Side::left, std::nullopt, 0.0), 1);
    EXPECT_EQ(ClassicNumbering::process_one(900.0, Side::right, std::nullopt, 0.0), 2);
    EXPECT_EQ(ClassicNumbering::process_one(5000.0, Side::right,
                                            ClassicNumbering::Previous{8, 12.0}, 0.0),
              10);
}

TEST(ClassicNumbering, GapsLeaveNumbersForFutureBuildings) {
    // The header's example: G = 30, left at 10, 25 and 130 m → 1, 3, 9.
    EXPECT_EQ(number_all({{10, Side::left}, {25, Side::left}, {130, Side::left}}, 30.0),
              (std::vector<int>{1, 3, 9}));
    // From the origin: 65 m of empty frontage hold 2 plots of 20 m (1 and 3 left free).
    EXPECT_EQ(ClassicNumbering::process_one(65.0, Side::left, std::nullopt, 20.0), 5);
    EXPECT_EQ(ClassicNumbering::process_one(65.0, Side::right, std::nullopt, 20.0), 6);
    // Closer than one plot: the next number; exactly two plots: one left free.
    EXPECT_EQ(
        ClassicNumbering::process_one(50.0, Side::right, ClassicNumbering::Previous{4, 45.0}, 20.0),
        6);
    EXPECT_EQ(
        ClassicNumbering::process_one(85.0, Side::right, ClassicNumbering::Previous{4, 45.0}, 20.0),
        8);
}

TEST(ClassicNumbering, NothingAbove9999) {
    EXPECT_EQ(
        ClassicNumbering::process_one(1.0, Side::left, ClassicNumbering::Previous{9997, 0}, 0.0),
        9999);
    EXPECT_FALSE(
        ClassicNumbering::process_one(1.0, Side::right, ClassicNumbering::Previous{9998, 0}, 0.0));
    EXPECT_FALSE(ClassicNumbering::process_one(1e9, Side::left, std::nullopt, 1.0));
}
