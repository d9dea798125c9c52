// Voies from rings, gaps and forks; toponymes from named places (--places) and the lieu-dit of
// each address; the places reader.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "adressage/error.hpp"
#include "adressage/formats/ogr_inputs.hpp"
#include "stages/stages.hpp"
#include "stages/toponymes.hpp"

using namespace adressage;
using namespace adressage::pipeline;

namespace {

geo::MultiPolygon square(double x0, double y0, double x1, double y1) {
    return {geo::Polygon{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}, {}}};
}

struct VoiesPlaces : ::testing::Test {
    RunOptions options;
    RunContext ctx{options};
    CommuneModel model;

    void add_road(const std::string &name, geo::Polyline line) {
        model.roads.push_back(
            RoadSegment{0, static_cast<std::int64_t>(model.roads.size()), name, std::move(line)});
    }
};

} // namespace

TEST_F(VoiesPlaces, ARoundaboutStartsAtItsPointNearestTheCentre) {
    model.centre = {0, 0};
    // A ring digitised from its far side (east), centred 100 m north-east of the centre.
    add_road("Rond-Point des Alpes", {{120, 100}, {100, 120}, {80, 100}, {100, 80}, {120, 100}});
    VoiesStage().run(model, ctx);
    ASSERT_EQ(model.voies.size(), 1u);
    const Voie &ring = model.voies[0];
    EXPECT_EQ(ring.origin(), (geo::XY{80, 100})); // the vertex nearest (0, 0) on a tie: first
    EXPECT_EQ(ring.end(), ring.origin());         // still closed
    EXPECT_NEAR(ring.length, 4 * std::hypot(20.0, 20.0), 1e-9);
}

TEST_F(VoiesPlaces, AGapKeepsOneVoieAndIsNotCounted) {
    model.centre = {0, 0};
    add_road("Rue du Lavoir", {{0, 0}, {100, 0}});
    add_road("Rue du Lavoir", {{120, 0}, {200, 0}}); // 20 m gap (a square, a missing piece)
    VoiesStage().run(model, ctx);
    ASSERT_EQ(model.voies.size(), 1u);
    const Voie &v = model.voies[0];
    ASSERT_EQ(v.parts.size(), 2u);
    EXPECT_DOUBLE_EQ(v.part_start[1], 100.0);
    EXPECT_DOUBLE_EQ(v.length, 180.0);
}

TEST_F(VoiesPlaces, AForkIsOneVoieWithEveryBranch) {
    model.centre = {0, 0};
    add_road("Chemin des Vignes", {{0, 0}, {100, 0}});
    add_road("Chemin des Vignes", {{100, 0}, {150, 50}});
    add_road("Chemin des Vignes", {{100, 0}, {150, -50}});
    VoiesStage().run(model, ctx);
    ASSERT_EQ(model.voies.size(), 1u);
    const Voie &v = model.voies[0];
    EXPECT_EQ(v.origin(), (geo::XY{0, 0}));
    EXPECT_NEAR(v.length, 100.0 + 2 * std::hypot(50.0, 50.0), 1e-9);
    // GEOS does not merge at a node of degree 3: the trunk, then one branch, then the other,
    // chained from the nearest end, so the numbers keep increasing from one branch to the next.
    ASSERT_EQ(v.parts.size(), 3u);
    EXPECT_EQ(v.parts[1].front(), (geo::XY{100, 0}));
    EXPECT_NEAR(v.part_start[2], 100.0 + std::hypot(50.0, 50.0), 1e-9);
}

TEST(Lieudit, AnAreaComesBeforeAPointAndPointsReachTheRadius) {
    geo::GeosContext geos;
    std::vector<Toponyme> toponymes = {
        {"Le Hameau", {0, 0}, {}, "", "", ""},
        {"Les Prés", {500, 0}, square(400, -100, 600, 100), "", "", ""},
        {"La Croix", {300, 0}, {}, "", "", ""},
    };
    const LieuditFinder finder(geos, toponymes, 250.0);
    EXPECT_EQ(finder.find({10, 0}), 0u);
    EXPECT_EQ(finder.find({420, 0}), 1u); // inside Les Prés, though La Croix is 120 m away
    EXPECT_EQ(finder.find({200, 0}), 2u); // 100 m from La Croix, 200 m from Le Hameau
    EXPECT_EQ(finder.find({0, 260}), std::nullopt); // beyond the radius
    EXPECT_EQ(finder.find({150, 0}), 0u);           // a tie: the first
}

