// The voie name key of @ban-team/adresses-util 0.9.0 `normalize` (with lodash 4.18 `words` and
// written-number 0.9.1), which the validator uses to compare names and to group BAN ids.
// Expected values: the output of the JavaScript functions for the same inputs.
#include "adressage/validator/voie_normalize.hpp"

#include <gtest/gtest.h>

using namespace adressage::validator;

TEST(VoieNormalize, AccentsCaseAndStopWords) {
    EXPECT_EQ(normalize_voie_nom("Rue de l'\xC3\x89glise St-Jean"), "rue eglise saint jean");
    EXPECT_EQ(normalize_voie_nom("Chemin  des   \xC3\x89"
                                 "coliers"),
              "chemin ecoliers");
    EXPECT_EQ(normalize_voie_nom("Rue l\xE2\x80\x99\xC3\x8Ele"), "rue ile");
    EXPECT_EQ(normalize_voie_nom("Stra\xC3\x9F"
                                 "e"),
              "strasse");
    EXPECT_EQ(normalize_voie_nom("\xC5\x92uvre"), "oeuvre");
    EXPECT_EQ(normalize_voie_nom("de la"), "");
    EXPECT_EQ(normalize_voie_nom(""), "");
    // 's is an English contraction for lodash: one word.
    EXPECT_EQ(normalize_voie_nom("jean's way"), "jean's way");
}

TEST(VoieNormalize, Abbreviations) {
    EXPECT_EQ(normalize_voie_nom("CHE DES BOIS"), "chemin bois");
    EXPECT_EQ(normalize_voie_nom("R. du Gal Leclerc"), "rue general leclerc");
    EXPECT_EQ(normalize_voie_nom("Sq. Ste-Anne"), "square sainte anne");
    // Only the first word is a voie type.
    EXPECT_EQ(normalize_voie_nom("Rue Che"), "rue che");
}

TEST(VoieNormalize, LieuDitAndRue) {
    EXPECT_EQ(normalize_voie_nom("Lieu-dit Le Haut Hameau"), "haut hameau");
    EXPECT_EQ(normalize_voie_nom("Lieu dit Bois"), "bois");
    EXPECT_EQ(normalize_voie_nom("Rue de la Grande Rue"), "grande rue");
    EXPECT_EQ(normalize_voie_nom("rue"), "rue");
}

TEST(VoieNormalize, NumbersInFrenchWords) {
    EXPECT_EQ(normalize_voie_nom("All\xC3\xA9"
                                 "e du 8 Mai 1945"),
              "allee huit mai mille neuf cent quarante cinq");
    EXPECT_EQ(normalize_voie_nom("Avenue du 21 Avril"), "avenue vingt et un avril");
    EXPECT_EQ(normalize_voie_nom("Route 80"), "route quatre vingts");
    EXPECT_EQ(normalize_voie_nom("Impasse 200"), "impasse deux cents");
    EXPECT_EQ(normalize_voie_nom("Rue 007"), "rue sept");
    EXPECT_EQ(normalize_voie_nom("RN7"), "rn sept");
    // Ordinals stay, except where lodash does not see one.
    EXPECT_EQ(normalize_voie_nom("Rue du 4th"), "rue 4th");
    EXPECT_EQ(normalize_voie_nom("Le 11th"), "onze th");
}

TEST(VoieNormalize, WrittenNumber) {
    EXPECT_EQ(french_number_words("0"), "z\xC3\xA9ro");
    EXPECT_EQ(french_number_words("17"), "dix-sept");
    EXPECT_EQ(french_number_words("71"), "soixante et onze");
    EXPECT_EQ(french_number_words("80"), "quatre-vingts");
    EXPECT_EQ(french_number_words("81"), "quatre-vingt-un");
    EXPECT_EQ(french_number_words("180"), "cent quatre-vingts");
    EXPECT_EQ(french_number_words("201"), "deux cent un");
    EXPECT_EQ(french_number_words("1000"), "mille");
    EXPECT_EQ(french_number_words("21000"), "vingt et un mille");
    EXPECT_EQ(french_number_words("80000"), "quatre-vingts mille");
    EXPECT_EQ(french_number_words("2000000"), "deux millions");
    EXPECT_EQ(french_number_words("123456789"),
              "cent vingt-trois millions quatre cent cinquante-six mille sept cent "
              "quatre-vingt-neuf");
    // Beyond doubles' precision, the library's arithmetic.
    EXPECT_EQ(french_number_words("99999999999999999999"), "cent trillions");
}
