// The project's own checks (adressage.* codes): one test per rule, each with a case that gives
// the alert and one that does not, and the counts on a real BAL.
#include "adressage/validator/adressage_checks.hpp"

#include <gtest/gtest.h>

#include <set>

#include "adressage/formats/bal_reader.hpp"
#include "support.hpp"

using namespace adressage;
using namespace adressage::validator;
using namespace adressage::validator::test;

namespace {

// Every alert of a table, written "line:code:L".
Codes run(const formats::BalTable &table) {
    AdressageChecks checks(table.header);
    std::vector<std::string_view> cells;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        cells.assign(table.rows[r].begin(), table.rows[r].end());
        checks.add_row(r, cells);
    }
    Codes out;
    for (const ExtraAlert &a : checks.finish()) {
        out.push_back(std::to_string(a.line) + ":" + std::string(a.code) + ":" +
                      static_cast<char>(a.level));
    }
    return out;
}

Codes run(const std::vector<Changes> &rows) { return run(formats::read_bal(bal(rows))); }

// The adressage.voie_nom.* codes of one name, without the prefix.
std::set<std::string> name_codes(const std::string &name) {
    AdressageChecks checks({"voie_nom"});
    const std::string_view cell = name;
    checks.add_row(0, {&cell, 1});
    std::set<std::string> out;
    for (const ExtraAlert &a : checks.finish()) {
        out.insert(std::string(a.code.substr(std::string_view("adressage.voie_nom.").size())));
    }
    return out;
}

using Names = std::set<std::string>;

// Each address 10 m east of the one before (x), unless `more` says where it is.
Changes address(const std::string &voie, const std::string &numero, const std::string &suffixe,
                Changes more = {}) {
    static int placed = 0;
    if (!more.contains("x")) {
        more["x"] = std::to_string(1056302 + 10 * ++placed) + ".20";
    }
    more["voie_nom"] = voie;
    more["numero"] = numero;
    more["suffixe"] = suffixe;
    return more;
}

} // namespace

TEST(AdressageChecks, NumeroDupliqueOnEveryRowOfTheSameAddressAndPosition) {
    EXPECT_EQ(
        run({address("Avenue Camille Blanc", "51", ""), address("Avenue Camille Blanc", "53", ""),
             address("Avenue Camille Blanc", "51", "")}),
        (Codes{"0:adressage.numero_duplique:W", "2:adressage.numero_duplique:W"}));
    // Trimmed and case-insensitive: " 51" and "51", "a" and "A", "Entrée" and "entrée".
    EXPECT_EQ(run({address("Avenue Camille Blanc", "51", "a", {{"position", "Entrée"}}),
                   address("Avenue Camille Blanc", " 51", "A", {{"position", "entrée"}})}),
              (Codes{"0:adressage.numero_duplique:W", "1:adressage.numero_duplique:W"}));
}

TEST(AdressageChecks, NumeroDupliqueNotForOtherPositionsSuffixesOrCommunesDeleguees) {
    EXPECT_EQ(run({address("Avenue Camille Blanc", "51", ""),
                   address("Avenue Camille Blanc", "51", "", {{"position", "entrée"}}),
                   address("Avenue Camille Blanc", "51", "bis"),
                   address("Avenue Camille Blanc", "51", "", {{"commune_deleguee_insee", "06032"}}),
                   address("Avenue du Général de Gaulle", "51", ""),
                   address("Avenue Camille Blanc", "99999", ""),
                   address("Avenue Camille Blanc", "99999", "")}),
              Codes{});
}

TEST(AdressageChecks, NumeroSuperieur9999ButNot99999) {
    EXPECT_EQ(run({address("Avenue Camille Blanc", "10000", ""),
                   address("Avenue Camille Blanc", "9999", ""),
                   address("Avenue Camille Blanc", "99999", "")}),
              Codes{"0:adressage.numero_superieur_9999:W"});
}

TEST(AdressageChecks, SuffixesMelangesOnTheRowsOfTheLessUsedStyle) {
    EXPECT_EQ(
        run({address("Avenue Camille Blanc", "1", "bis"), address("Avenue Camille Blanc", "3", "A"),
             address("Avenue Camille Blanc", "5", "ter"),
             address("Avenue Camille Blanc", "7", "")}),
        Codes{"1:adressage.suffixes_melanges:W"});
    // One of each: the style met later in the file.
    EXPECT_EQ(run({address("Avenue Camille Blanc", "9", "A"),
                   address("Avenue Camille Blanc", "9", "bis")}),
              Codes{"1:adressage.suffixes_melanges:W"});
}

