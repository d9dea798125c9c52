// Rule N-01: existing names that differ only by type or article, and homonyms far apart, are
// listed for the council (never changed).
#include "name_proposals/names_to_review.hpp"

#include <gtest/gtest.h>

namespace adressage::pipeline {
namespace {

Voie voie(std::string nom) {
    Voie v;
    v.nom = std::move(nom);
    return v;
}

TEST(NamesToReview, SameSpecificPartAndHomonyms) {
    const std::vector<Voie> voies = {voie("Moyenne Corniche"), voie("Route de la Moyenne Corniche"),
                                     voie("Rue du Port"),      voie("Avenue du Port"),
                                     voie("Chemin du Moulin"), voie("Chemin du Moulin"),
                                     voie("Rue de la Paix")};
    const auto review = names_to_review(voies);
    ASSERT_EQ(review.size(), 3u);
    // Chemin du Moulin twice is also its own specific part twice, but one name: not listed as a
    // type difference.
    EXPECT_EQ(review[0].kind, "same_specific_part");
    EXPECT_EQ(review[0].names,
              (std::vector<std::string>{"Moyenne Corniche", "Route de la Moyenne Corniche"}));
    EXPECT_EQ(review[1].names, (std::vector<std::string>{"Avenue du Port", "Rue du Port"}));
    EXPECT_EQ(review[1].voies, 2u);
    EXPECT_EQ(review[2].kind, "homonyms_far_apart");
    EXPECT_EQ(review[2].names, std::vector<std::string>{"Chemin du Moulin"});
    EXPECT_EQ(review[2].voies, 2u);
}

} // namespace
} // namespace adressage::pipeline
