#include "rules/voie_origin.hpp"

#include <gtest/gtest.h>

using namespace adressage;
using namespace adressage::pipeline;

namespace {
OriginChoice choose(geo::XY first, geo::XY last, geo::XY reference = {0, 0},
                    std::optional<Cardinal> forced = std::nullopt, bool town_hall = false) {
    return VoieOrigin::process_one(first, last, reference, town_hall, forced);
}
} // namespace

TEST(VoieOrigin, StartsAtTheEndNearerTheCentre) {
    // A radial street: from the centre outwards, whichever way it was drawn.
    EXPECT_FALSE(choose({100, 0}, {500, 0}).reverse);
    EXPECT_TRUE(choose({500, 0}, {100, 0}).reverse);
    EXPECT_EQ(choose({500, 0}, {100, 0}).rule, OriginRule::centre);
    // South of the centre, going south: the north end is nearer, so it starts there.
    EXPECT_TRUE(choose({30, -900}, {20, -100}).reverse);
}

TEST(VoieOrigin, TownHallIsTheReferenceWhenGiven) {
    // The same street seen from a town hall at its far end.
    const OriginChoice c = choose({100, 0}, {500, 0}, {600, 0}, std::nullopt, true);
    EXPECT_TRUE(c.reverse);
    EXPECT_EQ(c.rule, OriginRule::town_hall);
}

TEST(VoieOrigin, AmbiguousEastWestStreetStartsInTheEast) {
    // A street crossing north of the centre: both ends 500 m and 510 m away (less than 10 % of
    // its 200 m apart): East→West.
    const geo::XY west{-100, 489.9};
    const geo::XY east{100, 500.0};
    for (const auto &[first, last] : {std::pair{west, east}, std::pair{east, west}}) {
        const OriginChoice c = choose(first, last);
        EXPECT_EQ(c.rule, OriginRule::east_to_west);
        EXPECT_EQ(c.reverse, first.x < last.x) << "the origin must be the east end";
    }
}

TEST(VoieOrigin, AmbiguousNorthSouthStreetStartsInTheNorth) {
    const geo::XY north{700, 120};
    const geo::XY south{710, -110};
    for (const auto &[first, last] : {std::pair{north, south}, std::pair{south, north}}) {
        const OriginChoice c = choose(first, last);
        EXPECT_EQ(c.rule, OriginRule::north_to_south);
        EXPECT_EQ(c.reverse, first.y < last.y) << "the origin must be the north end";
    }
}

TEST(VoieOrigin, AmbiguityThresholdIsTenPercentOfTheSpan) {
    // Ends 200 m apart: a difference of 19 m is ambiguous, 21 m is not.
    EXPECT_EQ(choose({-100, 0}, {100, 0}, {-9.5, 0}).rule, OriginRule::east_to_west);
    const OriginChoice clear = choose({-100, 0}, {100, 0}, {-10.6, 0});
    EXPECT_EQ(clear.rule, OriginRule::centre);
    EXPECT_FALSE(clear.reverse);
    // A diagonal street: more east-west than north-south decides E→W; exactly 45° too.
    EXPECT_EQ(choose({-100, -99}, {100, 99}).rule, OriginRule::east_to_west);
    EXPECT_EQ(choose({-100, -100}, {100, 100}).rule, OriginRule::east_to_west);
    EXPECT_EQ(choose({-99, -100}, {99, 100}).rule, OriginRule::north_to_south);
}

TEST(VoieOrigin, VoieOptionsNameTheOriginEnd) {
    for (Cardinal forced : {Cardinal::north, Cardinal::south, Cardinal::east, Cardinal::west}) {
        const geo::XY sw{100, 100};
        const geo::XY ne{400, 300};
        const OriginChoice c = choose(sw, ne, {0, 0}, forced);
        EXPECT_EQ(c.rule, OriginRule::voie_options);
        const bool origin_is_ne = forced == Cardinal::north || forced == Cardinal::east;
        EXPECT_EQ(c.reverse, origin_is_ne);
    }
}

TEST(VoieOrigin, RuleNames) {
    EXPECT_EQ(origin_rule_name(OriginRule::centre), "centre");
    EXPECT_EQ(origin_rule_name(OriginRule::town_hall), "town_hall");
    EXPECT_EQ(origin_rule_name(OriginRule::east_to_west), "east_to_west");
    EXPECT_EQ(origin_rule_name(OriginRule::north_to_south), "north_to_south");
    EXPECT_EQ(origin_rule_name(OriginRule::voie_options), "voie_options");
}
