// Voie codes from the real DGFiP TOPO extract of Cornillon-Confoux (13029,
// tests/fixtures/topo/TOPO-13029-cornillon-confoux-extract.csv), read by the project's TOPO
// reader, matched to voie names in the display form the names stage gives them. The expected
// codes are read from the file by hand (characters 13 to 16 of code_topo, lower case):
//   0870 CHE DE CAMPREOUX      b095 GOUFRAN (lieu-dit)   1400 RTE DE CONFOUX
//   2650 RUE DU FIGUIER        4925 CHE DES LOUANES      1500 CHEM DE LA COOPERATIVE
//   5450 RUE DU MASE           7550 ALL DU ROMARIN       a321 CITE DES AIRES
//   b111 LE LIS (lieu-dit)     0150 VC MONTEE DES AIRES
#include "adressage/formats/topo_reader.hpp"
#include "adressage/names/dictionaries.hpp"
#include "adressage/names/normaliser.hpp"
#include "topo/topo_match.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace adressage;
using namespace adressage::pipeline;

namespace {

const names::Dictionaries &dictionaries() {
    static const names::Dictionaries d =
        names::Dictionaries::load(names::DictionaryPaths::defaults(ADRESSAGE_TEST_DATA));
    return d;
}

struct RealTopo : ::testing::Test {
    TopoMatcher matcher{
        formats::read_topo(std::string(ADRESSAGE_TEST_SOURCE) +
                               "/fixtures/topo/TOPO-13029-cornillon-confoux-extract.csv",
                           "13029")
            .voies,
        dictionaries(), "13029"};

    // A road's name as a source writes it, in the names stage's display form.
    static std::string display(const char *raw) {
        return names::NameNormaliser(dictionaries()).normalise(raw).text;
    }
    struct Result {
        TopoMatch::Kind kind;
        std::string code; // of the best candidate, "" when none
        double score;
    };
    Result match(const char *raw) const {
        const TopoMatch m = matcher.match(display(raw));
        return {m.kind, m.candidate ? matcher.voie(*m.candidate).code : std::string(), m.score};
    }
};

} // namespace

TEST_F(RealTopo, TheNamesStageGivesTheDisplayFormsCompared) {
    EXPECT_EQ(display("CHEMIN DE CAMPREOUX"), "Chemin de Campreoux");
    EXPECT_EQ(display("chemin des louannes"), "Chemin des Louannes");
    EXPECT_EQ(display("MONTEE DES AIRES"), "Montée des Aires");
    EXPECT_EQ(display("ALLEE DU ROMARIN"), "Allée du Romarin");
    // The DGFiP nature CHEM is a cheminement (datasets/names/natures_voies.csv), not a chemin.
    EXPECT_EQ(display("CHEM DE LA COOPERATIVE"), "Cheminement de la Coopérative");
}

TEST_F(RealTopo, ExactMatchesTakeTheirRealCode) {
    for (const auto &[raw, code] :
         {std::pair{"CHEMIN DE CAMPREOUX", "0870"}, std::pair{"Route de Confoux", "1400"},
          std::pair{"RUE DU FIGUIER", "2650"}, std::pair{"ALLEE DU ROMARIN", "7550"},
          std::pair{"Rue du Mase", "5450"}, std::pair{"CITE DES AIRES", "a321"},
          std::pair{"Goufran", "b095"}, std::pair{"LE LIS", "b111"},
          // The libellé alone: TOPO writes "VC" + "MONTEE DES AIRES".
          std::pair{"MONTEE DES AIRES", "0150"},
          std::pair{"CHEMINEMENT DE LA COOPERATIVE", "1500"}}) {
        const Result r = match(raw);
        EXPECT_EQ(r.kind, TopoMatch::Kind::exact) << raw << " -> " << display(raw);
        EXPECT_EQ(r.code, code) << raw;
    }
}

TEST_F(RealTopo, FuzzyMatchesAboveTheThreshold) {
    for (const auto &[raw, code] :
         {std::pair{"chemin des louannes", "4925"}, std::pair{"Rue des Figuiers", "2650"},
          std::pair{"CHEMIN DE CAMPREOU", "0870"}}) {
        const Result r = match(raw);
        EXPECT_EQ(r.kind, TopoMatch::Kind::fuzzy) << raw << " -> " << display(raw);
        EXPECT_EQ(r.code, code) << raw;
        EXPECT_GE(r.score, topo_fuzzy_threshold) << raw;
        EXPECT_LT(r.score, 1.0) << raw;
    }
}

TEST_F(RealTopo, BelowTheThresholdKeepsTheTemporaryCode) {
    // Another voie type, or another name on the same type: the best candidate is kept for
    // review only (scores 0.45, 0.51, 0.72). "Chemin de la Coopérative" (0.64) is not given the
    // code of CHEM DE LA COOPERATIVE: CHEM is a cheminement for the DGFiP, another voie type.
    for (const auto &[raw, code] :
         {std::pair{"Avenue de Confoux", "1400"}, std::pair{"Rue du Romarin", "7550"},
          std::pair{"Chemin des Lauriers", "4925"},
          std::pair{"Chemin de la Coopérative", "1500"}}) {
        const Result r = match(raw);
        EXPECT_EQ(r.kind, TopoMatch::Kind::below_threshold) << raw << " -> " << display(raw);
        EXPECT_EQ(r.code, code) << raw;
        EXPECT_LT(r.score, topo_fuzzy_threshold) << raw;
    }
}
