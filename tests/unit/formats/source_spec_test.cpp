#include "adressage/formats/source_spec.hpp"

#include <gtest/gtest.h>

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
