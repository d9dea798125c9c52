// The assignment rules of assigner.hpp on small hand-made communes: each test fails if its rule
// is removed (the nearest voie alone would give another answer).
#include "rules/assigner.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "stages/stages.hpp"

using namespace adressage;
using namespace adressage::pipeline;

namespace {

geo::MultiPolygon rect(double x0, double y0, double x1, double y1) {
    return {geo::Polygon{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}, {}}};
}

struct Commune : ::testing::Test {
    geo::GeosContext geos;
    CommuneModel model;
    AssignRules rules;

    VoieIdx add_voie(const std::string &nom, geo::Polyline line) {
        Voie v;
        v.nom = nom;
        v.length = geo::length(line);
        v.parts = {std::move(line)};
        v.part_start = {0.0};
        model.voies.push_back(std::move(v));
        return model.voies.size() - 1;
    }
    BuildingIdx add_building(double x0, double y0, double x1, double y1) {
        Building b{0,
                   static_cast<std::int64_t>(model.buildings.size() + 1),
                   rect(x0, y0, x1, y1),
                   {(x0 + x1) / 2, (y0 + y1) / 2}};
        model.buildings.push_back(std::move(b));
        return model.buildings.size() - 1;
    }
    void add_parcel(const std::string &id, double x0, double y0, double x1, double y1) {
        model.parcels.push_back(Parcel{id, rect(x0, y0, x1, y1)});
    }
    std::vector<AssignDecision> decide_all() {
        Assigner assigner(geos, model, rules);
        std::vector<AssignDecision> out(model.buildings.size());
        for (BuildingIdx b : assigner.order()) {
            out[b] = assigner.decide(b);
        }
        return out;
    }
};

} // namespace

TEST_F(Commune, NearestVisibleVoieWithoutParcels) {
    const VoieIdx rue = add_voie("Rue A", {{0, 0}, {100, 0}});
    add_voie("Rue B", {{0, 60}, {100, 60}});
    add_building(40, 10, 50, 20); // 15 m from A, 45 m from B
    const auto d = decide_all();
    ASSERT_EQ(d[0].outcome, AssignOutcome::assigned);
    EXPECT_EQ(d[0].assignment.voie, rue);
    EXPECT_FALSE(d[0].ambiguous());
    EXPECT_DOUBLE_EQ(d[0].assignment.offset, 15.0);
    EXPECT_DOUBLE_EQ(d[0].assignment.along, 45.0);
    EXPECT_EQ(d[0].assignment.side, geo::Side::left);
}

TEST_F(Commune, SmallBuildingsAreAnnexes) {
    add_voie("Rue A", {{0, 0}, {100, 0}});
    add_building(10, 10, 14, 14); // 16 m²
    add_building(30, 10, 35, 14); // 20 m²: kept, the limit is "smaller than"
    const auto d = decide_all();
    EXPECT_EQ(d[0].outcome, AssignOutcome::annex_small);
    EXPECT_EQ(d[1].outcome, AssignOutcome::assigned);
    rules.min_building_area = 0.0;
    EXPECT_EQ(decide_all()[0].outcome, AssignOutcome::assigned);
}

TEST_F(Commune, AttachedToANumberedBuildingOfTheSameParcelIsAnAnnex) {
    add_voie("Rue A", {{0, 0}, {100, 0}});
    add_parcel("930100000A0001", 0, 5, 50, 60);
    add_parcel("930100000A0002", 50, 5, 100, 60);
    const BuildingIdx garage = add_building(10, 10, 16, 16);    // 36 m², first in input order
    const BuildingIdx house = add_building(16, 10, 30, 22);     // 168 m², shares a wall with it
    const BuildingIdx shed = add_building(16, 22.3, 22, 28);    // 0.3 m from the house
    const BuildingIdx neighbour = add_building(50, 10, 60, 20); // parcel 2
    const BuildingIdx terrace = add_building(40, 10, 50, 20);   // parcel 1, wall on the line
    const auto d = decide_all();
    EXPECT_EQ(d[house].outcome, AssignOutcome::assigned);
    EXPECT_EQ(d[garage].outcome, AssignOutcome::annex_attached);
    EXPECT_EQ(d[shed].outcome, AssignOutcome::annex_attached);
    // Two houses sharing a wall across a parcel line are both numbered.
    EXPECT_EQ(d[neighbour].outcome, AssignOutcome::assigned);
    EXPECT_EQ(d[terrace].outcome, AssignOutcome::assigned);
}

TEST_F(Commune, WithoutParcelsAttachedBuildingsAreNotAnnexes) {
    add_voie("Rue A", {{0, 0}, {100, 0}});
    add_building(10, 10, 16, 16);
    add_building(16, 10, 30, 22);
    const auto d = decide_all();
    EXPECT_EQ(d[0].outcome, AssignOutcome::assigned);
    EXPECT_EQ(d[1].outcome, AssignOutcome::assigned);
}

