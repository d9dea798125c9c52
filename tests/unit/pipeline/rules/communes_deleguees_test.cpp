// Communes déléguées (communes_deleguees.hpp, DelegueesStage) on hand-made areas: Ouest is the
// square x 0..100, Est the square x 100..200 (y 0..100), a road gap between them being in none.
#include <gtest/gtest.h>

#include "../support.hpp"
#include "core/run_context.hpp"
#include "rules/communes_deleguees.hpp"
#include "stages/stages.hpp"

using namespace adressage;
using namespace adressage::pipeline;

namespace {

geo::MultiPolygon rectangle(double x0, double y0, double x1, double y1) {
    return {geo::Polygon{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}, {}}};
}

std::vector<CommuneDeleguee> two_areas() {
    return {{"27412", "Ouest", rectangle(0, 0, 95, 100)},
            {"27648", "Est", rectangle(105, 0, 200, 100)}};
}

Voie voie(std::string nom, geo::Polyline line) {
    Voie v;
    v.nom = std::move(nom);
    v.part_start = {0.0};
    v.length = geo::length(line);
    v.parts = {std::move(line)};
    return v;
}

} // namespace

TEST(CommuneDelegueeCode, FromAnInseeCodeOrACadastrePrefix) {
    EXPECT_EQ(commune_deleguee_code("27412", "27648"), "27648");
    EXPECT_EQ(commune_deleguee_code("27412", "648"), "27648");
    EXPECT_EQ(commune_deleguee_code("27412", "000"), "27412"); // the chef-lieu's own part
    EXPECT_EQ(commune_deleguee_code("2A004", "123"), "2A123");
    EXPECT_EQ(commune_deleguee_code("27412", "64"), "");
    EXPECT_EQ(commune_deleguee_code("27412", "6a8"), "");
    EXPECT_EQ(commune_deleguee_code("27412", ""), "");
}

TEST(DelegueeLocator, TheAreaHoldingThePointElseTheNearest) {
    geo::GeosContext geos;
    const auto areas = two_areas();
    const DelegueeLocator locator(geos, areas);
    EXPECT_EQ(locator.locate({10, 50}), 0u);
    EXPECT_EQ(locator.locate({150, 50}), 1u);
    EXPECT_EQ(locator.locate({97, 50}), 0u);  // in the road gap, 2 m from Ouest
    EXPECT_EQ(locator.locate({104, 50}), 1u); // 1 m from Est
    EXPECT_EQ(locator.locate({100, 50}), 0u); // as far from both: the first
    EXPECT_EQ(locator.locate({500, 50}), 1u); // outside both
}

class DelegueesStageTest : public ::testing::Test {
  protected:
    RunOptions options;
    RunContext ctx{options};
    CommuneModel model;
};

TEST_F(DelegueesStageTest, AVoieWithBuildingsInTwoCommunesDelegueesBecomesTwoVoies) {
    model.communes_deleguees = two_areas();
    // Grande Rue runs from Ouest into Est; Rue Seule has no building and lies in Est.
    model.voies.push_back(voie("Grande Rue", {{10, 50}, {190, 50}}));
    model.voies.push_back(voie("Rue Seule", {{120, 10}, {180, 10}}));
    model.voies[0].code = "x009"; // whatever the stages before set is copied
    for (const geo::XY at : {geo::XY{20, 60}, geo::XY{150, 60}, geo::XY{40, 40}}) {
        model.buildings.push_back(Building{0, static_cast<std::int64_t>(model.buildings.size()),
                                           test::box_around(at), at});
        Assignment a;
        a.building = model.buildings.size() - 1;
        a.voie = 0;
        a.along = at.x - 10;
        model.assignments.push_back(a);
    }
    model.toponymes.push_back(Toponyme{"Le Hameau", {150, 90}, {}, "", "", ""});

    DelegueesStage().run(model, ctx);

    ASSERT_EQ(model.voies.size(), 3u);
    EXPECT_EQ(model.voies[0].nom, "Grande Rue");
    EXPECT_EQ(model.voies[0].commune_deleguee_insee, "27412");
    EXPECT_EQ(model.voies[0].commune_deleguee_nom, "Ouest");
    EXPECT_EQ(model.voies[1].nom, "Grande Rue");
    EXPECT_EQ(model.voies[1].commune_deleguee_insee, "27648");
    EXPECT_EQ(model.voies[1].commune_deleguee_nom, "Est");
    EXPECT_EQ(model.voies[1].parts, model.voies[0].parts); // the same trace
    EXPECT_EQ(model.voies[1].code, "x009");
    EXPECT_EQ(model.voies[2].nom, "Rue Seule");
    EXPECT_EQ(model.voies[2].commune_deleguee_insee, "27648"); // by its middle
    // Each building now on the voie of its own commune déléguée, in order.
    EXPECT_EQ(model.assignments[0].voie, 0u);
    EXPECT_EQ(model.assignments[1].voie, 1u);
    EXPECT_EQ(model.assignments[2].voie, 0u);
    EXPECT_DOUBLE_EQ(model.assignments[1].along, 140.0); // along the whole voie, as before
    EXPECT_EQ(model.toponymes[0].commune_deleguee_insee, "27648");
    EXPECT_EQ(model.toponymes[0].commune_deleguee_nom, "Est");

    const auto &section = ctx.results.report_sections["communes_deleguees"];
    ASSERT_EQ(section["voies_split"].size(), 1u);
    EXPECT_EQ(section["voies_split"][0]["voie_nom"], "Grande Rue");
    EXPECT_EQ(section["communes_deleguees"][0]["buildings"], 2);
    EXPECT_EQ(section["communes_deleguees"][1]["buildings"], 1);
    EXPECT_EQ(section["communes_deleguees"][1]["voies"], 2);
}

TEST_F(DelegueesStageTest, WithoutCommunesDelegueesNothingChanges) {
    model.voies.push_back(voie("Grande Rue", {{10, 50}, {190, 50}}));
    DelegueesStage().run(model, ctx);
    ASSERT_EQ(model.voies.size(), 1u);
    EXPECT_EQ(model.voies[0].commune_deleguee_insee, "");
    EXPECT_FALSE(ctx.results.report_sections.contains("communes_deleguees"));
}
