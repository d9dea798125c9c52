// Voie codes from TOPO: the similarity score, the matcher (exact, fuzzy, threshold, scope) and
// the stage (an existing BAL's code is never replaced).
#include "../support.hpp"
#include "topo/topo_match.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include <unistd.h>

#include "adressage/names/dictionaries.hpp"
#include "stages/stages.hpp"
#include "stages/toponymes.hpp"
#include "update/update_stage.hpp"

using namespace adressage;
using namespace adressage::pipeline;
using formats::TopoVoie;

namespace {

const names::Dictionaries &dictionaries() {
    static const names::Dictionaries d =
        names::Dictionaries::load(names::DictionaryPaths::defaults(ADRESSAGE_TEST_DATA));
    return d;
}

TopoVoie topo(std::string code, std::string nature, std::string libelle, std::string former = {}) {
    TopoVoie v;
    v.code = std::move(code);
    v.nature = std::move(nature);
    v.libelle = std::move(libelle);
    v.label = v.nature.empty() ? v.libelle : v.nature + " " + v.libelle;
    v.former_commune = std::move(former);
    v.type_voie = 1;
    return v;
}

TopoMatcher matcher(std::vector<TopoVoie> voies) {
    return TopoMatcher(std::move(voies), dictionaries(), "06012");
}

} // namespace

TEST(NameSimilarity, DocumentedScores) {
    EXPECT_DOUBLE_EQ(name_similarity("rue du figuier", "rue du figuier"), 1.0);
    EXPECT_NEAR(name_similarity("rue du figuier", "rue des figuiers"), 0.91, 0.01);
    EXPECT_NEAR(name_similarity("chemin des louanes", "chemin des louannes"), 0.93, 0.01);
    // Articles and prepositions do not count.
    EXPECT_DOUBLE_EQ(name_similarity("avenue general de gaulle", "avenue du general de gaulle"),
                     1.0);
    // Another type or another name is far below the threshold.
    EXPECT_LT(name_similarity("avenue de verdun", "boulevard de verdun"), 0.5);
    EXPECT_LT(name_similarity("route de menton", "avenue de menton"), topo_fuzzy_threshold);
    EXPECT_LT(name_similarity("rue jean jaures", "rue jean moulin"), topo_fuzzy_threshold);
    // Unicode words are compared by code point (by bytes it would be 0.892).
    EXPECT_NEAR(name_similarity("rue ĳssel", "rue ĳsel"), 0.88, 0.005);
    EXPECT_DOUBLE_EQ(name_similarity("", "rue"), 0.0);
}

TEST(TopoMatcher, ExactOnTheNormalisedLabel) {
    const auto m =
        matcher({topo("0020", "RUE", "JEAN JAURES"), topo("0110", "CHE", "DE LA CREMAILLERE")});
    const TopoMatch a = m.match("Rue Jean Jaurès");
    EXPECT_EQ(a.kind, TopoMatch::Kind::exact);
    EXPECT_EQ(m.voie(*a.candidate).code, "0020");
    const TopoMatch b = m.match("Chemin de la Crémaillère");
    EXPECT_EQ(b.kind, TopoMatch::Kind::exact);
    EXPECT_EQ(m.voie(*b.candidate).code, "0110");
}

TEST(TopoMatcher, ExactOnTheLibelleAlone) {
    // Real record of Cornillon-Confoux: nature VC (voie communale), libellé MONTEE DES AIRES.
    const auto m = matcher({topo("0150", "VC", "MONTEE DES AIRES")});
    EXPECT_EQ(m.match("Montée des Aires").kind, TopoMatch::Kind::exact);
}

