#include "adressage/pipeline/voie_name.hpp"

#include <gtest/gtest.h>

using adressage::pipeline::clean_voie_name;
using adressage::pipeline::voie_key;

TEST(CleanVoieName, CapitalsToTitleCase) {
    EXPECT_EQ(clean_voie_name("RUE DE LA GARE"), "Rue de la Gare");
    EXPECT_EQ(clean_voie_name("AVENUE DE L'ÉGLISE"), "Avenue de l'Église");
    EXPECT_EQ(clean_voie_name("CHEMIN DES PRÉS-HAUTS"), "Chemin des Prés-Hauts");
    EXPECT_EQ(clean_voie_name("D'ARTAGNAN"), "D'Artagnan");
}

TEST(CleanVoieName, MixedCaseIsKept) {
    EXPECT_EQ(clean_voie_name("Chemin rural dit de la Combe Henry"),
              "Chemin rural dit de la Combe Henry");
    EXPECT_EQ(clean_voie_name("Boulevard du Général Leclerc"), "Boulevard du Général Leclerc");
}

TEST(CleanVoieName, SeparatorsAndSpaces) {
    EXPECT_EQ(clean_voie_name("  Rue_du   Moulin ; \"bas\"\t"), "Rue du Moulin bas");
    EXPECT_EQ(clean_voie_name(""), "");
}

TEST(CleanVoieName, ComposesToNfc) {
    // "é" written as e + combining acute becomes the single code point U+00E9.
    EXPECT_EQ(clean_voie_name("Rue de l'E\xCC\x81glise"), "Rue de l'\xC3\x89glise");
}

TEST(VoieKey, CaseInsensitive) {
    EXPECT_EQ(voie_key("Rue de la Gare"), voie_key("rue de la gare"));
    EXPECT_NE(voie_key("Rue de la Gare"), voie_key("Rue de la Poste"));
}