TEST_F(Commune, SecondVoieWithinTheRatioIsAmbiguous) {
    const VoieIdx a = add_voie("Rue A", {{0, 0}, {100, 0}});
    const VoieIdx b = add_voie("Rue B", {{0, 32}, {100, 32}});
    add_building(45, 10, 55, 20); // anchor (50, 15): A 15 m, B 17 m (ratio 1.13)
    auto d = decide_all();
    ASSERT_EQ(d[0].outcome, AssignOutcome::assigned);
    EXPECT_EQ(d[0].assignment.voie, a);
    ASSERT_TRUE(d[0].ambiguous());
    EXPECT_EQ(*d[0].rival, b);
    EXPECT_DOUBLE_EQ(d[0].rival_distance, 17.0);
    rules.ambiguity_ratio = 1.1;
    d = decide_all();
    EXPECT_EQ(d[0].assignment.voie, a);
    EXPECT_FALSE(d[0].ambiguous());
}

// The search looks near first (25 m, doubled while no voie is in sight) and farther only while
// a rival could be there: a rival just past each reach is found, and one past the ratio is not
// a rival.
TEST_F(Commune, ARivalPastTheFirstReachesIsStillFound) {
    const VoieIdx a = add_voie("Rue A", {{0, 0}, {100, 0}});
    const VoieIdx b = add_voie("Rue B", {{0, 52}, {100, 52}}); // 24 m and 28 m from building 0
    const VoieIdx c = add_voie("Rue C", {{200, 0}, {300, 0}});
    const VoieIdx d = add_voie("Rue D", {{200, 98}, {300, 98}}); // 45 m and 53 m from building 1
    add_voie("Rue E", {{400, 0}, {500, 0}});
    add_voie("Rue F", {{400, 111}, {500, 111}}); // 40 m and 71 m from building 2
    add_building(45, 19, 55, 29);
    add_building(245, 40, 255, 50);
    add_building(445, 35, 455, 45);
    const auto decisions = decide_all();
    ASSERT_EQ(decisions[0].assignment.voie, a);
    ASSERT_TRUE(decisions[0].ambiguous());
    EXPECT_EQ(*decisions[0].rival, b);
    EXPECT_DOUBLE_EQ(decisions[0].rival_distance, 28.0);
    ASSERT_EQ(decisions[1].assignment.voie, c);
    ASSERT_TRUE(decisions[1].ambiguous());
    EXPECT_EQ(*decisions[1].rival, d);
    EXPECT_DOUBLE_EQ(decisions[1].rival_distance, 53.0);
    EXPECT_DOUBLE_EQ(decisions[2].assignment.offset, 40.0);
    EXPECT_FALSE(decisions[2].ambiguous());
}

// The first reach is a speed choice only: on a random commune (voies crossing, hiding each other,
// at every distance) each decision is the one a single search to max_distance gives.
TEST_F(Commune, TheFirstReachDoesNotChangeAnyDecision) {
    std::mt19937 random(20261124);
    std::uniform_real_distribution<double> coordinate(0.0, 1000.0);
    std::uniform_real_distribution<double> step(-60.0, 60.0);
    for (int v = 0; v < 60; ++v) {
        geo::Polyline line{{coordinate(random), coordinate(random)}};
        for (int k = 0; k < 4; ++k) {
            line.push_back({line.back().x + step(random), line.back().y + step(random)});
        }
        add_voie("Rue " + std::to_string(v), std::move(line));
    }
    for (int b = 0; b < 2000; ++b) {
        const double x = coordinate(random);
        const double y = coordinate(random);
        add_building(x, y, x + 6.0, y + 5.0);
    }
    rules.first_reach = rules.max_distance;
    const auto reference = decide_all();
    int ambiguous = 0;
    int far = 0;
    for (const double first_reach : {25.0, 1.0, 0.0}) {
        rules.first_reach = first_reach;
        const auto decisions = decide_all();
        for (std::size_t b = 0; b < decisions.size(); ++b) {
            SCOPED_TRACE("building " + std::to_string(b) + ", first reach " +
                         std::to_string(first_reach));
            const AssignDecision &d = decisions[b];
            const AssignDecision &r = reference[b];
            ASSERT_EQ(d.outcome, r.outcome);
            EXPECT_EQ(d.hidden_voies, r.hidden_voies);
            EXPECT_EQ(d.rival, r.rival);
            EXPECT_EQ(d.rival_distance, r.rival_distance);
            if (d.outcome == AssignOutcome::assigned) {
                EXPECT_EQ(d.assignment.voie, r.assignment.voie);
                EXPECT_EQ(d.assignment.along, r.assignment.along);
                EXPECT_EQ(d.assignment.offset, r.assignment.offset);
                EXPECT_EQ(d.assignment.side, r.assignment.side);
                far += d.assignment.offset > 50.0 ? 1 : 0;
            }
            ambiguous += d.ambiguous() ? 1 : 0;
        }
    }
    // The commune exercises the farther searches and the rivals.
    EXPECT_GT(far, 30);
    EXPECT_GT(ambiguous, 30);
}

