// Voies à nommer on hand-made road networks (metres, a legal CRS): how unnamed pieces are
// grouped, where named voies cut them, and ids that depend on the geometry alone.
#include "naming/candidate_voies.hpp"

#include <gtest/gtest.h>

#include "../support.hpp"

#include <algorithm>
#include <random>

namespace adressage::pipeline {
namespace {

using test::road;

// A named street along y = 0 from x = 0 to 1000, with a vertex every 100 m.
std::vector<RoadSegment> named_street() {
    geo::Polyline line;
    for (int x = 0; x <= 1000; x += 100) {
        line.push_back({double(x), 0.0});
    }
    return {road("Rue du Port", line)};
}

TEST(CandidateVoies, ADeadEndOffANamedRoad) {
    auto roads = named_street();
    roads.push_back(road("", {{300, 0}, {300, 150}, {320, 260}}));
    const auto c = candidate_voies(roads);
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0].roads, std::vector<std::size_t>{1});
    EXPECT_EQ(c[0].named_ends, 1);
    EXPECT_EQ(c[0].free_ends, 1);
    EXPECT_NEAR(c[0].length, 150 + std::hypot(20, 110), 1e-9);
}

// V-04: a road attached at both ends to the same voie is a voie of its own, never merged in it.
TEST(CandidateVoies, ALoopIsOneVoieWithBothEndsOnTheNamedOne) {
    auto roads = named_street();
    roads.push_back(road("", {{200, 0}, {200, 100}, {350, 100}}));
    roads.push_back(road("", {{350, 100}, {500, 100}, {500, 0}}));
    const auto c = candidate_voies(roads);
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0].roads, (std::vector<std::size_t>{1, 2}));
    EXPECT_EQ(c[0].named_ends, 2);
    EXPECT_EQ(c[0].free_ends, 0);
}

// Two lanes leaving the same crossroads of a named street, one each side: two voies.
TEST(CandidateVoies, ANamedVoieCutsTheUnnamedPiecesMeetingOnIt) {
    auto roads = named_street();
    roads.push_back(road("", {{400, 0}, {400, 200}}));
    roads.push_back(road("", {{400, 0}, {400, -200}}));
    EXPECT_EQ(candidate_voies(roads).size(), 2u);
}

// A track goes on through a junction; the lane that leaves it at a right angle is another voie
// (a side road of the first), pieces split at the junction or not.
TEST(CandidateVoies, AJunctionKeepsTheStraightRoadAndSplitsItsSideRoad) {
    auto roads = named_street();
    roads.push_back(road("", {{600, 0}, {600, 300}}, "track"));
    roads.push_back(road("", {{600, 300}, {610, 700}}, "track"));
    roads.push_back(road("", {{600, 300}, {900, 300}}, "service"));
    const auto c = candidate_voies(roads);
    ASSERT_EQ(c.size(), 2u);
    const auto &track = c[0].roads.size() == 2 ? c[0] : c[1];
    const auto &lane = c[0].roads.size() == 2 ? c[1] : c[0];
    EXPECT_EQ(track.roads, (std::vector<std::size_t>{1, 2}));
    EXPECT_EQ(track.kind, "track");
    EXPECT_EQ(track.named_ends, 1);
    EXPECT_EQ(track.free_ends, 1);
    EXPECT_EQ(lane.roads, std::vector<std::size_t>{3});
    EXPECT_EQ(lane.unnamed_ends, 1);
    EXPECT_EQ(lane.free_ends, 1);
}

TEST(CandidateVoies, APlaceholderLabelIsKeptAsTheHint) {
    auto roads = named_street();
    auto cr = road("", {{100, 0}, {100, 400}}, "track");
    cr.hint = "Chemin rural n\u00ba 12";
    roads.push_back(cr);
    const auto c = candidate_voies(roads);
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0].hint, "Chemin rural n\u00ba 12");
}

// Ids from the geometry alone: the same when the features come in another order or a road
// elsewhere changes; another when the voie itself changes.
TEST(CandidateVoies, IdsAreStableAcrossReadOrderAndFarAwayChanges) {
    auto roads = named_street();
    roads.push_back(road("", {{300, 0}, {300, 150}}));
    roads.push_back(road("", {{300, 150}, {300, 300}}));
    roads.push_back(road("", {{800, 0}, {800, -250}}));
    std::vector<std::string> ids;
    for (const auto &c : candidate_voies(roads)) {
        ids.push_back(c.id);
    }
    ASSERT_EQ(ids.size(), 2u);
    EXPECT_TRUE(ids[0].starts_with("vn-") && ids[0].size() == 15) << ids[0];

    std::mt19937 random(20261207);
    for (int trial = 0; trial < 5; ++trial) {
        auto shuffled = roads;
        std::shuffle(shuffled.begin(), shuffled.end(), random);
        std::vector<std::string> again;
        for (const auto &c : candidate_voies(shuffled)) {
            again.push_back(c.id);
        }
        EXPECT_EQ(again, ids);
    }
    auto far_changed = roads;
    far_changed[3].line = {{800, 0}, {820, -400}};
    const auto changed = candidate_voies(far_changed);
    EXPECT_TRUE(std::any_of(changed.begin(), changed.end(), [&](const VoieANommer &c) {
        return c.id == ids[0] || c.id == ids[1];
    }));
    EXPECT_EQ(std::count_if(changed.begin(), changed.end(),
                            [&](const VoieANommer &c) { return c.id == ids[0] || c.id == ids[1]; }),
              1);
}

// Footways are grouped among themselves: a footway continuing a lane is a candidate of its
// own, and the lane's candidate and id are the same as without it.
TEST(CandidateVoies, FootwaysApartFromTheRoads) {
    auto roads = named_street();
    roads.push_back(road("", {{300, 0}, {300, 150}}));
    const auto without = candidate_voies(roads);
    RoadSegment path = road("", {{300, 150}, {300, 400}}, "footway");
    path.access_only = true;
    roads.push_back(path);
    const auto with = candidate_voies(roads);
    ASSERT_EQ(without.size(), 1u);
    ASSERT_EQ(with.size(), 2u);
    const auto lane =
        std::find_if(with.begin(), with.end(), [](const VoieANommer &c) { return !c.access_only; });
    ASSERT_NE(lane, with.end());
    EXPECT_EQ(lane->id, without[0].id);
    EXPECT_EQ(lane->roads, without[0].roads);
    const auto foot =
        std::find_if(with.begin(), with.end(), [](const VoieANommer &c) { return c.access_only; });
    EXPECT_EQ(foot->roads, std::vector<std::size_t>{2});
    EXPECT_EQ(foot->kind, "footway");
}

} // namespace
} // namespace adressage::pipeline