TEST(TopoMatcher, FuzzyAboveTheThreshold) {
    const auto m = matcher({topo("0040", "AV", "DU GENERAL DE GAULLE"),
                            topo("0090", "RUE", "DU VALLONNET"), topo("0060", "AV", "DE VERDUN")});
    const TopoMatch a = m.match("Avenue Général de Gaulle");
    EXPECT_EQ(a.kind, TopoMatch::Kind::fuzzy);
    EXPECT_EQ(m.voie(*a.candidate).code, "0040");
    EXPECT_DOUBLE_EQ(a.score, 1.0);
    const TopoMatch b = m.match("Rue du Vallonet");
    EXPECT_EQ(b.kind, TopoMatch::Kind::fuzzy);
    EXPECT_EQ(m.voie(*b.candidate).code, "0090");
    EXPECT_GE(b.score, topo_fuzzy_threshold);
    EXPECT_LT(b.score, 1.0);
}

TEST(TopoMatcher, BelowTheThresholdKeepsTheBestCandidateForReview) {
    const auto m = matcher({topo("0120", "AV", "DE MENTON"), topo("0060", "AV", "DE VERDUN")});
    const TopoMatch a = m.match("Route de Menton");
    EXPECT_EQ(a.kind, TopoMatch::Kind::below_threshold);
    ASSERT_TRUE(a.candidate);
    EXPECT_EQ(m.voie(*a.candidate).code, "0120");
    EXPECT_LT(a.score, topo_fuzzy_threshold);
    EXPECT_EQ(m.match("Boulevard de Verdun").kind, TopoMatch::Kind::below_threshold);
    EXPECT_EQ(matcher({}).match("Rue Pasteur").kind, TopoMatch::Kind::none);
}

TEST(TopoMatcher, AnotherVoieTypeNeverMatches) {
    // Both exist in Beausoleil: the libellé alone (no type) is not compared, and the other
    // type's score is cut below the threshold.
    const auto m = matcher({topo("0110", "CHE", "DE LA CREMAILLERE")});
    const TopoMatch a = m.match("Rue de la Crémaillère");
    EXPECT_EQ(a.kind, TopoMatch::Kind::below_threshold);
    EXPECT_LT(a.score, topo_fuzzy_threshold);
    EXPECT_EQ(m.match("Montée de la Crémaillère").kind, TopoMatch::Kind::below_threshold);
    // Same type, one letter apart: accepted.
    EXPECT_EQ(m.match("Chemin de la Cremailere").kind, TopoMatch::Kind::fuzzy);
}

TEST(TopoMatcher, TwoCandidatesAsGoodAreAmbiguous) {
    const auto m = matcher({topo("0010", "RUE", "PASTEUR"), topo("0011", "RUE", "PASTEUR")});
    EXPECT_EQ(m.match("Rue Pasteur").kind, TopoMatch::Kind::ambiguous);
    const auto f = matcher({topo("0010", "RUE", "DES PINS"), topo("0011", "RUE", "DES PINS")});
    EXPECT_EQ(f.match("Rue des Pin").kind, TopoMatch::Kind::ambiguous);
}

TEST(TopoMatcher, ScopedByFormerCommune) {
    // The same name in the commune and in a former commune merged into it.
    const auto m =
        matcher({topo("0010", "RUE", "PASTEUR"), topo("0500", "RUE", "PASTEUR", "06999")});
    EXPECT_EQ(m.match("Rue Pasteur").kind, TopoMatch::Kind::ambiguous);
    const TopoMatch former = m.match("Rue Pasteur", "06999");
    EXPECT_EQ(former.kind, TopoMatch::Kind::exact);
    EXPECT_EQ(m.voie(*former.candidate).code, "0500");
    const TopoMatch own = m.match("Rue Pasteur", "06012");
    EXPECT_EQ(own.kind, TopoMatch::Kind::exact);
    EXPECT_EQ(m.voie(*own.candidate).code, "0010");
    // Out of scope: another former commune's voie is not a candidate, even fuzzily.
    EXPECT_EQ(m.match("Rue Pasteur", "06998").kind, TopoMatch::Kind::none);
}

