#include "adressage/geo/legal_crs.hpp"

#include <gtest/gtest.h>

using adressage::geo::legal_crs_for_insee;

TEST(LegalCrs, PerTerritory) {
    EXPECT_EQ(legal_crs_for_insee("06012").epsg, 2154);
    EXPECT_EQ(legal_crs_for_insee("2A004").epsg, 2154);
    EXPECT_EQ(legal_crs_for_insee("97105").epsg, 5490); // Guadeloupe
    EXPECT_EQ(legal_crs_for_insee("97209").epsg, 5490); // Martinique
    EXPECT_EQ(legal_crs_for_insee("97302").epsg, 2972); // Guyane
    EXPECT_EQ(legal_crs_for_insee("97411").epsg, 2975); // La Réunion
    EXPECT_EQ(legal_crs_for_insee("97502").epsg, 4467); // Saint-Pierre-et-Miquelon
    EXPECT_EQ(legal_crs_for_insee("97611").epsg, 4471); // Mayotte
    EXPECT_EQ(legal_crs_for_insee("97701").epsg, 5490); // Saint-Barthélemy
    EXPECT_EQ(legal_crs_for_insee("06012").definition(), "EPSG:2154");
}
