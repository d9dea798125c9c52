// The neighbouring commune a voie à nommer leads to, on the shipped centres and boxes: a square
// commune of 3 km around La Turbie's centre (Lambert-93), roads leaving it north and west.
#include "name_proposals/neighbour_communes.hpp"

#include <gtest/gtest.h>

#include "../support.hpp"

#include "adressage/error.hpp"
#include "adressage/geo/transformer.hpp"

namespace adressage::pipeline {
namespace {

using test::road;

constexpr geo::XY centre{1054141.9, 6303862.3}; // 7.398 E, 43.745 N

struct LeadsOut : ::testing::Test {
    formats::CommuneCentres centres = formats::CommuneCentres::load(
        std::string(ADRESSAGE_TEST_DATA) + "/cog-2026/communes-centres.csv");
    geo::Transformer to_lonlat{"EPSG:2154", "EPSG:4326"};
    geo::GeosContext geos;
    geo::NearestLineIndex outline = outline_index(geos, test::box_around(centre, 1500.0));

    std::optional<LeadsTo> led_to(geo::Polyline line) {
        const std::vector<RoadSegment> roads = {road("", std::move(line), "track")};
        VoieANommer voie;
        voie.roads = {0};
        return commune_led_to(voie, roads, outline, to_lonlat, centres, "06150");
    }
};

// Clipped at the boundary, as the clip stage leaves a road that crosses it.
TEST_F(LeadsOut, NorthAcrossTheBoundaryIsPeille) {
    const auto to = led_to({centre, {centre.x, centre.y + 1500}});
    ASSERT_TRUE(to);
    EXPECT_EQ(to->nom, "Peille");
    EXPECT_LT(to->boundary_m, 1e-6);
}

// West, the point ahead lies in the boxes of Èze and La Trinité: La Trinité's centre is in
// line with the road, Èze's 48° off it.
TEST_F(LeadsOut, WestThePlaceInLineWins) {
    const auto to = led_to({{centre.x + 200, centre.y}, {centre.x - 1470, centre.y}});
    ASSERT_TRUE(to);
    EXPECT_EQ(to->nom, "La Trinit\u00e9");
    EXPECT_NEAR(to->boundary_m, 30.0, 1e-6);
}

TEST_F(LeadsOut, InsideOrStoppingShortLeadsNowhere) {
    EXPECT_FALSE(led_to({centre, {centre.x, centre.y + 500}}));
    EXPECT_FALSE(led_to({centre, {centre.x, centre.y + 1440}})); // 60 m short: beyond the reach
}

// The end read first does not matter: the piece reversed gives the same commune.
TEST_F(LeadsOut, EitherEnd) {
    const auto to = led_to({{centre.x, centre.y + 1500}, centre});
    ASSERT_TRUE(to);
    EXPECT_EQ(to->nom, "Peille");
}

TEST(CommuneCentresFile, HoldingExcludesTheCommuneItself) {
    const auto centres = formats::CommuneCentres::load(std::string(ADRESSAGE_TEST_DATA) +
                                                       "/cog-2026/communes-centres.csv");
    EXPECT_GT(centres.size(), 34000u);
    for (const auto *c : centres.holding({7.398, 43.745}, "06150")) {
        EXPECT_NE(c->code, "06150");
    }
    EXPECT_TRUE(centres.holding({-30.0, 40.0}, "").empty()); // the Atlantic
    ASSERT_NE(centres.find("06150"), nullptr);
    EXPECT_EQ(centres.find("06150")->nom, "La Turbie");
    ASSERT_NE(centres.find("2A004"), nullptr); // Corsica's codes sort after 19
    EXPECT_EQ(centres.find("2A004")->nom, "Ajaccio");
    EXPECT_EQ(centres.find("06"), nullptr);
    EXPECT_EQ(centres.find("99999"), nullptr);
}

// holding() searches the boxes sorted by their west edge: the same answer as a scan of all.
TEST(CommuneCentresFile, HoldingIsTheScanOfEveryBox) {
    const auto centres = formats::CommuneCentres::load(std::string(ADRESSAGE_TEST_DATA) +
                                                       "/cog-2026/communes-centres.csv");
    std::size_t found = 0;
    for (double lon = -5.0; lon <= 9.5; lon += 0.37) {
        for (double lat = 41.4; lat <= 51.0; lat += 0.29) {
            std::vector<const formats::CommuneCentre *> scan;
            for (const auto &c : centres.communes()) {
                if (c.code != "06150" && lon >= c.box.min_x && lon <= c.box.max_x &&
                    lat >= c.box.min_y && lat <= c.box.max_y) {
                    scan.push_back(&c);
                }
            }
            ASSERT_EQ(centres.holding({lon, lat}, "06150"), scan) << lon << " " << lat;
            found += scan.size();
        }
    }
    EXPECT_GT(found, 500u);
}

TEST(CommuneCentresFile, MissingFileIsAnInputError) {
    EXPECT_THROW(formats::CommuneCentres::load("/nonexistent/communes-centres.csv"), InputError);
}

} // namespace
} // namespace adressage::pipeline
