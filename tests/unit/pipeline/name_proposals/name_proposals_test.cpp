// Names proposed for voies à nommer: type from the shape and kind, the place it leads to, the
// voie it leaves; never a name the commune already has (N-01) nor a label over 32 characters.
#include "name_proposals/name_proposals.hpp"

#include <gtest/gtest.h>

#include "../support.hpp"

#include "naming/candidate_voies.hpp"

namespace adressage::pipeline {
namespace {

using test::road;

Toponyme place(std::string nom, geo::XY at) {
    Toponyme t;
    t.nom = std::move(nom);
    t.xy = at;
    return t;
}

struct Proposals : ::testing::Test {
    std::vector<RoadSegment> roads = {road("Route de Menton", {{0, 0}, {1000, 0}}, "tertiary")};

    std::vector<std::string> names_of(const std::vector<Toponyme> &places, std::size_t which = 0) {
        const auto candidates = candidate_voies(roads);
        const auto proposals = propose_names(candidates, roads, places);
        std::vector<std::string> out;
        for (const NameProposal &p : proposals.at(which)) {
            out.push_back(p.nom);
        }
        return out;
    }
};

TEST(ProposalWords, ArticlesContract) {
    EXPECT_EQ(of_name("Le Moulin"), "du Moulin");
    EXPECT_EQ(of_name("Les Adrets"), "des Adrets");
    EXPECT_EQ(of_name("La Turbie"), "de la Turbie");
    EXPECT_EQ(of_name("L\u2019\u00c9glise"), "de l\u2019\u00c9glise");
    EXPECT_EQ(of_name("Hubac"), "d\u2019Hubac");
    EXPECT_EQ(of_name("Sainte-Anne"), "de Sainte-Anne");
    EXPECT_EQ(of_voie("Route de Laghet"), "de la Route de Laghet");
    EXPECT_EQ(of_voie("Chemin des Moulins"), "du Chemin des Moulins");
    EXPECT_EQ(of_voie("Avenue du Cap d\u2019Ail"), "de l\u2019Avenue du Cap d\u2019Ail");
    EXPECT_EQ(specific_key("Rue du Port"), "port");
    EXPECT_EQ(specific_key("Avenue du Port"), "port");
    EXPECT_EQ(specific_key("Chemin de la Croix de l\u2019Adret"), "croix adret");
}

TEST(ProposalWords, TypeFromShapeAndKind) {
    VoieANommer v;
    v.named_ends = 1;
    v.free_ends = 1;
    EXPECT_EQ(proposed_type(v), "Impasse");
    v.free_ends = 0;
    v.named_ends = 2;
    v.kind = "track";
    EXPECT_EQ(proposed_type(v), "Chemin");
    v.kind = "residential";
    v.length = 400;
    EXPECT_EQ(proposed_type(v), "Rue");
    v.length = 100;
    EXPECT_EQ(proposed_type(v), "All\u00e9e");
    v.kind = "unclassified";
    v.length = 1500;
    EXPECT_EQ(proposed_type(v), "Route");
}

// A dead end off the Route de Menton towards the hamlet of Les Adrets.
TEST_F(Proposals, ADeadEndTowardsAHamletThenTheVoieItLeaves) {
    roads.push_back(road("", {{500, 0}, {500, 400}}, "residential"));
    EXPECT_EQ(names_of({place("Les Adrets", {520, 450})}),
              (std::vector<std::string>{"Impasse des Adrets", "Impasse de la Route de Menton"}));
}

// A track between two hamlets: a Chemin named after each, the nearer first.
TEST_F(Proposals, ATrackBetweenTwoHamlets) {
    roads.push_back(road("", {{200, 0}, {200, 500}, {900, 500}, {900, 0}}, "track"));
    EXPECT_EQ(names_of({place("La Puada", {880, 520}), place("Le Serre", {180, 560})}),
              (std::vector<std::string>{"Chemin de la Puada", "Chemin du Serre",
                                        "Chemin de la Route de Menton"}));
}

// A track that leaves the commune is no Impasse even with a free end: the data stops at the
// boundary, the road does not. The commune it leads to comes after the hamlet it passes.
TEST_F(Proposals, LeavingTheCommuneARouteOrChemin) {
    roads.push_back(road("", {{500, 0}, {500, 900}}, "track"));
    const auto candidates = candidate_voies(roads);
    ASSERT_EQ(candidates.size(), 1u);
    const auto proposals = propose_names(candidates, roads, {place("Le Serre", {520, 450})},
                                         {LeadsTo{"Peille", 12.0}});
    std::vector<std::string> names;
    for (const auto &p : proposals[0]) {
        names.push_back(p.nom);
    }
    EXPECT_EQ(names, (std::vector<std::string>{"Chemin du Serre", "Chemin de Peille",
                                               "Chemin de la Route de Menton"}));
    EXPECT_NE(proposals[0][1].reason.find("finit \u00e0 12 m de la limite communale"),
              std::string::npos);
    roads.back().kind = "unclassified";
    EXPECT_EQ(
        propose_names(candidate_voies(roads), roads, {}, {LeadsTo{"\u00c8ze", 0.0}})[0][0].nom,
        "Route d\u2019\u00c8ze");
}

// Never a name the commune has, nor its specific part under another type (N-01); never over
// 32 characters (N-05).
TEST_F(Proposals, NeverAnExistingNameNorTooLong) {
    roads.push_back(road("Chemin des Adrets", {{0, 800}, {300, 800}}));
    roads.push_back(road("", {{500, 0}, {500, 400}}, "residential"));
    const auto names =
        names_of({place("Les Adrets", {520, 450}),
                  place("La Grande Combe de Saint-Pancrace-Inf\u00e9rieur", {480, 420})});
    EXPECT_EQ(names, std::vector<std::string>{"Impasse de la Route de Menton"});
}

// Two voies near the same hamlet: only the longer is proposed its name.
TEST_F(Proposals, TwoVoiesNeverShareAProposal) {
    roads.push_back(road("", {{300, 0}, {300, 600}}, "residential")); // 600 m
    roads.push_back(road("", {{700, 0}, {700, 200}}, "residential")); // 200 m
    const auto candidates = candidate_voies(roads);
    const auto proposals = propose_names(candidates, roads, {place("Les Adrets", {500, 300})});
    std::vector<std::string> all;
    for (const auto &list : proposals) {
        for (const auto &p : list) {
            all.push_back(p.nom);
        }
    }
    EXPECT_EQ(std::count(all.begin(), all.end(), "Impasse des Adrets"), 1);
    for (std::size_t c = 0; c < candidates.size(); ++c) {
        if (candidates[c].length > 500) {
            EXPECT_EQ(proposals[c].front().nom, "Impasse des Adrets");
        }
    }
}

} // namespace
} // namespace adressage::pipeline
