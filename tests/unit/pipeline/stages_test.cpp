// The voies, assign, number and position stages on a small hand-made commune.
#include "adressage/pipeline/stages.hpp"

#include <gtest/gtest.h>

#include <map>

using namespace adressage;
using namespace adressage::pipeline;

namespace {

geo::MultiPolygon box_around(geo::XY c, double half = 3.0) {
    return {geo::Polygon{{{c.x - half, c.y - half},
                          {c.x + half, c.y - half},
                          {c.x + half, c.y + half},
                          {c.x - half, c.y + half},
                          {c.x - half, c.y - half}},
                         {}}};
}

struct Fixture : ::testing::Test {
    RunOptions options;
    RunContext ctx{options};
    CommuneModel model;

    void add_road(std::int64_t fid, const std::string &name, geo::Polyline line) {
        model.roads.push_back(RoadSegment{0, fid, name, std::move(line)});
    }
    void add_building(std::int64_t fid, geo::XY at) {
        model.buildings.push_back(Building{0, fid, box_around(at), at});
    }
    void run_stages() {
        VoiesStage().run(model, ctx);
        AssignStage().run(model, ctx);
        NumberStage().run(model, ctx);
        PositionStage().run(model, ctx);
    }
    std::map<std::int64_t, int> numbers_by_fid() const {
        std::map<std::int64_t, int> out;
        for (const Numero &n : model.numeros) {
            out[model.buildings[n.building].fid] = n.numero;
        }
        return out;
    }
};

} // namespace

TEST_F(Fixture, OneVoieNumberedFromTheEndNearestTheCentre) {
    model.centre = {0, 0};
    // Two segments of one street, given east part first and reversed: the voie starts at x=0.
    // Spellings that differ only by accents and apostrophes are one voie.
    add_road(1, "Rue de l'Eglise", {{200, 0}, {100, 0}});
    add_road(2, "Rue de l\u2019\u00C9glise", {{0, 0}, {100, 0}});
    add_road(3, "Rue de l\u2019\u00C9glise", {{200, 0}, {250, 0}});
    add_building(10, {30.2, 12});   // north = left going east → odd
    add_building(11, {30.2, -12});  // south = right → even
    add_building(12, {150.6, -10}); // right
    add_building(13, {30.4, 15});   // left, same metre as 10 → moves by 2
    run_stages();

    ASSERT_EQ(model.voies.size(), 1u);
    EXPECT_EQ(model.voies[0].nom, "Rue de l\u2019\u00C9glise"); // the most frequent spelling
    EXPECT_DOUBLE_EQ(model.voies[0].length, 250.0);
    EXPECT_EQ(model.voies[0].code, "x001");
    const auto n = numbers_by_fid();
    EXPECT_EQ(n.at(10), 31);
    EXPECT_EQ(n.at(11), 30);
    EXPECT_EQ(n.at(12), 150);
    EXPECT_EQ(n.at(13), 33);
    ASSERT_EQ(model.positions.size(), 4u);
    EXPECT_EQ(model.positions[0].type, formats::PositionType::batiment);
}

TEST_F(Fixture, FarHomonymsAreSeparateVoies) {
    model.centre = {0, 0};
    options.homonym_distance = 500;
    add_road(1, "Chemin des Vignes", {{0, 0}, {100, 0}});
    add_road(2, "Chemin des Vignes", {{3000, 0}, {3100, 0}});
    add_road(3, "Chemin des Vignes", {{3100, 0}, {3100, 100}}); // touches road 2
    add_building(10, {50, 10});
    add_building(11, {3050, 10});
    run_stages();
    ASSERT_EQ(model.voies.size(), 2u);
    EXPECT_EQ(model.voies[0].nom, model.voies[1].nom);
    EXPECT_EQ(model.voies[0].code, "x001");
    EXPECT_EQ(model.voies[1].code, "x002");
    EXPECT_NE(model.numeros[0].voie, model.numeros[1].voie);
    // The far voie starts at its end nearer the centre (3000, 0), goes east then north.
    EXPECT_DOUBLE_EQ(model.voies[1].length, 200.0);
    EXPECT_EQ(numbers_by_fid().at(11), 51);
}

TEST_F(Fixture, BuildingsBeyondTheMaximumDistanceAreSkippedAndCounted) {
    model.centre = {0, 0};
    options.max_distance = 50;
    add_road(1, "Rue Haute", {{0, 0}, {100, 0}});
    add_building(10, {50, 40});
    add_building(11, {50, 80});
    run_stages();
    EXPECT_EQ(model.numeros.size(), 1u);
    EXPECT_EQ(ctx.diagnostics.skipped("assign", "no_voie_within_50m"), 1);
}

TEST_F(Fixture, ShortNamesAreNotVoies) {
    model.centre = {0, 0};
    add_road(1, "D8", {{0, 0}, {100, 0}});
    add_building(10, {50, 10});
    run_stages();
    EXPECT_TRUE(model.voies.empty());
    EXPECT_EQ(ctx.diagnostics.skipped("voies", "name_too_short"), 1);
    EXPECT_EQ(ctx.diagnostics.skipped("assign", "no_voie_within_150m"), 1);
}

TEST_F(Fixture, ResultDoesNotDependOnInputOrder) {
    model.centre = {0, 0};
    add_road(1, "Rue A", {{0, 0}, {100, 0}});
    add_road(2, "Rue B", {{0, 50}, {100, 50}});
    for (int i = 0; i < 10; ++i) {
        add_building(100 + i, {5.0 + 9 * i, (i % 2) ? 20.0 : 30.0});
    }
    run_stages();
    const auto first = numbers_by_fid();

    CommuneModel reversed;
    reversed.centre = model.centre;
    reversed.roads.assign(model.roads.rbegin(), model.roads.rend());
    reversed.buildings.assign(model.buildings.rbegin(), model.buildings.rend());
    model = std::move(reversed);
    run_stages();
    EXPECT_EQ(numbers_by_fid(), first);
}
