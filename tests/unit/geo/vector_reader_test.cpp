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
