#include "adressage/formats/source_spec.hpp"

#include <gtest/gtest.h>

#include "adressage/error.hpp"

using adressage::formats::parse_source_spec;

TEST(SourceSpec, PathAlone) {
    const auto s = parse_source_spec("data/roads.shp");
    EXPECT_EQ(s.dataset, "data/roads.shp");
    EXPECT_EQ(s.layer, "");
}

TEST(SourceSpec, PathAndLayer) {
    const auto s = parse_source_spec("data/osm-06012.gpkg:roads");
    EXPECT_EQ(s.dataset, "data/osm-06012.gpkg");
    EXPECT_EQ(s.layer, "roads");
    EXPECT_EQ(s.text, "data/osm-06012.gpkg:roads");
}

TEST(SourceSpec, PostgisWithAndWithoutLayer) {
    const auto with = parse_source_spec("PG:dbname=bal host=localhost:public.troncon_de_route");
    EXPECT_EQ(with.dataset, "PG:dbname=bal host=localhost");
    EXPECT_EQ(with.layer, "public.troncon_de_route");
    const auto without = parse_source_spec("PG:dbname=bal");
    EXPECT_EQ(without.dataset, "PG:dbname=bal");
    EXPECT_EQ(without.layer, "");
}

TEST(SourceSpec, AColonInsideAPathIsNotALayer) {
    const auto s = parse_source_spec("/data/a:b/roads.gpkg");
    EXPECT_EQ(s.dataset, "/data/a:b/roads.gpkg");
    EXPECT_EQ(s.layer, "");
}

TEST(SourceSpec, AnyLayerNameAfterAnExistingPath) {
    // ADRESSAGE_TEST_DATA exists: what follows its first colon is the layer, whatever it holds.
    const std::string dir = ADRESSAGE_TEST_DATA;
    const auto spaced = parse_source_spec(dir + ":routes 2016");
    EXPECT_EQ(spaced.dataset, dir);
    EXPECT_EQ(spaced.layer, "routes 2016");
    const auto colons = parse_source_spec(dir + ":bâti:ments");
    EXPECT_EQ(colons.dataset, dir);
    EXPECT_EQ(colons.layer, "bâti:ments");
    // A path that does not exist keeps the old rule: a space is not a layer name.
    EXPECT_EQ(parse_source_spec("/nonexistent.gpkg:routes 2016").layer, "");
}

TEST(SourceSpec, OptionsAfterABar) {
    const auto s = parse_source_spec("PG:dbname=bal host=/tmp|layername=tronçon: route|where=a = "
                                     "'x|y'|oo=A=1|oo=B=2|spat=1,2.5,3,4");
    EXPECT_EQ(s.dataset, "PG:dbname=bal host=/tmp");
    EXPECT_EQ(s.layer, "tronçon: route");
    EXPECT_EQ(s.where, "a = 'x|y'"); // a bar not followed by word= belongs to the value
    EXPECT_EQ(s.open_options, (std::vector<std::string>{"A=1", "B=2"}));
    ASSERT_TRUE(s.spat.has_value());
    EXPECT_EQ(s.spat->min_y, 2.5);
    EXPECT_EQ(s.spat->max_x, 3.0);
    EXPECT_EQ(parse_source_spec("a.gpkg|subset=b > 1").where, "b > 1"); // QGIS's word
    EXPECT_EQ(parse_source_spec("a.gpkg|sql=SELECT a || b FROM t").sql, "SELECT a || b FROM t");
}

TEST(SourceSpec, BadOptionsAreRefusedWithTheSource) {
    EXPECT_THROW(parse_source_spec("a.gpkg|filter=x"), adressage::InputError);
    EXPECT_THROW(parse_source_spec("a.gpkg|where"), adressage::InputError);
    EXPECT_THROW(parse_source_spec("a.gpkg|spat=1,2,3"), adressage::InputError);
    EXPECT_THROW(parse_source_spec("a.gpkg|spat=3,2,1,4"), adressage::InputError); // xmin > xmax
    EXPECT_THROW(parse_source_spec("a.gpkg|spat=1,2,3,4,5"), adressage::InputError);
    try {
        parse_source_spec("a.gpkg|filter=x");
    } catch (const adressage::InputError &e) {
        EXPECT_STREQ(e.what(), "a.gpkg|filter=x: unknown source option |filter= (options: "
                               "layername, where, subset, sql, oo, spat)");
    }
}