TEST(AdressageChecks, SuffixesMelangesNotAcrossVoiesNorWithOneStyle) {
    EXPECT_EQ(run({address("Avenue Camille Blanc", "1", "bis"),
                   address("Avenue du Général de Gaulle", "3", "A"),
                   address("Avenue du Général de Gaulle", "3", "B"),
                   address("Avenue Camille Blanc", "5", "ter"),
                   address("Avenue Camille Blanc", "7", "a1")}),
              Codes{});
}

TEST(AdressageChecks, VoieCodesMultiplesOnTheRowsOfTheLessUsedCode) {
    EXPECT_EQ(
        run({address("Avenue Camille Blanc", "1", "", {{"cle_interop", "06012_0010_00001"}}),
             address("Avenue Camille Blanc", "3", "", {{"cle_interop", "06012_0010_00003"}}),
             // The same name as names::grouping_key compares them.
             address("avenue camille  blanc", "5", "", {{"cle_interop", "06012_0011_00005"}})}),
        (Codes{"2:adressage.voie_codes_multiples:W", "2:adressage.voie_nom.multi_space_caractere:W",
               "2:adressage.voie_nom.word_lowercase:I"}));
}

TEST(AdressageChecks, VoieCodesMultiplesNotForHomonymousVoiesFurtherThan500Metres) {
    // Two Rue du Moulin 800 m apart, each with its code: two voies, as a commune may have. A
    // third code 300 m from the first (590 m from the second) is one voie with two codes, or
    // homonyms too close.
    auto at = [](const std::string &numero, const std::string &code, const std::string &x) {
        return address("Rue du Moulin", numero, "",
                       {{"cle_interop", "06012_" + code + "_0000" + numero}, {"x", x}});
    };
    EXPECT_EQ(run({at("1", "0010", "1056000.00"), at("3", "0010", "1056010.00"),
                   at("5", "0011", "1056800.00")}),
              Codes{});
    EXPECT_EQ(run({at("1", "0010", "1056000.00"), at("3", "0010", "1056010.00"),
                   at("5", "0011", "1056900.00"), at("7", "0012", "1056310.00")}),
              Codes{"3:adressage.voie_codes_multiples:W"});
    // A row without a position cannot be told apart: flagged.
    EXPECT_EQ(
        run({at("1", "0010", "1056000.00"), at("3", "0010", "1056010.00"), at("5", "0011", "")}),
        Codes{"2:adressage.voie_codes_multiples:W"});
}

TEST(AdressageChecks, VoieCodesMultiplesNotForUnsetCodesNorOtherCommunesDeleguees) {
    EXPECT_EQ(run({address("Avenue Camille Blanc", "1", "", {{"cle_interop", "06012_0010_00001"}}),
                   address("Avenue Camille Blanc", "3", "", {{"cle_interop", "06012_xxxx_00003"}}),
                   address("Avenue Camille Blanc", "5", "", {{"cle_interop", "06012_0000_00005"}}),
                   address("Avenue Camille Blanc", "7", "",
                           {{"cle_interop", "06012_0020_00007"},
                            {"commune_deleguee_nom", "Saint-Roman"}}),
                   address("Avenue du Général de Gaulle", "7", "",
                           {{"cle_interop", "06012_0030_00007"}})}),
              Codes{});
}

TEST(AdressageChecks, MissingColumnsSkipTheirRules) {
    // No voie name: only the numero rule can run.
    const formats::BalTable table = formats::read_bal("numero;suffixe\n10000;bis\n10000;bis\n");
    EXPECT_EQ(run(table), (Codes{"0:adressage.numero_superieur_9999:W",
                                 "1:adressage.numero_superieur_9999:W"}));
    // BAL 1.5: the name is in toponyme.
    const formats::BalTable v15 =
        formats::read_bal("toponyme;numero\nRue de la Gare.;1\nRue de la Gare.;1\n");
    EXPECT_EQ(
        run(v15),
        (Codes{"0:adressage.numero_duplique:W", "0:adressage.voie_nom.bad_point_at_the_end:W",
               "1:adressage.numero_duplique:W", "1:adressage.voie_nom.bad_point_at_the_end:W"}));
}

TEST(AdressageChecks, BadCaractereStartEnd) {
    EXPECT_EQ(name_codes("'Chemin du Moulin"), Names{"bad_caractere_start_end"});
    EXPECT_EQ(name_codes("Chemin du Moulin-"), Names{"bad_caractere_start_end"});
    EXPECT_EQ(name_codes("Chemin de l’Orme"), Names{});
    EXPECT_EQ(name_codes("  Chemin du Moulin "), Names{}); // trimmed first, as the official
}

TEST(AdressageChecks, NoWordsInParentheses) {
    EXPECT_EQ(name_codes("Rue de la Gare (Ancienne)"), Names{"no_words_in_parentheses"});
    EXPECT_EQ(name_codes("Rue de la Gare ()"), Names{"ponctuation_invalide"});
    EXPECT_EQ(name_codes("Rue de la Gare"), Names{});
}

