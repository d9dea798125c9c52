#include "adressage/formats/commune_list.hpp"

#include <gtest/gtest.h>

#include "adressage/error.hpp"

using namespace adressage::formats;

namespace {
const CommuneList &cog() {
    static const CommuneList list =
        CommuneList::load(std::string(ADRESSAGE_TEST_DATA) + "/cog-2026/communes.csv");
    return list;
}
} // namespace

TEST(CommuneList, SameSizeAsTheValidatorsList) {
    // The official validator's minicog holds 35,011 current communes and arrondissements.
    EXPECT_EQ(cog().size(), 35011u);
}

TEST(CommuneList, NamesAsInTheCog) {
    ASSERT_NE(cog().find_current("06012"), nullptr);
    EXPECT_EQ(cog().find_current("06012")->nom, "Beausoleil");
    EXPECT_EQ(cog().find_current("06032")->nom, "Cap-d'Ail");
    EXPECT_EQ(cog().find_current("25354")->nom, "Luxiol");
    EXPECT_EQ(cog().find_current("2A004")->nom, "Ajaccio");
    EXPECT_EQ(cog().find_current("75103")->nom, "Paris 3e Arrondissement");
}

TEST(CommuneList, PlmParentsAndFormerCommunesAreNotCurrent) {
    EXPECT_EQ(cog().find_current("75056"), nullptr);
    EXPECT_EQ(cog().find_current("69123"), nullptr);
    EXPECT_EQ(cog().find_current("13055"), nullptr);
    EXPECT_EQ(cog().find_current("27648"), nullptr);
    ASSERT_NE(cog().successor_of("27648"), nullptr);
    EXPECT_EQ(cog().successor_of("27648")->code, "27412"); // Terres de Bord
    EXPECT_EQ(cog().successor_of("99999"), nullptr);
}

TEST(CommuneList, MissingFileIsAnInputError) {
    EXPECT_THROW(CommuneList::load("/nonexistent/communes.csv"), adressage::InputError);
}

TEST(CommuneList, CommunesDelegueesOfACommuneNouvelle) {
    // Terres de Bord (27412): Montaure keeps the commune nouvelle's code, Tostes its own.
    const auto deleguees = cog().communes_deleguees_of("27412");
    ASSERT_EQ(deleguees.size(), 2u);
    EXPECT_EQ(deleguees[0].code, "27412");
    EXPECT_EQ(deleguees[0].nom, "Montaure");
    EXPECT_EQ(deleguees[1].code, "27648");
    EXPECT_EQ(deleguees[1].nom, "Tostes");
    EXPECT_EQ(deleguees[1].chef_lieu, "27412");
    EXPECT_TRUE(cog().communes_deleguees_of("06012").empty());
    EXPECT_TRUE(cog().communes_deleguees_of("27648").empty()); // a former commune has none
}