TEST_F(VoiesPlaces, ToponymesKeepTheirOwnNamesInsideTheCommune) {
    model.boundary = square(-1000, -1000, 1000, 1000);
    Voie voie;
    voie.nom = "Chemin de la Croix";
    voie.parts = {{{0, 0}, {100, 0}}};
    voie.part_start = {0.0};
    voie.length = 100.0;
    voie.code = "x001";
    model.voies.push_back(voie);
    model.buildings.push_back(Building{0, 1, square(40, 5, 50, 15), {45, 10}});
    model.buildings.push_back(Building{0, 2, square(90, 5, 95, 15), {92, 10}});
    model.numeros = {Numero{0, 45, 0, {}}, Numero{0, 92, 1, {}}};
    model.toponymes = {
        {"Le Serre", {50, 50}, {}, "", "", ""},
        {"La Croix", {0, 10}, {}, "", "", ""},    // not the voie's name (Chemin de la Croix): kept
        {"Le Serre", {800, 800}, {}, "", "", ""}, // the same name again
        {"Loin", {5000, 0}, {}, "", "", ""},      // outside the boundary
        {"Chemin de la Croix", {10, 10}, {}, "", "", ""}, // named like the voie
    };
    options.place_radius = 55.0;
    ToponymesStage().run(model, ctx);
    ASSERT_EQ(model.toponymes.size(), 2u);
    EXPECT_EQ(model.toponymes[0].nom, "La Croix");
    EXPECT_EQ(model.toponymes[0].code, "x002"); // after the numbered voie's x001
    EXPECT_EQ(model.toponymes[1].nom, "Le Serre");
    EXPECT_EQ(model.toponymes[1].code, "x003");
    ASSERT_EQ(model.lieudits.size(), 2u);
    EXPECT_EQ(model.lieudits[0], 1u);           // 40.3 m from Le Serre, 45 m from La Croix
    EXPECT_EQ(model.lieudits[1], std::nullopt); // 58 m from Le Serre, 92 m from La Croix
    EXPECT_EQ(ctx.diagnostics.skipped("toponymes", "outside_commune"), 1);
    EXPECT_EQ(ctx.diagnostics.skipped("toponymes", "named_like_a_voie"), 1);
    EXPECT_EQ(ctx.diagnostics.skipped("toponymes", "same_name_as_another"), 1);
}

TEST(PlaceInput, OsmKindsAndOtherTags) {
    EXPECT_EQ(formats::osm_other_tag(R"("highway"=>"pedestrian","area"=>"yes")", "highway"),
              "pedestrian");
    EXPECT_EQ(formats::osm_other_tag(R"("name:highway"=>"x")", "highway"), "");
    EXPECT_EQ(formats::osm_other_tag("", "highway"), "");

    const std::string path = ::testing::TempDir() + "places-test.geojson";
    std::ofstream(path) << R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"name":"La Croux","place":"locality"},"geometry":{"type":"Point","coordinates":[7.40,43.74]}},
{"type":"Feature","properties":{"name":"La Turbie","place":"village"},"geometry":{"type":"Point","coordinates":[7.40,43.74]}},
{"type":"Feature","properties":{"name":"Place Haute","place":null,"highway":"pedestrian"},"geometry":{"type":"Polygon","coordinates":[[[7.40,43.74],[7.401,43.74],[7.401,43.741],[7.40,43.74]]]}},
{"type":"Feature","properties":{"name":"Les Prés","place":"hamlet"},"geometry":{"type":"Polygon","coordinates":[[[7.40,43.74],[7.401,43.74],[7.401,43.741],[7.40,43.74]]]}},
{"type":"Feature","properties":{"name":"Sentier","place":"locality"},"geometry":{"type":"LineString","coordinates":[[7.40,43.74],[7.41,43.75]]}}
]})";
    formats::PlaceInput input("--places", formats::parse_source_spec(path),
                              formats::preset_by_name("osm"));
    std::vector<std::pair<std::string, formats::PlaceRecord::Kind>> seen;
    std::vector<bool> skipped;
    input.read([&](const formats::PlaceRecord &r) {
        seen.emplace_back(r.name, r.kind);
        skipped.push_back(r.skip_reason != nullptr);
    });
    std::filesystem::remove(path);
    using K = formats::PlaceRecord::Kind;
    ASSERT_EQ(seen.size(), 5u);
    EXPECT_EQ(seen[0].second, K::toponyme);
    EXPECT_EQ(seen[1].second, K::other); // the village: the commune, not a toponyme
    EXPECT_EQ(seen[2].second, K::square);
    EXPECT_EQ(seen[3].second, K::toponyme); // a hamlet drawn as an area
    EXPECT_EQ(skipped, (std::vector<bool>{false, false, false, false, true})); // a line
}

TEST(PlaceInput, ALayerWithoutNamesIsRefused) {
    const std::string path = ::testing::TempDir() + "places-unnamed.geojson";
    std::ofstream(path) << R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"nom_x":"a"},"geometry":{"type":"Point","coordinates":[7.4,43.7]}}]})";
    try {
        formats::PlaceInput input("--places", formats::parse_source_spec(path),
                                  formats::preset_by_name("osm"));
        ADD_FAILURE() << "no error";
    } catch (const InputError &e) {
        EXPECT_NE(std::string(e.what()).find("no place name field (name; fields: nom_x)"),
                  std::string::npos)
            << e.what();
    }
    std::filesystem::remove(path);
}
