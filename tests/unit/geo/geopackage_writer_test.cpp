// The GeoPackage writer (geo/geopackage_writer.hpp), read back with OGR's own GeoPackage driver:
// fields and values, the CRS, nulls, and an empty collection written as a null geometry.
#include "adressage/geo/geopackage_writer.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include <ogrsf_frmts.h>

using namespace adressage::geo;

namespace {

struct Dataset {
    explicit Dataset(const std::string &path)
        : ds((GDALAllRegister(),
              GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY))) {}
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

// Every geometry type and field type the writer has, compared with what OGR reads: the
// geometry as WKT, the field types GDAL infers from the declared column types, the layer's
// extent and description, and a table without geometry.
TEST(GeoPackageWriter, EveryGeometryAndFieldTypeReadsBackThroughOgrAsWritten) {
    const std::string path =
        (std::filesystem::temp_directory_path() / "adressage-gpkg-writer-types.gpkg").string();
    OutputLayer points{"points \"cités\"", LayerGeometry::point, {}, {}, "des points"};
    points.fields = {{"n", FieldType::integer},
                     {"x", FieldType::real},
                     {"ok", FieldType::boolean},
                     {"quand", FieldType::datetime},
                     {"nom", FieldType::text}};
    OutputFeature p;
    p.values = {std::int64_t{1} << 40, 0.1, std::int64_t{1},
                std::string("2026-12-07T10:11:12.000Z"), std::string("l'Église")};
    p.point = XY{643000.25, 6862000.5};
    OutputFeature no_point;
    no_point.values = {std::int64_t{-3}, FieldValue{}, std::int64_t{0}, FieldValue{}, FieldValue{}};
    points.features = {p, no_point};
    OutputLayer lines{"lignes", LayerGeometry::multilinestring, {}, {}, {}};
    OutputFeature l;
    l.lines = {{{0, 0}, {10, 0}, {10, 5}}, {{20, 20}, {30, 25}}};
    lines.features = {l};
    OutputLayer polygons{"polygones", LayerGeometry::multipolygon, {}, {}, {}};
    OutputFeature two_parts;
    Polygon holed = square(0, 0);
    holed.holes = {{{2, 2}, {2, 4}, {4, 4}, {4, 2}, {2, 2}}};
    two_parts.polygons = {holed, square(100, 100)};
    polygons.features = {two_parts};
    OutputLayer table{"table", LayerGeometry::none, {{"texte", FieldType::text}}, {}, {}};
    OutputFeature row;
    row.values = {std::string("une ligne")};
    table.features = {row};
    write_geopackage(path, 2154, {points, lines, polygons, table}, "2026-12-07T00:00:00.000Z");

    const Dataset read(path);
    ASSERT_NE(read.ds, nullptr);
    ASSERT_EQ(read.ds->GetLayerCount(), 4);
    OGRLayer *pl = read.ds->GetLayerByName("points \"cités\"");
    ASSERT_NE(pl, nullptr);
    EXPECT_STREQ(pl->GetMetadataItem("DESCRIPTION"), "des points");
    const OGRFeatureDefn *defn = pl->GetLayerDefn();
    EXPECT_EQ(defn->GetFieldDefn(0)->GetType(), OFTInteger64);
    EXPECT_EQ(defn->GetFieldDefn(1)->GetType(), OFTReal);
    EXPECT_EQ(defn->GetFieldDefn(2)->GetSubType(), OFSTBoolean);
    EXPECT_EQ(defn->GetFieldDefn(3)->GetType(), OFTDateTime);
    EXPECT_EQ(defn->GetFieldDefn(4)->GetType(), OFTString);
    OGREnvelope extent;
    ASSERT_EQ(pl->GetExtent(&extent, FALSE), OGRERR_NONE);
    EXPECT_DOUBLE_EQ(extent.MinX, 643000.25);
    EXPECT_DOUBLE_EQ(extent.MaxY, 6862000.5);
    pl->ResetReading();
    OGRFeature *f = pl->GetNextFeature();
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->GetFieldAsInteger64(0), std::int64_t{1} << 40);
    EXPECT_DOUBLE_EQ(f->GetFieldAsDouble(1), 0.1);
    EXPECT_EQ(f->GetFieldAsInteger(2), 1);
    EXPECT_STREQ(f->GetFieldAsString(3), "2026/12/07 10:11:12+00");
    EXPECT_STREQ(f->GetFieldAsString(4), "l'Église");
    ASSERT_NE(f->GetGeometryRef(), nullptr);
    EXPECT_STREQ(f->GetGeometryRef()->exportToWkt().c_str(), "POINT (643000.25 6862000.5)");
    OGRFeature::DestroyFeature(f);
    f = pl->GetNextFeature();
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->GetGeometryRef(), nullptr);
    EXPECT_EQ(f->GetFieldAsInteger64(0), -3);
    EXPECT_TRUE(f->IsFieldNull(1));
    OGRFeature::DestroyFeature(f);

    const auto wkt_of_first = [&](const char *name) {
        OGRLayer *layer = read.ds->GetLayerByName(name);
        EXPECT_NE(layer, nullptr);
        layer->ResetReading();
        OGRFeature *g = layer->GetNextFeature();
        std::string wkt = g != nullptr && g->GetGeometryRef() != nullptr
                              ? g->GetGeometryRef()->exportToWkt()
                              : std::string("(none)");
        OGRFeature::DestroyFeature(g);
        return wkt;
    };
    EXPECT_EQ(wkt_of_first("lignes"), "MULTILINESTRING ((0 0,10 0,10 5),(20 20,30 25))");
    EXPECT_EQ(wkt_of_first("polygones"), "MULTIPOLYGON (((0 0,10 0,10 10,0 10,0 0),"
                                         "(2 2,2 4,4 4,4 2,2 2)),"
                                         "((100 100,110 100,110 110,100 110,100 100)))");
    OGRLayer *tl = read.ds->GetLayerByName("table");
    ASSERT_NE(tl, nullptr);
    EXPECT_EQ(tl->GetGeomType(), wkbNone);
    EXPECT_EQ(tl->GetFeatureCount(), 1);
}

