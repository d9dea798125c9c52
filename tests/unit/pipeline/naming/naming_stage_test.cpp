// The naming stage on a small hand-made commune: which unnamed roads become voies à nommer.
#include "naming/naming_stage.hpp"

#include <gtest/gtest.h>

#include "../support.hpp"
#include "stages/stages.hpp"

namespace adressage::pipeline {
namespace {

struct Naming : ::testing::Test {
    RunOptions options;
    RunContext ctx{options};
    CommuneModel model;

    void add_road(const std::string &name, geo::Polyline line, std::string kind = "residential") {
        RoadSegment r{0, static_cast<std::int64_t>(model.roads.size()), name, std::move(line)};
        r.access_only = kind == "footway" || kind == "steps" || kind == "path"; // as ingest does
        r.kind = std::move(kind);
        model.roads.push_back(std::move(r));
    }
    void add_building(geo::XY at) {
        const auto fid = static_cast<std::int64_t>(100 + model.buildings.size());
        model.buildings.push_back(Building{0, fid, test::box_around(at, 6.0), at});
    }
    void run() {
        model.centre = {0, 0};
        VoiesStage().run(model, ctx);
        AssignStage().run(model, ctx);
        NamingStage().run(model, ctx);
    }
};

// A lane 600 m long off a named street, three houses at its far end (beyond --max-distance of
// the street): a voie à nommer serving them. A house 20 m from the street is the street's.
TEST_F(Naming, ALaneServingHousesFarFromNamedVoiesIsAVoieANommer) {
    add_road("Rue du Port", {{0, 0}, {500, 0}});
    add_road("", {{250, 0}, {250, 600}});
    add_building({265, 20});
    add_building({265, 560});
    add_building({235, 570});
    add_building({265, 590});
    run();
    ASSERT_EQ(model.voies_a_nommer.size(), 1u);
    const VoieANommer &v = model.voies_a_nommer[0];
    EXPECT_EQ(v.buildings, (std::vector<BuildingIdx>{1, 2, 3}));
    EXPECT_EQ(v.named_ends, 1);
    EXPECT_EQ(v.free_ends, 1); // a dead end: an Impasse
    EXPECT_EQ(model.assignments.size(), 1u);
    const auto &section = ctx.results.report_sections["voies_a_nommer"];
    EXPECT_EQ(section["buildings_waiting_for_a_name"], 3);
    EXPECT_EQ(section["voies"][0]["buildings"], (nlohmann::json{101, 102, 103}));
    EXPECT_EQ(section["voies"][0]["trace_wkt"], "MULTILINESTRING ((250.0 0.0, 250.0 600.0))");
    // Provisional metric numbers from the end nearer the centre (0, 0): the distance along the
    // lane, even on the right (east) and odd on the left.
    EXPECT_EQ(section["voies"][0]["provisional_numbers"],
              (nlohmann::json{{{"building", 101}, {"numero", 560}},
                              {{"building", 102}, {"numero", 571}},
                              {{"building", 103}, {"numero", 590}}}));
    // Every building without an address, by reason: here only the three waiting.
    EXPECT_EQ(section["buildings_without_address"]["waiting_for_a_name"],
              (nlohmann::json{101, 102, 103}));
    EXPECT_TRUE(section["buildings_without_address"]["annex"].empty());
}

// A drive to a single house is not a voie à nommer (--naming-min-buildings 2): the house is
// counted as waiting on a lane below the minimum.
TEST_F(Naming, ALaneToOneHouseIsNot) {
    add_road("Rue du Port", {{0, 0}, {500, 0}});
    add_road("", {{250, 0}, {250, 600}}, "service");
    add_building({265, 590});
    run();
    EXPECT_TRUE(model.voies_a_nommer.empty());
    EXPECT_EQ(
        ctx.results.report_sections["voies_a_nommer"]["buildings_on_lanes_below_min_buildings"], 1);
}

// Houses near a named street and an unnamed service road beside them: the street serves them,
// the service road is no voie à nommer (Bondy's parking aisles).
TEST_F(Naming, UnnamedRoadsBesideNamedVoiesAreNot) {
    add_road("Rue du Port", {{0, 0}, {500, 0}});
    add_road("", {{100, 30}, {400, 30}}, "service");
    for (double x = 120; x < 400; x += 40) {
        add_building({x, 45});
    }
    run();
    EXPECT_TRUE(model.voies_a_nommer.empty());
    EXPECT_TRUE(model.unserved.empty());
}

// A footway is a voie à nommer only where it is the sole access: three houses up a footway
// 600 m from the street, no road within --max-distance. Its proposal is a Passage.
TEST_F(Naming, AFootwayThatIsTheOnlyAccessIsAVoieANommer) {
    add_road("Rue du Port", {{0, 0}, {500, 0}});
    add_road("", {{250, 0}, {250, 600}}, "footway");
    add_building({265, 560});
    add_building({235, 570});
    add_building({265, 590});
    run();
    ASSERT_EQ(model.voies_a_nommer.size(), 1u);
    EXPECT_TRUE(model.voies_a_nommer[0].access_only);
    const auto &voie = ctx.results.report_sections["voies_a_nommer"]["voies"][0];
    EXPECT_EQ(voie["access_only"], true);
    EXPECT_EQ(voie["buildings_served"], 3);
    EXPECT_EQ(voie["proposals"][0]["nom"], "Passage de la Rue du Port");
}

// The same houses with an unnamed lane beside the footway: the lane serves them, the footway
// is never a voie à nommer; nor is a footway beside a named street.
TEST_F(Naming, AFootwayBesideARoadIsNever) {
    add_road("Rue du Port", {{0, 0}, {500, 0}});
    add_road("", {{250, 0}, {250, 600}}, "footway");
    add_road("", {{300, 0}, {300, 600}}, "service");
    add_road("", {{0, 10}, {500, 10}}, "footway");
    add_building({265, 560});
    add_building({235, 570});
    add_building({265, 590});
    run();
    ASSERT_EQ(model.voies_a_nommer.size(), 1u);
    EXPECT_FALSE(model.voies_a_nommer[0].access_only);
    EXPECT_EQ(model.voies_a_nommer[0].kind, "service");
}

} // namespace
} // namespace adressage::pipeline
