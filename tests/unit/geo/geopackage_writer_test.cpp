// The GeoPackage writer (geo/geopackage_writer.hpp), read back with OGR's own GeoPackage driver:
// fields and values, the CRS, nulls, and an empty collection written as a null geometry.
#include "adressage/geo/geopackage_writer.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include <ogrsf_frmts.h>

using namespace adressage::geo;

namespace {

struct Dataset {
    explicit Dataset(const std::string &path)
        : ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY)) {}
    ~Dataset() { GDALClose(ds); }
    Dataset(const Dataset &) = delete;
    Dataset &operator=(const Dataset &) = delete;
    GDALDataset *ds;
};

Polygon square(double x, double y) {
    return {{{x, y}, {x + 10, y}, {x + 10, y + 10}, {x, y + 10}, {x, y}}, {}};
}

} // namespace

TEST(GeoPackageWriter, WritesFieldsGeometriesAndNullsThatOgrReadsBack) {
    const std::string path =
        (std::filesystem::temp_directory_path() / "adressage-gpkg-writer-test.gpkg").string();
    OutputLayer buildings{"batiments", LayerGeometry::multipolygon, {}, {}, "des bâtiments"};
    buildings.fields = {{"fid_source", FieldType::integer},
                        {"devenir", FieldType::text},
                        {"surface", FieldType::real}};
    OutputFeature kept;
    kept.values = {std::int64_t{7}, std::string("numéroté"), 100.0};
    kept.polygons = {square(1000, 2000)};
    OutputFeature unreadable; // no geometry could be read: null, not an empty multipolygon
    unreadable.values = {std::int64_t{8}, std::string("inutilisable"), FieldValue{}};
    buildings.features = {kept, unreadable};
    write_geopackage(path, 2154, {buildings}, "2026-12-07T00:00:00.000Z");

    const Dataset read(path);
    ASSERT_NE(read.ds, nullptr);
    OGRLayer *layer = read.ds->GetLayerByName("batiments");
    ASSERT_NE(layer, nullptr);
    ASSERT_EQ(layer->GetFeatureCount(), 2);
    ASSERT_NE(layer->GetSpatialRef(), nullptr);
    EXPECT_STREQ(layer->GetSpatialRef()->GetAuthorityCode(nullptr), "2154");
    layer->ResetReading();
    OGRFeature *first = layer->GetNextFeature();
    ASSERT_NE(first, nullptr);
    EXPECT_EQ(first->GetFieldAsInteger64("fid_source"), 7);
    EXPECT_STREQ(first->GetFieldAsString("devenir"), "numéroté");
    EXPECT_DOUBLE_EQ(first->GetFieldAsDouble("surface"), 100.0);
    ASSERT_NE(first->GetGeometryRef(), nullptr);
    EXPECT_EQ(wkbFlatten(first->GetGeometryRef()->getGeometryType()), wkbMultiPolygon);
    OGREnvelope box;
    first->GetGeometryRef()->getEnvelope(&box);
    EXPECT_DOUBLE_EQ(box.MinX, 1000.0);
    EXPECT_DOUBLE_EQ(box.MaxY, 2010.0);
    OGRFeature::DestroyFeature(first);
    OGRFeature *second = layer->GetNextFeature();
    ASSERT_NE(second, nullptr);
    EXPECT_EQ(second->GetGeometryRef(), nullptr);
    EXPECT_TRUE(second->IsFieldNull(second->GetFieldIndex("surface")));
    EXPECT_STREQ(second->GetFieldAsString("devenir"), "inutilisable");
    OGRFeature::DestroyFeature(second);
    std::filesystem::remove(path);
}