TEST(AdressageChecks, PonctuationInvalide) {
    EXPECT_EQ(name_codes("Rue de la Gare, Nord"), Names{"ponctuation_invalide"});
    EXPECT_EQ(name_codes("Place « Verte »"), Names{"ponctuation_invalide"});
    EXPECT_EQ(name_codes("Allée du 8 Mai 1945"), Names{});
    EXPECT_EQ(name_codes("Rue de l'Église"), Names{});
}

TEST(AdressageChecks, BadPointAtTheEnd) {
    EXPECT_EQ(name_codes("Rue de la Gare."), Names{"bad_point_at_the_end"});
    EXPECT_EQ(name_codes("Rue Jean-Baptiste Clément"), Names{});
}

TEST(AdressageChecks, MultiSpaceCaractere) {
    EXPECT_EQ(name_codes("Rue de  la Gare"), Names{"multi_space_caractere"});
    EXPECT_EQ(name_codes("Rue de la Gare"), Names{});
}

TEST(AdressageChecks, BadWordLieudit) {
    EXPECT_EQ(name_codes("Lieu-dit les Granges"), Names{"bad_word_lieudit"});
    EXPECT_EQ(name_codes("Lieu Dit les Granges"), Names{"bad_word_lieudit"});
    EXPECT_EQ(name_codes("LD les Granges"), Names{"bad_word_lieudit"});
    EXPECT_EQ(name_codes("Les Granges"), Names{});
    EXPECT_EQ(name_codes("Chemin du Lieu-Dit"), Names{});
}

TEST(AdressageChecks, BadMultiWordRue) {
    EXPECT_EQ(name_codes("Rue Grande Rue"), Names{"bad_multi_word_rue"});
    EXPECT_EQ(name_codes("Rue Rue du Moulin"), Names{"bad_multi_word_rue"});
    EXPECT_EQ(name_codes("Chemin Chemin des Prés"), Names{"bad_multi_word_rue"});
    EXPECT_EQ(name_codes("Grande Rue"), Names{});
    EXPECT_EQ(name_codes("Rue de la Charrue"), Names{});
}

TEST(AdressageChecks, AbbreviationInvalid) {
    EXPECT_EQ(name_codes("Av. de la Gare"), Names{"abbreviation_invalid"});
    EXPECT_EQ(name_codes("Bd Victor Hugo"), Names{"abbreviation_invalid"});
    EXPECT_EQ(name_codes("Che des Prés"), Names{"abbreviation_invalid"});
    EXPECT_EQ(name_codes("Rue St Jean"), Names{"abbreviation_invalid"});
    EXPECT_EQ(name_codes("Place du Gal de Gaulle"), Names{"abbreviation_invalid"});
    EXPECT_EQ(name_codes("Chapelle ND"), Names{"abbreviation_invalid"});
    EXPECT_EQ(name_codes("CD 12"), Names{"abbreviation_invalid"});
    // Codes that are also words: only with a dot.
    EXPECT_EQ(name_codes("Pas de la Case"), Names{});
    EXPECT_EQ(name_codes("Cami de la Font"), Names{});
    EXPECT_EQ(name_codes("Avenue de la Gare"), Names{});
    EXPECT_EQ(name_codes("Rue Saint-Jean"), Names{});
    EXPECT_EQ(name_codes("Rue du Stade"), Names{});
}

TEST(AdressageChecks, WordUppercase) {
    EXPECT_EQ(name_codes("Rue du GENERAL de Gaulle"), Names{"word_uppercase"});
    EXPECT_EQ(name_codes("ZA des Prés"), Names{});
    EXPECT_EQ(name_codes("Rue Louis XIV"), Names{});
    EXPECT_EQ(name_codes("Route de la RN7"), Names{});
    EXPECT_EQ(name_codes("Allée A"), Names{});
    EXPECT_EQ(name_codes("RUE DE LA GARE"), Names{}); // the official voie_nom.casse_incorrecte
}

TEST(AdressageChecks, WordLowercase) {
    EXPECT_EQ(name_codes("montée du Crié"), Names{"word_lowercase"});
    EXPECT_EQ(name_codes("Rue de la gare"), Names{"word_lowercase"});
    EXPECT_EQ(name_codes("Chemin rural des Prés"), Names{});
    EXPECT_EQ(name_codes("Chemin d’en Haut"), Names{});
    EXPECT_EQ(name_codes("Rue du 1er Mai"), Names{});
}

