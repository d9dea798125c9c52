#include "adressage/geo/transformer.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "adressage/error.hpp"

using namespace adressage::geo;

TEST(Transformer, LambertOriginIsExact) {
    // Lambert-93's natural origin, 3°E 46°30'N, has false easting/northing 700000/6600000.
    const Transformer t("EPSG:4326", "EPSG:2154");
    std::vector<XY> p{{3.0, 46.5}};
    t.forward(p);
    EXPECT_NEAR(p[0].x, 700000.0, 1e-3);
    EXPECT_NEAR(p[0].y, 6600000.0, 1e-3);
}

TEST(Transformer, AxisOrderIsLongitudeFirstAndInverseRoundTrips) {
    const Transformer t("EPSG:2154", "EPSG:4326");
    std::vector<XY> p{{1056302.20, 6303654.31}}; // a building in Beausoleil
    t.forward(p);
    EXPECT_NEAR(p[0].x, 7.4246, 1e-3); // longitude
    EXPECT_NEAR(p[0].y, 43.7420, 1e-3);
    t.inverse(p);
    EXPECT_NEAR(p[0].x, 1056302.20, 1e-6);
    EXPECT_NEAR(p[0].y, 6303654.31, 1e-6);
}

TEST(Transformer, IdentityIsDetected) {
    EXPECT_TRUE(Transformer("EPSG:2154", "EPSG:2154").is_identity());
    EXPECT_FALSE(Transformer("EPSG:4326", "EPSG:2154").is_identity());
}

TEST(Transformer, UnknownCrsThrows) {
    EXPECT_THROW(Transformer("EPSG:999999", "EPSG:2154"), adressage::ProjError);
}
