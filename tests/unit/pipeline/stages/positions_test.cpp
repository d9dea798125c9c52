// Positions (entrée, bâtiment, segment), --positions and cad_parcelles.
#include <gtest/gtest.h>

#include "adressage/error.hpp"
#include "adressage/geo/linear_ref.hpp"
#include "stages/stages.hpp"

using namespace adressage;
using namespace adressage::pipeline;
using formats::PositionType;

namespace {

geo::MultiPolygon rect(double x0, double y0, double x1, double y1) {
    return {geo::Polygon{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}, {}}};
}

Voie straight_voie() {
    Voie v;
    v.nom = "Rue A";
    v.parts = {{{0, 0}, {100, 0}}};
    v.part_start = {0.0};
    v.length = 100.0;
    return v;
}

} // namespace

TEST(Positions, EntranceIsWhereTheSightLineLeavesTheOutline) {
    geo::GeosContext geos;
    // An L-shaped house whose corner at (42, 8) comes nearest to the street; its anchor is
    // elsewhere. The entrance is on the anchor's line of sight to the street (x = 45), where it
    // leaves the outline (the wall (42, 8)-(60, 26) at y = 11), not at the corner: it keeps the
    // anchor's distance along the voie, which ordered the numbers.
    const Building house{
        0,
        1,
        {geo::Polygon{{{30, 20}, {42, 8}, {60, 26}, {60, 40}, {30, 40}, {30, 20}}, {}}},
        {45, 30}};
    const Voie voie = straight_voie();
    const geo::XY entree = PositionStage::process_one(geos, PositionType::entree, house, voie);
    EXPECT_NEAR(entree.x, 45.0, 1e-9);
    EXPECT_NEAR(entree.y, 11.0, 1e-9);
    const geo::XY batiment = PositionStage::process_one(geos, PositionType::batiment, house, voie);
    EXPECT_EQ(batiment, (geo::XY{45, 30}));
    const geo::XY segment = PositionStage::process_one(geos, PositionType::segment, house, voie);
    EXPECT_DOUBLE_EQ(segment.x, 45.0);
    EXPECT_DOUBLE_EQ(segment.y, 0.0);
}

// Bondy 93010: the outline point nearest to the whole voie lay on another stretch of it (a
// bend), or across its axis past its end, and the entrance of an even number fell on the left
// (numero.cote_parite) or among the numbers 90 m further along (numero.ordre).
TEST(Positions, EntranceKeepsTheAnchorsSideAndDistanceAtABend) {
    geo::GeosContext geos;
    // A voie going east then turning back west 12 m north: a house between the two stretches,
    // its anchor 4 m from the first and its north wall 1 m from the second.
    Voie voie;
    voie.parts = {{{0, 0}, {100, 0}, {100, 12}, {0, 12}}};
    voie.part_start = {0.0};
    voie.length = 212.0;
    const Building house{0, 1, rect(20, 2, 30, 11), {25, 4}};
    const geo::XY entree = PositionStage::process_one(geos, PositionType::entree, house, voie);
    EXPECT_NEAR(entree.x, 25.0, 1e-9);
    EXPECT_NEAR(entree.y, 2.0, 1e-9);
    const geo::LinePosition at = geo::locate(voie.parts[0], entree);
    const geo::LinePosition anchor = geo::locate(voie.parts[0], house.anchor);
    EXPECT_EQ(at.side, anchor.side);
    EXPECT_NEAR(at.along, anchor.along, 1e-9);
}

TEST(Positions, EntrancePastTheVoieEndStaysOnTheAnchorsSide) {
    geo::GeosContext geos;
    // A dead end at (100, 0); a house past it straddling the extended axis, its anchor north
    // of it (left) and its wall nearest the end reaching south of it.
    const Voie voie = straight_voie();
    const Building house{0, 1, rect(104, -6, 114, 8), {109, 5}};
    const geo::XY entree = PositionStage::process_one(geos, PositionType::entree, house, voie);
    EXPECT_NEAR(entree.x, 104.0, 1e-9);
    EXPECT_GT(entree.y, 0.0);
    EXPECT_EQ(geo::locate(voie.parts[0], entree).side,
              geo::locate(voie.parts[0], house.anchor).side);
}

TEST(Positions, EntranceOfABuildingOverItsVoieIsItsAnchor) {
    geo::GeosContext geos;
    const Voie voie = straight_voie();
    const Building porch{0, 1, rect(40, -3, 50, 4), {45, 1}};
    EXPECT_EQ(PositionStage::process_one(geos, PositionType::entree, porch, voie),
              (geo::XY{45, 1}));
}

TEST(Positions, EntranceOnTheNearestPartOfAVoieOfSeveralParts) {
    geo::GeosContext geos;
    const Building house{0, 1, rect(40, 10, 50, 20), {45, 15}};
    Voie voie = straight_voie();
    voie.parts.push_back({{55, 30}, {55, 100}}); // a part north-east of the house
    voie.part_start.push_back(100.0);
    const geo::XY entree = PositionStage::process_one(geos, PositionType::entree, house, voie);
    EXPECT_DOUBLE_EQ(entree.y, 10.0); // the south wall (10 m from the first part)
    EXPECT_GE(entree.x, 40.0);
    EXPECT_LE(entree.x, 50.0);
}

