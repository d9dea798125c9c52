#include "adressage/geo/vector_reader.hpp"

#include <gtest/gtest.h>

#include "adressage/error.hpp"

using namespace adressage::geo;

namespace {
const std::string gpkg =
    std::string(ADRESSAGE_TEST_DATA) + "/osm-alpes-maritimes-2016/osm-06012.gpkg";
}

TEST(VectorReader, ListsLayersFieldsAndKinds) {
    const VectorDataset ds = VectorDataset::open(gpkg);
    EXPECT_TRUE(ds.has_layer("roads"));
    EXPECT_FALSE(ds.has_layer("nope"));
    const VectorLayer roads = ds.layer("roads");
    EXPECT_EQ(roads.geometry_kind(), GeometryKind::line);
    EXPECT_TRUE(roads.has_field("name"));
    EXPECT_FALSE(roads.has_field("nom"));
    EXPECT_NE(roads.crs_wkt().find("4326"), std::string::npos);
    EXPECT_EQ(ds.layer("buildings").geometry_kind(), GeometryKind::polygon);
}

TEST(VectorReader, ReadsEveryFeatureWithValuesAndGeometry) {
    const VectorDataset ds = VectorDataset::open(gpkg);
    VectorLayer roads = ds.layer("roads");
    int features = 0;
    int named = 0;
    roads.for_each({"name", "highway"}, GeometryKind::line, [&](const FeatureRecord &f) {
        ++features;
        named += f.values[0].empty() ? 0 : 1;
        EXPECT_EQ(f.skip_reason, nullptr);
        ASSERT_FALSE(f.lines.empty());
        EXPECT_GE(f.lines[0].size(), 2u);
        EXPECT_NEAR(f.lines[0][0].x, 7.42, 0.05); // WGS84 longitude around Beausoleil
    });
    // PROVENANCE.md: 272 road features; 172 named (ogrinfo -sql "select count(*) from roads
    // where name is not null"; the 174 named ways of the PBF include 2 closed ways left out).
    EXPECT_EQ(features, 272);
    EXPECT_EQ(named, 172);
}

TEST(VectorReader, WrongKindIsASkipReasonNotAnException) {
    const VectorDataset ds = VectorDataset::open(gpkg);
    VectorLayer roads = ds.layer("roads");
    int skipped = 0;
    roads.for_each({}, GeometryKind::polygon,
                   [&](const FeatureRecord &f) { skipped += f.skip_reason != nullptr ? 1 : 0; });
    EXPECT_EQ(skipped, 272);
}

TEST(VectorReader, MissingSourceOrLayerThrows) {
    EXPECT_THROW(VectorDataset::open("/nonexistent/file.gpkg"), adressage::GdalError);
    const VectorDataset ds = VectorDataset::open(gpkg);
    EXPECT_THROW(ds.layer("nope"), adressage::GdalError);
}

// A GeoPackage is read in parts of its FID range: the parts together are the whole layer, in
// FID order, each feature once.
TEST(VectorReader, AGeoPackageReadsInRangesOfFids) {
    const VectorDataset ds = VectorDataset::open(gpkg);
    VectorLayer buildings = ds.layer("buildings");
    const auto bounds = buildings.fid_bounds();
    ASSERT_TRUE(bounds.has_value());
    ASSERT_TRUE(buildings.known_feature_count().has_value());
    std::vector<std::int64_t> whole;
    buildings.for_each({}, GeometryKind::polygon,
                       [&](const FeatureRecord &f) { whole.push_back(f.fid); });
    ASSERT_EQ(static_cast<std::int64_t>(whole.size()), *buildings.known_feature_count());
    EXPECT_EQ(whole.front(), bounds->first);
    EXPECT_EQ(whole.back(), bounds->second);
    const std::int64_t middle = (bounds->first + bounds->second) / 2;
    std::vector<std::int64_t> parts;
    for (const auto &range :
         {std::make_pair(bounds->first, middle), std::make_pair(middle + 1, bounds->second)}) {
        buildings.set_fid_range(range);
        std::size_t before = parts.size();
        buildings.for_each({}, GeometryKind::polygon,
                           [&](const FeatureRecord &f) { parts.push_back(f.fid); });
        EXPECT_GT(parts.size(), before);
    }
    EXPECT_EQ(parts, whole);
    buildings.set_fid_range(std::nullopt);
    std::size_t again = 0;
    buildings.for_each({}, GeometryKind::polygon, [&](const FeatureRecord &) { ++again; });
    EXPECT_EQ(again, whole.size());
    const auto extent = buildings.known_extent();
    ASSERT_TRUE(extent.has_value());
    EXPECT_NEAR(extent->min_x, 7.42, 0.05); // WGS84 longitude around Beausoleil
}

// A GeoJSON file cannot read a FID range from an index: it is read whole.
TEST(VectorReader, AGeoJsonHasNoFidBounds) {
    const VectorDataset ds = VectorDataset::open(
        std::string(ADRESSAGE_TEST_DATA) + "/osm-alpes-maritimes-2016/boundary-06012.geojson");
    EXPECT_FALSE(ds.layer(ds.layer_names().front()).fid_bounds().has_value());
}
