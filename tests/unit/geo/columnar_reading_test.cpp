// A GeoPackage read through GDAL's columnar (Arrow) stream gives the records that reading it
// feature by feature gives: the same FIDs in the same order, the same field texts, geometries
// and skip reasons. The GeoPackage is written here with GDAL, with the cases that could differ.
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <limits>
#include <string>
#include <vector>

#include "adressage/geo/vector_reader.hpp"

using namespace adressage::geo;

namespace {

struct Feature {
    const char *wkt; // nullptr: a null geometry
    const char *name;
    int n;
    long long big;
    bool null_fields;
};

// Every geometry case of the readers: polygons with holes and parts, a curve, 3D and measured
// coordinates, empty and null geometries, lines and points (a wrong kind for a polygon read),
// a collection, a ring too short, a coordinate that is not finite or beyond any CRS.
const std::vector<Feature> features = {
    {"POLYGON ((0 0,10 0,10 10,0 10,0 0))", "Rue de l'Église", 1, 1LL << 40, false},
    {"MULTIPOLYGON (((0 0,10 0,10 10,0 10,0 0),(2 2,2 4,4 4,4 2,2 2)),((20 20,30 20,30 30,20 "
     "20)))",
     "", -7, -3, false},
    {"CURVEPOLYGON (CIRCULARSTRING (0 0,1 1,2 0,1 -1,0 0))", "courbe", 0, 0, false},
    {"POLYGON Z ((0 0 1,10 0 2,10 10 3,0 0 1))", "z", 3, 4, false},
    {"POLYGON M ((0 0 1,10 0 2,10 10 3,0 0 1))", "m", 3, 4, false},
    {"POLYGON EMPTY", "vide", 5, 6, false},
    {nullptr, "nulle", 7, 8, true},
    {"LINESTRING (0 0,5 5,10 0)", nullptr, 9, 10, true},
    {"MULTILINESTRING ((0 0,1 1),(2 2,3 3,4 2))", "lignes", 11, 12, false},
    {"COMPOUNDCURVE (CIRCULARSTRING (0 0,1 1,2 0),(2 0,3 0))", "compose", 13, 14, false},
    {"POINT (1 2)", "point", 15, 16, false},
    {"MULTIPOINT ((1 2),(3 4))", "points", 17, 18, false},
    {"GEOMETRYCOLLECTION (POLYGON ((0 0,1 0,1 1,0 0)),LINESTRING (0 0,1 1))", "mix", 19, 20, false},
    {"POLYGON ((0 0,1 0,0 0))", "court", 21, 22, false},
    {"LINESTRING (0 0,0 1)", "nan", 23, 24, false}, // its second x made NaN below
    {"MULTIPOLYGON (EMPTY,((0 0,1 0,1 1,0 0)))", "partie vide", 25, 26, false},
    {"MULTIPOLYGON (((0 0,1 0,1 1,0 0)),((5 5,6 5,6 6,5 6)))", "non fermé", 27, 28, false},
    {"POLYGON ((0 0,10 0,10 10,0 0),(1 1,2 1,1 1))", "trou court", 29, 30, false},
    {"POLYGON ZM ((0 0 1 2,10 0 2 3,10 10 3 4,0 0 1 2))", "zm", 31, 32, false},
    {"MULTILINESTRING Z ((0 0 1,1 1 2),(2 2 3,3 3 4))", "lignes z", 33, 34, false},
    {"MULTILINESTRING ((0 0,1 1),EMPTY)", "ligne vide", 35, 36, false},
    {"MULTILINESTRING EMPTY", "aucune", 37, 38, false},
    {"MULTIPOLYGON (((0 0,10 0,10 10,0 0)),((20 20,30 20,30 30,20 20),(21 21,22 21,21 21)))",
     "second trou court", 39, 40, false},
    // Finite but beyond any CRS: PROJ refused 1e300, and aborted the whole run (issue 25).
    {"POLYGON ((1e300 0,10 0,10 10,0 10,1e300 0))", "énorme", 41, 42, false},
    {"LINESTRING (0 0,-2e9 1)", "trop loin", 43, 44, false},
};

std::string make_geopackage(const std::filesystem::path &dir) {
    GDALAllRegister();
    const std::string path = (dir / "columnar.gpkg").string();
    std::filesystem::remove(path);
    GDALDriver *driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    GDALDatasetUniquePtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    EXPECT_TRUE(ds);
    OGRLayer *layer = ds->CreateLayer("mixed", nullptr, wkbUnknown, nullptr);
    OGRFieldDefn name("name", OFTString);
    OGRFieldDefn n("n", OFTInteger);
    OGRFieldDefn big("big", OFTInteger64);
    OGRFieldDefn real("real", OFTReal);
    for (OGRFieldDefn *f : {&name, &n, &big, &real}) {
        EXPECT_EQ(layer->CreateField(f), OGRERR_NONE);
    }
    for (std::size_t i = 0; i < features.size(); ++i) {
        const Feature &f = features[i];
        OGRFeature feature(layer->GetLayerDefn());
        if (!f.null_fields) {
            feature.SetField("name", f.name);
            feature.SetField("n", f.n);
            feature.SetField("big", static_cast<GIntBig>(f.big));
            feature.SetField("real", 0.1 * static_cast<double>(i));
        }
        if (f.wkt != nullptr) {
            OGRGeometry *g = nullptr;
            EXPECT_EQ(OGRGeometryFactory::createFromWkt(f.wkt, nullptr, &g), OGRERR_NONE) << f.wkt;
            if (f.name != nullptr && std::string(f.name) == "nan") {
                g->toLineString()->setPoint(1, std::numeric_limits<double>::quiet_NaN(), 1.0);
            }
            feature.SetGeometryDirectly(g);
        }
        EXPECT_EQ(layer->CreateFeature(&feature), OGRERR_NONE);
    }
    return path;
}

std::string describe(const FeatureRecord &r) {
    std::string out = "fid " + std::to_string(r.fid) + " values";
    for (const std::string &v : r.values) {
        out += " [" + v + "]";
    }
    out += " skip " + std::string(r.skip_reason != nullptr ? r.skip_reason : "-");
    auto points = [&out](const std::vector<XY> &xy) {
        for (const XY &p : xy) {
            out += " " + std::to_string(p.x) + "," + std::to_string(p.y);
        }
        out += ";";
    };
    for (const Polyline &l : r.lines) {
        points(l);
    }
    for (const Polygon &p : r.polygons) {
        points(p.outer);
        for (const Ring &h : p.holes) {
            points(h);
        }
    }
    points(r.points);
    return out;
}

std::vector<std::string> read(VectorLayer &layer, bool columnar,
                              const std::vector<std::string> &fields, GeometryKind kind) {
    layer.set_columnar_reading(columnar);
    std::vector<std::string> out;
    layer.for_each(fields, kind, [&](const FeatureRecord &r) { out.push_back(describe(r)); });
    return out;
}

class ColumnarReading : public ::testing::Test {
  protected:
    void SetUp() override {
        // One directory per test: ctest runs the tests of this fixture side by side.
        dir_ = std::filesystem::path(::testing::TempDir()) /
               (std::string("columnar_reading_") +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::create_directories(dir_);
        path_ = make_geopackage(dir_);
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }
    std::filesystem::path dir_;
    std::string path_;
};

} // namespace

TEST_F(ColumnarReading, GivesTheRecordsOfReadingFeatureByFeature) {
    const VectorDataset ds = VectorDataset::open(path_);
    VectorLayer layer = ds.layer("mixed");
    ASSERT_TRUE(layer.fast_columnar_reading()); // else both reads below are feature by feature
    for (const GeometryKind kind :
         {GeometryKind::polygon, GeometryKind::line, GeometryKind::unknown}) {
        for (const std::vector<std::string> &fields :
             std::vector<std::vector<std::string>>{{}, {"name"}, {"big", "name", "n"}}) {
            const auto columnar = read(layer, true, fields, kind);
            const auto by_feature = read(layer, false, fields, kind);
            ASSERT_EQ(columnar.size(), features.size());
            EXPECT_EQ(columnar, by_feature) << to_string(kind) << " " << fields.size();
        }
    }
    // The texts themselves, not only their agreement.
    const auto first = read(layer, true, {"name", "n", "big"}, GeometryKind::polygon);
    EXPECT_EQ(first[0].substr(0, first[0].find(" skip")),
              "fid 1 values [Rue de l'Église] [1] [1099511627776]");
    EXPECT_EQ(first[1].substr(0, first[1].find(" skip")), "fid 2 values [] [-7] [-3]");
    EXPECT_EQ(first[6], "fid 7 values [] [] [] skip null_geometry;");
    // And the skip reasons, which both ways share (feature_geometry.hpp).
    const auto reason = [](const std::string &record) {
        const std::size_t at = record.find(" skip ") + 6;
        return record.substr(at, record.find_first_of(" ;", at) - at);
    };
    EXPECT_EQ(reason(first[0]), "-");
    EXPECT_EQ(reason(first[13]), "degenerate_geometry"); // a ring of three points
    EXPECT_EQ(reason(first[15]), "empty_geometry");      // an empty part
    EXPECT_EQ(reason(first[16]), "degenerate_geometry"); // an unclosed ring
    EXPECT_EQ(reason(first[17]), "degenerate_geometry"); // a hole of three points
    EXPECT_EQ(reason(first[7]), "wrong_geometry_type");  // a line
    const auto lines = read(layer, true, {}, GeometryKind::line);
    ASSERT_EQ(lines.size(), features.size());
    EXPECT_EQ(reason(lines[14]), "invalid_coordinates"); // a NaN
    EXPECT_EQ(reason(lines[8]), "-");
    EXPECT_EQ(reason(first[23]), "invalid_coordinates"); // 1e300
    EXPECT_EQ(reason(lines[24]), "invalid_coordinates"); // -2e9
}

TEST_F(ColumnarReading, ARangeOfFidsIsTheSameBothWays) {
    const VectorDataset ds = VectorDataset::open(path_);
    VectorLayer layer = ds.layer("mixed");
    layer.set_fid_range(std::make_pair(std::int64_t{4}, std::int64_t{9}));
    const auto columnar = read(layer, true, {"name"}, GeometryKind::unknown);
    EXPECT_EQ(columnar.size(), 6u);
    EXPECT_EQ(columnar, read(layer, false, {"name"}, GeometryKind::unknown));
}

// A real field's text is GDAL's own formatting: such a read stays feature by feature, with the
// same result.
TEST_F(ColumnarReading, AFieldOfAnotherTypeIsReadFeatureByFeature) {
    const VectorDataset ds = VectorDataset::open(path_);
    VectorLayer layer = ds.layer("mixed");
    const auto columnar = read(layer, true, {"real", "name"}, GeometryKind::polygon);
    EXPECT_EQ(columnar, read(layer, false, {"real", "name"}, GeometryKind::polygon));
    EXPECT_NE(columnar[1].find("[0.1]"), std::string::npos) << columnar[1];
}