namespace {

using test::box_around;

// Three voies: Rue A (in the existing BAL under 0010), Rue Pasteur and Route de Menton (new).
struct TopoStageFixture : ::testing::Test {
    RunOptions options;
    RunContext ctx{options};
    CommuneModel model;
    std::string stem = std::to_string(::getpid());
    std::filesystem::path topo_file =
        std::filesystem::temp_directory_path() / ("topo-" + stem + ".csv");
    std::filesystem::path existing =
        std::filesystem::temp_directory_path() / ("existing-topo-" + stem + ".csv");

    void TearDown() override {
        std::filesystem::remove(topo_file);
        std::filesystem::remove(existing);
    }

    void run(const std::string &topo_csv, const std::string &existing_bal,
             const std::string &fourth_road = {}) {
        std::ofstream(topo_file)
            << "code_topo;nature_de_voie;libelle;annulation;date_annulation;type_voie\n"
            << topo_csv;
        options.insee = "06012";
        options.topo = topo_file.string();
        options.data_dir = ADRESSAGE_TEST_DATA;
        if (!existing_bal.empty()) {
            std::ofstream(existing) << existing_bal;
            options.existing = existing.string();
        }
        model.insee = "06012";
        model.centre = {0, 0};
        model.roads.push_back(RoadSegment{0, 1, "Rue A", {{0, 0}, {200, 0}}});
        model.roads.push_back(RoadSegment{0, 2, "Rue Pasteur", {{0, 100}, {200, 100}}});
        model.roads.push_back(RoadSegment{0, 3, "Route de Menton", {{0, 200}, {200, 200}}});
        if (!fourth_road.empty()) {
            model.roads.push_back(RoadSegment{0, 4, fourth_road, {{0, 300}, {200, 300}}});
        }
        for (int i = 0; i < (fourth_road.empty() ? 3 : 4); ++i) {
            const geo::XY at{50, 10.0 + 100.0 * i};
            model.buildings.push_back(Building{0, i + 1, box_around(at), at});
        }
        NamesStage names;
        names.prepare(ctx);
        VoiesStage().run(model, ctx);
        AssignStage().run(model, ctx);
        NumberStage().run(model, ctx);
        ExistingStage update;
        update.prepare(ctx);
        update.run(model, ctx);
        TopoStage stage;
        stage.prepare(ctx);
        stage.run(model, ctx);
    }
    std::string code_of(const std::string &nom) const {
        for (const Voie &v : model.voies) {
            if (v.nom == nom) {
                return v.code;
            }
        }
        return "?";
    }
};

const char *topo_rows = "991009306012001014;RUE;A;;00000000;1\n"
                        "991009306012002014;RUE;PASTEUR;;00000000;1\n"
                        "991009306012003014;AV;DE MENTON;;00000000;1\n";

} // namespace

TEST_F(TopoStageFixture, MatchedVoiesTakeTheirCodeTheOthersStayTemporary) {
    run(topo_rows, "");
    EXPECT_EQ(code_of("Rue A"), "0010");
    EXPECT_EQ(code_of("Rue Pasteur"), "0020");
    EXPECT_EQ(code_of("Route de Menton").front(), 'x');
    const auto &report = ctx.results.report_sections["topo"];
    EXPECT_EQ(report["matched_exact"], 2);
    EXPECT_EQ(report["matched_fuzzy"], 0);
    ASSERT_EQ(report["review"].size(), 1u);
    EXPECT_EQ(report["review"][0]["nom"], "Route de Menton");
    EXPECT_EQ(report["review"][0]["reason"], "below_threshold");
    EXPECT_EQ(report["review"][0]["best_candidate"]["code"], "0030");
    EXPECT_EQ(report["review"][0]["best_candidate"]["label"], "AV DE MENTON");
    // The numbering section shows the codes written.
    for (const auto &v : ctx.results.report_sections["numbering"]["voies"]) {
        EXPECT_EQ(v["code"], code_of(v["voie_nom"].get<std::string>()));
    }
}

