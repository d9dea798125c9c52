#include "adressage/formats/ogr_inputs.hpp"

#include <gtest/gtest.h>

#include <set>

#include "adressage/error.hpp"

using namespace adressage;
using namespace adressage::formats;

namespace {
const std::string osm_gpkg =
    std::string(ADRESSAGE_TEST_DATA) + "/osm-alpes-maritimes-2016/osm-06012.gpkg";
const std::string lux_gpkg =
    std::string(ADRESSAGE_TEST_DATA) + "/cadastre-25354-luxiol/luxiol-25354.gpkg";
} // namespace

TEST(Preset, KnownAndUnknown) {
    EXPECT_EQ(preset_by_name("osm").road_name_field, "name");
    EXPECT_EQ(preset_by_name("cadastre").road_name_field, "nom");
    EXPECT_EQ(preset_by_name("bdtopo").road_layers.front(), "troncon_de_route");
    EXPECT_EQ(preset_by_name("bdtopo").road_name_fallbacks.front(), "nom_1_droite");
    EXPECT_THROW(preset_by_name("ign"), ConfigError);
    const Preset osm = preset_by_name("osm");
    EXPECT_TRUE(is_road_kind(osm, "residential"));
    EXPECT_TRUE(is_road_kind(osm, "steps"));
    EXPECT_FALSE(is_road_kind(osm, "motorway"));
    EXPECT_FALSE(is_road_kind(osm, "trunk"));
    EXPECT_TRUE(has_excluded_prefix(preset_by_name("cadastre"), "Autoroute A36 de Beaune"));
}

TEST(RoadInput, PresetChoosesTheLayerAndReadsNamesAndKinds) {
    RoadInput roads("--roads", parse_source_spec(osm_gpkg), preset_by_name("osm"));
    EXPECT_EQ(roads.layer_name(), "roads");
    int steps = 0;
    int total = 0;
    roads.read([&](const RoadRecord &r) {
        ++total;
        steps += r.kind == "steps" && !r.name.empty() ? 1 : 0;
    });
    EXPECT_EQ(total, 272);
    EXPECT_EQ(steps, 13); // ogrinfo: 13 named highway=steps in Beausoleil
}

TEST(RoadInput, CadastreNames) {
    RoadInput roads("--roads", parse_source_spec(lux_gpkg), preset_by_name("cadastre"));
    EXPECT_EQ(roads.layer_name(), "voie_zoncommuni");
    std::set<std::string> names;
    roads.read([&](const RoadRecord &r) { names.insert(r.name); });
    EXPECT_EQ(names.size(), 40u); // PROVENANCE.md: 74 lines, 40 distinct names
    EXPECT_TRUE(names.contains("Chemin rural dit des Champs Saint-Martin"));
}

TEST(RoadInput, ErrorsNameTheInputAndTheFix) {
    try {
        Preset p = preset_by_name("osm");
        p.road_name_field = "nom";
        RoadInput roads("--roads", parse_source_spec(osm_gpkg + ":roads"), p);
        FAIL() << "expected an InputError";
    } catch (const InputError &e) {
        EXPECT_NE(std::string(e.what()).find("has no field 'nom'"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("--road-name-field"), std::string::npos);
        EXPECT_EQ(e.input(), "--roads " + osm_gpkg + ":roads");
    }
    EXPECT_THROW(
        RoadInput("--roads", parse_source_spec(osm_gpkg + ":buildings"), preset_by_name("osm")),
        InputError); // polygons, not lines
    EXPECT_THROW(RoadInput("--roads", parse_source_spec(lux_gpkg), preset_by_name("osm")),
                 InputError); // several layers, none of the preset's
}

TEST(RoadInput, OptionalSourceWithoutTheLayerReadsNothing) {
    RoadInput roads("--roads", parse_source_spec(lux_gpkg), preset_by_name("osm"),
                    LayerPresence::optional);
    EXPECT_FALSE(roads.present());
    int total = 0;
    roads.read([&](const RoadRecord &) { ++total; });
    EXPECT_EQ(total, 0);
}

TEST(PolygonInput, OsmBuildingsAreTheFeaturesTaggedBuilding) {
    PolygonInput buildings("--buildings", parse_source_spec(osm_gpkg), preset_by_name("osm"),
                           PolygonInput::Role::buildings);
    EXPECT_EQ(buildings.layer_name(), "buildings");
    int total = 0;
    buildings.read([&](const PolygonRecord &r) {
        ++total;
        EXPECT_EQ(r.skip_reason, nullptr);
    });
    EXPECT_EQ(total, 3304); // PROVENANCE.md
}