TEST(AdressageChecks, PositionTropProcheForTwoAddressesWithinAMetre) {
    auto at = [](const std::string &voie, const std::string &numero, const std::string &x,
                 const std::string &y, const std::string &position = "bâtiment") {
        return address(voie, numero, "", {{"x", x}, {"y", y}, {"position", position}});
    };
    EXPECT_EQ(run({at("Rue A", "1", "1000.00", "2000.00"), at("Rue A", "3", "1000.60", "2000.60"),
                   at("Rue B", "2", "1000.00", "2000.90"), at("Rue A", "5", "1010.00", "2000.00")}),
              (Codes{"0:adressage.position.trop_proche:W", "1:adressage.position.trop_proche:W",
                     "2:adressage.position.trop_proche:W"}));
    // Not: 1 m or more apart, another position type, a toponyme, a row without x/y, segment
    // positions (facing houses share their projection on the voie).
    EXPECT_EQ(run({at("Rue A", "1", "1000.00", "2000.00"), at("Rue A", "3", "1001.00", "2000.00"),
                   at("Rue A", "5", "1000.10", "2000.00", "entrée"),
                   at("Lieu-dit", "99999", "1000.00", "2000.20"), at("Rue A", "7", "", "2000.00"),
                   at("Rue A", "9", "1020.00", "2000.00", "segment"),
                   at("Rue A", "10", "1020.00", "2000.00", "segment")}),
              Codes{});
}

TEST(AdressageChecks, PositionTropProcheOnRowsSharingOnePoint) {
    auto at = [](const std::string &voie, const std::string &numero, const std::string &x) {
        return address(voie, numero, "", {{"x", x}, {"y", "2000.00"}});
    };
    // A lieu-dit's addresses all on one point: every row of the point; the second row of
    // number 1, 0.5 m away, too (it is near a point of other addresses; and a duplicate).
    EXPECT_EQ(run({at("Le Bourg", "1", "1000.00"), at("Le Bourg", "2", "1000.00"),
                   at("Le Bourg", "3", "1000.00"), at("Le Bourg", "1", "1000.50")}),
              (Codes{"0:adressage.numero_duplique:W", "0:adressage.position.trop_proche:W",
                     "1:adressage.position.trop_proche:W", "2:adressage.position.trop_proche:W",
                     "3:adressage.numero_duplique:W", "3:adressage.position.trop_proche:W"}));
    // One address twice at one point is a duplicate, not two addresses too close.
    EXPECT_EQ(run({at("Le Bourg", "1", "1000.00"), at("Le Bourg", "1", "1000.00")}),
              (Codes{"0:adressage.numero_duplique:W", "1:adressage.numero_duplique:W"}));
}

TEST(AdressageChecks, EveryCodeHasItsLabelsAndNoneBlocks) {
    const Codes all =
        run({address("Rue  St jean.", "10000", "bis"), address("Rue  St jean.", "10000", "bis")});
    EXPECT_EQ(all.size(), 12U); // 6 codes on each row
    for (const std::string code :
         {"numero_duplique", "numero_superieur_9999", "suffixes_melanges", "voie_codes_multiples",
          "position.trop_proche", "voie_nom.bad_caractere_start_end",
          "voie_nom.no_words_in_parentheses", "voie_nom.ponctuation_invalide",
          "voie_nom.bad_point_at_the_end", "voie_nom.multi_space_caractere",
          "voie_nom.bad_word_lieudit", "voie_nom.bad_multi_word_rue",
          "voie_nom.abbreviation_invalid", "voie_nom.word_uppercase", "voie_nom.word_lowercase"}) {
        const ExtraLabel l = extra_label("adressage." + code);
        EXPECT_NE(l.fr, "adressage." + code);
        EXPECT_NE(l.en, "adressage." + code);
        EXPECT_NE(l.fr, l.en);
    }
    EXPECT_EQ(extra_label("adressage.unknown").fr, "adressage.unknown");
    for (const std::string &a : all) {
        EXPECT_FALSE(a.ends_with(":E")) << a;
    }
}

// tests/fixtures/bal/bal-1.3-71346-perrecy-les-forges-extract.csv, read by hand: "montée du Crié"
// (rows 43, 44) has a first word without a capital; rue Monety has 9 A then 9 bis (row 87), both
// at 793141.37 6613513.15 (rows 86, 87), and route de Sanvignes 8 A then 8 bis (row 119); no
// duplicate, no number above 9999, one voie code per voie name, no other name problem.
TEST(AdressageChecks, RealSamplePerrecyLesForges) {
    const formats::BalTable table =
        formats::read_bal_file(std::string(ADRESSAGE_TEST_SOURCE) +
                               "/fixtures/bal/bal-1.3-71346-perrecy-les-forges-extract.csv");
    ASSERT_EQ(table.rows.size(), 145U);
    EXPECT_EQ(
        run(table),
        (Codes{"43:adressage.voie_nom.word_lowercase:I", "44:adressage.voie_nom.word_lowercase:I",
               "86:adressage.position.trop_proche:W", "87:adressage.position.trop_proche:W",
               "87:adressage.suffixes_melanges:W", "119:adressage.suffixes_melanges:W"}));
}