TEST_F(TopoStageFixture, ACodeOfTheExistingBalIsNeverReplaced) {
    // Rue A is in the current BAL under 0999; TOPO says 0010 for it, and gives Rue Pasteur the
    // code 0999 that the existing BAL already uses.
    const std::string bal =
        "cle_interop;commune_insee;commune_nom;voie_nom;numero;suffixe;position;x;y;long;lat;"
        "source;date_der_maj\n"
        "06012_0999_00050;06012;Beausoleil;Rue A;50;;entrée;50.0;10.0;7.4;43.7;mairie;"
        "2024-01-01\n";
    // A new building on Rue A: numbered under the voie's existing code.
    model.buildings.push_back(Building{0, 10, box_around({150, 10}), {150, 10}});
    run("991009306012001014;RUE;A;;00000000;1\n"
        "991009306012099914;RUE;PASTEUR;;00000000;1\n",
        bal);
    EXPECT_EQ(code_of("Rue A"), "0999");
    EXPECT_NE(code_of("Rue Pasteur"), "0999");
    EXPECT_EQ(code_of("Rue Pasteur").front(), 'x');
    const auto &report = ctx.results.report_sections["topo"];
    EXPECT_EQ(report["kept_from_existing_bal"], 1);
    bool listed = false;
    for (const auto &r : report["review"]) {
        if (r["nom"] == "Rue Pasteur") {
            EXPECT_EQ(r["reason"], "code_in_existing_bal");
            listed = true;
        }
    }
    EXPECT_TRUE(listed);
}

TEST_F(TopoStageFixture, ACodeGoesToOneVoieOnly) {
    // Rue Pasteur (exact) and Rue Pasteurs (fuzzy) both match RUE PASTEUR: the exact one
    // takes the code, the other stays temporary and is listed.
    run(topo_rows, "", "Rue Pasteurs");
    EXPECT_EQ(code_of("Rue Pasteur"), "0020");
    EXPECT_EQ(code_of("Rue Pasteurs").front(), 'x');
    bool listed = false;
    for (const auto &r : ctx.results.report_sections["topo"]["review"]) {
        if (r["nom"] == "Rue Pasteurs") {
            EXPECT_EQ(r["reason"], "code_taken");
            EXPECT_EQ(r["best_candidate"]["code"], "0020");
            listed = true;
        }
    }
    EXPECT_TRUE(listed);
}

TEST_F(TopoStageFixture, ToponymesMatchTheLieuxDits) {
    Toponyme carnier;
    carnier.nom = "Le Carnier";
    carnier.code = "x010"; // as the toponymes stage gives it
    model.toponymes.push_back(carnier);
    run(std::string(topo_rows) + "991009306012B00114;;LE CARNIER;;00000000;3\n", "");
    EXPECT_EQ(model.toponymes.front().code, "b001");
    bool listed = false;
    for (const auto &m : ctx.results.report_sections["topo"]["matches"]) {
        if (m["nom"] == "Le Carnier") {
            EXPECT_EQ(m["kind"], "toponyme");
            EXPECT_EQ(m["match"], "exact");
            listed = true;
        }
    }
    EXPECT_TRUE(listed);
}

TEST_F(TopoStageFixture, ATopoCodeEqualToATemporaryOneInUseIsNotGiven) {
    // The number stage gives Route de Menton x001 (voies in name order); TOPO gives that code
    // to Rue Pasteur.
    run("991009306012X00114;RUE;PASTEUR;;00000000;1\n", "");
    EXPECT_EQ(code_of("Route de Menton"), "x001");
    EXPECT_NE(code_of("Rue Pasteur"), "x001");
    std::set<std::string> codes;
    for (const Voie &v : model.voies) {
        EXPECT_TRUE(codes.insert(v.code).second) << "two voies under " << v.code;
    }
}
