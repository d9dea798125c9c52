// The voie types and titles built into the library are those of datasets/names.
#include "adressage/names/voie_vocabulary.hpp"

#include <gtest/gtest.h>

#include "adressage/names/word_classes.hpp"

using adressage::names::VoieVocabulary;

TEST(VoieVocabulary, ShippedEqualsTheDatasetFiles) {
    const std::string dir = std::string(ADRESSAGE_TEST_DATA) + "/names/";
    const VoieVocabulary files = VoieVocabulary::load(dir + "natures_voies.csv",
                                                      dir + "types_extra.csv", dir + "titles.csv");
    const VoieVocabulary &shipped = VoieVocabulary::shipped();
    for (const char *key : {"che", "chemin", "bd", "r", "rpt", "sen", "gr", "st", "nd", "gal"}) {
        const std::string *a = files.type_words(key);
        const std::string *b = shipped.type_words(key);
        ASSERT_EQ(a == nullptr, b == nullptr) << key;
        if (a != nullptr) {
            EXPECT_EQ(*a, *b) << key;
        }
        EXPECT_EQ(files.is_type_word(key), shipped.is_type_word(key)) << key;
        const std::string *ta = files.title(key);
        const std::string *tb = shipped.title(key);
        ASSERT_EQ(ta == nullptr, tb == nullptr) << key;
        if (ta != nullptr) {
            EXPECT_EQ(*ta, *tb) << key;
        }
    }
    EXPECT_EQ(*shipped.type_words("che"), "chemin");
    EXPECT_EQ(*shipped.type_words("sen"), "sentier");
    EXPECT_EQ(*shipped.title("nd"), "Notre-Dame");
    EXPECT_TRUE(shipped.is_type_word("rue"));
    EXPECT_FALSE(shipped.is_type_word("che"));
}

TEST(VoieVocabulary, RepeatedTypeAndLieuDitPrefix) {
    const VoieVocabulary &v = VoieVocabulary::shipped();
    const std::vector<std::string> twice = {"che", "chemin", "des", "pres"};
    const std::vector<std::string> once = {"chemin", "des", "pres"};
    EXPECT_TRUE(adressage::names::repeats_voie_type(twice, v));
    EXPECT_FALSE(adressage::names::repeats_voie_type(once, v));
    const std::vector<std::string> ld = {"lieu", "dit", "granges"};
    EXPECT_EQ(adressage::names::lieu_dit_prefix_words(ld), 2U);
    EXPECT_EQ(adressage::names::lieu_dit_prefix_words(once), 0U);
}