TEST(Positions, OptionParsing) {
    EXPECT_EQ(RunOptions{}.positions, std::vector<PositionType>{PositionType::batiment});
    EXPECT_EQ(parse_positions("--positions", "b\u00e2timent, entr\u00e9e"),
              (std::vector<PositionType>{PositionType::entree, PositionType::batiment}));
    EXPECT_EQ(parse_positions("--positions", "segment,entree,segment"),
              (std::vector<PositionType>{PositionType::entree, PositionType::segment}));
    EXPECT_THROW(parse_positions("--positions", "porte"), ConfigError);
    EXPECT_THROW(parse_positions("--positions", ""), ConfigError);
    EXPECT_EQ(option_text(parse_positions("--positions", "segment, entree")),
              "entr\u00e9e,segment");
}

TEST(Positions, StageWritesOneRowPerTypeWithTheParcelsTheyFallIn) {
    RunOptions options;
    options.positions = {PositionType::entree, PositionType::batiment, PositionType::segment};
    RunContext ctx(options);
    CommuneModel model;
    model.voies.push_back(straight_voie());
    model.buildings.push_back(Building{0, 1, rect(40, 10, 50, 20), {45, 15}});
    // The house's parcel stops 5 m before the street, its front wall on the line with a front
    // garden parcel; a parcel across the street.
    model.parcels.push_back(Parcel{"930100000A0010", rect(30, 10, 60, 40)});
    model.parcels.push_back(Parcel{"930100000A0011", rect(30, 5, 60, 10)});
    model.parcels.push_back(Parcel{"930100000A0012", rect(30, -40, 60, -5)});
    model.numeros.push_back(Numero{0, 46, 0, {}});
    PositionStage().run(model, ctx);
    ASSERT_EQ(model.positions.size(), 3u);
    EXPECT_EQ(model.positions[0].type, PositionType::entree);
    EXPECT_EQ(model.positions[0].xy.y, 10.0);
    // On the parcel line: the building's own parcel only.
    EXPECT_EQ(model.positions[0].cad_parcelles, "930100000A0010");
    EXPECT_EQ(model.positions[1].type, PositionType::batiment);
    EXPECT_EQ(model.positions[1].cad_parcelles, "930100000A0010");
    // The segment point is on the street, in no parcel: it takes the building's.
    EXPECT_EQ(model.positions[2].type, PositionType::segment);
    EXPECT_EQ(model.positions[2].xy, (geo::XY{45, 0}));
    EXPECT_EQ(model.positions[2].cad_parcelles, "930100000A0010");
}

TEST(Positions, EntranceInAnotherParcelTakesThatParcel) {
    RunOptions options;
    options.positions = {PositionType::entree};
    RunContext ctx(options);
    CommuneModel model;
    model.voies.push_back(straight_voie());
    // The house straddles two parcels; its anchor is in the northern one, its front wall in
    // the southern one.
    model.buildings.push_back(Building{0, 1, rect(40, 10, 50, 20), {45, 18}});
    model.parcels.push_back(Parcel{"930100000A0021", rect(30, 15, 60, 40)});
    model.parcels.push_back(Parcel{"930100000A0020", rect(30, 5, 60, 15)});
    model.numeros.push_back(Numero{0, 46, 0, {}});
    PositionStage().run(model, ctx);
    ASSERT_EQ(model.positions.size(), 1u);
    EXPECT_EQ(model.positions[0].xy.y, 10.0);
    EXPECT_EQ(model.positions[0].cad_parcelles, "930100000A0020");
}

TEST(Positions, NoParcelsNoCadParcelles) {
    RunOptions options;
    RunContext ctx(options);
    CommuneModel model;
    model.voies.push_back(straight_voie());
    model.buildings.push_back(Building{0, 1, rect(40, 10, 50, 20), {45, 15}});
    model.numeros.push_back(Numero{0, 46, 0, {}});
    PositionStage().run(model, ctx);
    ASSERT_EQ(model.positions.size(), 1u);
    EXPECT_EQ(model.positions[0].type, PositionType::batiment);
    EXPECT_EQ(model.positions[0].cad_parcelles, "");
}

TEST(Positions, EntranceOfAFrontWallParallelToTheVoieFacesTheAnchor) {
    geo::GeosContext geos;
    // Two terraced houses sharing the wall x = 20, their fronts 5 m from the street: their
    // entrances face their anchors instead of meeting at the shared corner.
    const Voie voie = straight_voie();
    const Building left{0, 1, rect(10, 5, 20, 15), {15, 10}};
    const Building right{0, 2, rect(20, 5, 30, 15), {25, 10}};
    const geo::XY a = PositionStage::process_one(geos, PositionType::entree, left, voie);
    const geo::XY b = PositionStage::process_one(geos, PositionType::entree, right, voie);
    EXPECT_NEAR(a.x, 15.0, 1e-9);
    EXPECT_NEAR(a.y, 5.0, 1e-9);
    EXPECT_NEAR(b.x, 25.0, 1e-9);
    EXPECT_GE(geo::distance(a, b), 1.0);
}