TEST_F(Commune, AVoieBehindAnotherNamedVoieIsNotSeen) {
    // Rue A is a U around the building: 15 m south and 9 m north. Rue B runs 1.5 m behind A's
    // northern branch, 10.5 m from the anchor (ratio 1.17): without the sight rule it would
    // make the building ambiguous, but the building does not see it.
    add_voie("Rue A", {{0, 0}, {100, 0}, {100, 24}, {0, 24}});
    add_voie("Rue B", {{0, 25.5}, {100, 25.5}});
    add_building(45, 10, 55, 20); // anchor (50, 15)
    auto d = decide_all();
    ASSERT_EQ(d[0].outcome, AssignOutcome::assigned);
    EXPECT_EQ(model.voies[d[0].assignment.voie].nom, "Rue A");
    EXPECT_FALSE(d[0].ambiguous());
    // With a 4 m gap in A's northern branch in front of the building, B is seen: A is still
    // the nearest (9.2 m) and B makes it ambiguous.
    model.voies[0].parts = {{{0, 0}, {100, 0}, {100, 24}, {52, 24}}, {{48, 24}, {0, 24}}};
    model.voies[0].part_start = {0.0, 176.0};
    d = decide_all();
    EXPECT_EQ(model.voies[d[0].assignment.voie].nom, "Rue A");
    ASSERT_TRUE(d[0].ambiguous());
    EXPECT_EQ(model.voies[*d[0].rival].nom, "Rue B");
}

TEST_F(Commune, BuildingGoesToTheVoieItsParcelFronts) {
    // A flag lot: the parcel reaches Rue B to the north; its house stands nearer Rue A, behind
    // the parcels that front A.
    const VoieIdx a = add_voie("Rue A", {{0, 0}, {100, 0}});
    const VoieIdx b = add_voie("Rue B", {{0, 60}, {100, 60}});
    add_building(45, 22, 55, 32); // anchor (50, 27): A 27 m, B 33 m
    auto d = decide_all();
    EXPECT_EQ(d[0].assignment.voie, a);           // no parcels: the nearest
    add_parcel("930100000A0003", 40, 20, 60, 55); // 20 m from A, 5 m from B
    d = decide_all();
    ASSERT_EQ(d[0].outcome, AssignOutcome::assigned);
    EXPECT_EQ(d[0].assignment.voie, b);
    EXPECT_TRUE(d[0].by_parcel);
    EXPECT_TRUE(d[0].parcel_overrode_nearest);
    EXPECT_FALSE(d[0].ambiguous()); // A is not a candidate: the parcel does not front it
    EXPECT_DOUBLE_EQ(d[0].assignment.offset, 33.0);
}

TEST_F(Commune, CornerParcelFrontingTwoVoiesCanBeAmbiguous) {
    const VoieIdx a = add_voie("Rue A", {{0, 0}, {100, 0}});
    const VoieIdx b = add_voie("Rue B", {{0, 0}, {0, 100}});
    add_voie("Rue C", {{60, 0}, {60, 100}}); // nearer than B, the parcel does not front it
    add_parcel("930100000A0004", 5, 5, 40, 40);
    add_building(10, 12, 30, 32); // anchor (20, 22): A 22 m, B 20 m, C 40 m
    const auto d = decide_all();
    ASSERT_EQ(d[0].outcome, AssignOutcome::assigned);
    EXPECT_EQ(d[0].assignment.voie, b);
    ASSERT_TRUE(d[0].ambiguous());
    EXPECT_EQ(*d[0].rival, a);
    EXPECT_TRUE(d[0].by_parcel);
    EXPECT_FALSE(d[0].parcel_overrode_nearest);
}

TEST_F(Commune, NothingWithinReach) {
    add_voie("Rue A", {{0, 0}, {100, 0}});
    add_building(45, 200, 55, 210);
    EXPECT_EQ(decide_all()[0].outcome, AssignOutcome::no_voie_near);
}

TEST_F(Commune, StageReportsAnnexesAndAmbiguousBuildings) {
    RunOptions options;
    RunContext ctx(options);
    add_voie("Rue A", {{0, 0}, {100, 0}});
    add_voie("Rue B", {{0, 32}, {100, 32}});
    add_building(45, 10, 55, 20); // ambiguous
    add_building(10, 10, 13, 13); // annex (9 m²)
    AssignStage().run(model, ctx);
    ASSERT_EQ(model.assignments.size(), 1u);
    const nlohmann::json &r = ctx.results.report_sections["assignment"];
    EXPECT_EQ(r["annexes_skipped"], 1);
    EXPECT_EQ(r["annexes_small"], 1);
    EXPECT_EQ(r["ambiguous"], 1);
    ASSERT_EQ(r["ambiguous_listed"].size(), 1u);
    EXPECT_EQ(r["ambiguous_listed"][0]["voie"], "Rue A");
    EXPECT_EQ(r["ambiguous_listed"][0]["other_voie"], "Rue B");
    EXPECT_EQ(ctx.diagnostics.skipped("assign", "annex_small"), 1);
}