// 500 rows are written 64 to an INSERT, then one by one: every row once, in order, fid 1 on.
TEST(GeoPackageWriter, ManyRowsKeepTheirOrderAndTheSameLayersGiveTheSameBytes) {
    const auto dir = std::filesystem::temp_directory_path();
    OutputLayer layer{"adresses", LayerGeometry::point, {{"numero", FieldType::integer}}, {}, {}};
    for (int i = 0; i < 500; ++i) {
        OutputFeature f;
        f.values = {std::int64_t{i}};
        f.point = XY{1000.0 + i, 2000.0};
        layer.features.push_back(f);
    }
    const auto bytes = [](const std::filesystem::path &p) {
        std::ifstream in(p, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    };
    write_geopackage((dir / "adressage-gpkg-a.gpkg").string(), 2154, {layer},
                     "2026-12-07T00:00:00.000Z");
    write_geopackage((dir / "adressage-gpkg-b.gpkg").string(), 2154, {layer},
                     "2026-12-07T00:00:00.000Z");
    {
        const Dataset read((dir / "adressage-gpkg-a.gpkg").string());
        ASSERT_NE(read.ds, nullptr);
        OGRLayer *l = read.ds->GetLayer(0);
        ASSERT_EQ(l->GetFeatureCount(), 500);
        l->ResetReading();
        for (int i = 0; i < 500; ++i) {
            OGRFeature *f = l->GetNextFeature();
            ASSERT_NE(f, nullptr);
            EXPECT_EQ(f->GetFID(), i + 1);
            EXPECT_EQ(f->GetFieldAsInteger64(0), i);
            EXPECT_EQ(f->GetGeometryRef()->toPoint()->getX(), 1000.0 + i);
            OGRFeature::DestroyFeature(f);
        }
    }
    const std::string a = bytes(dir / "adressage-gpkg-a.gpkg");
    EXPECT_GT(a.size(), 4096U);
    EXPECT_EQ(a, bytes(dir / "adressage-gpkg-b.gpkg"));
    std::filesystem::remove(dir / "adressage-gpkg-a.gpkg");
    std::filesystem::remove(dir / "adressage-gpkg-b.gpkg");
}
