// Field rules (lib/schema/fields.ts of @ban-team/validateur-bal 3.5.2): one value changed in a
// valid BAL 1.4 row, and the row's alerts the official validator gives for it (profile 1.4).
#include "adressage/validator/validator.hpp"

#include <gtest/gtest.h>

#include <map>

#include "support.hpp"

using namespace adressage;
using namespace adressage::validator;
using namespace adressage::validator::test;

namespace {

// "code:L" for each alert of the one-row file with these changes.
Codes alerts(const Changes &changes) { return test::first_row_alerts(changes); }

struct Case {
    const char *name;
    std::map<std::string, std::string> changes;
    Codes expected;
};

void PrintTo(const Case &c, std::ostream *os) { *os << c.name; }

class FieldRule : public testing::TestWithParam<Case> {};

TEST_P(FieldRule, AlertsAsTheOfficialValidator) {
    EXPECT_EQ(alerts(GetParam().changes), GetParam().expected);
}

const Codes voie_unusable = {"row.voie_nom_have_same_lieudit_complement_nom:W",
                             "row.adresse_incomplete:E"};
Codes with(Codes first, const Codes &rest) {
    first.insert(first.end(), rest.begin(), rest.end());
    return first;
}

INSTANTIATE_TEST_SUITE_P(
    CleInterop, FieldRule,
    testing::Values(
        Case{"valid", {}, {}},
        Case{"upper_case", {{"cle_interop", "06012_X001_00051"}}, {"cle_interop.casse_invalide:E"}},
        Case{"two_parts", {{"cle_interop", "06012_x001"}}, {"cle_interop.structure_invalide:E"}},
        Case{"empty_part", {{"cle_interop", "06012__00051"}}, {"cle_interop.structure_invalide:E"}},
        Case{"unknown_commune",
             {{"cle_interop", "99999_x001_00051"}},
             {"cle_interop.commune_invalide:E"}},
        Case{"former_commune",
             {{"cle_interop", "27648_x001_00051"}},
             {"cle_interop.commune_ancienne:W"}},
        Case{"voie_of_3", {{"cle_interop", "06012_x01_00051"}}, {"cle_interop.voie_invalide:W"}},
        Case{"voie_xxxx",
             {{"cle_interop", "06012_xxxx_00051"}},
             {"cle_interop.voie_non_renseignee:I"}},
        Case{"numero_letters",
             {{"cle_interop", "06012_x001_0005a"}},
             {"cle_interop.numero_invalide:E"}},
        Case{"not_padded",
             {{"cle_interop", "06012_x001_51"}},
             {"cle_interop.numero_prefixe_manquant:E"}},
        Case{"empty", {{"cle_interop", ""}}, {"cle_interop.valeur_manquante:E"}}),
    [](const auto &info) { return std::string(info.param.name); });

INSTANTIATE_TEST_SUITE_P(
    VoieNom, FieldRule,
    testing::Values(
        Case{"capitals", {{"voie_nom", "AVENUE CAMILLE BLANC"}}, {"voie_nom.casse_incorrecte:W"}},
        Case{"road_number", {{"voie_nom", "D 123"}}, {"voie_nom.casse_incorrecte:W"}},
        Case{"lower_case", {{"voie_nom", "avenue camille blanc"}}, {}},
        Case{"underscore",
             {{"voie_nom", "Avenue_Camille_Blanc"}},
             {"voie_nom.contient_tiret_bas:W"}},
        Case{"spaces", {{"voie_nom", " Avenue Camille Blanc"}}, {"voie_nom.espaces_debut_fin:W"}},
        // An unusable name is "" for the comparison with the (empty) lieu-dit: they match.
        Case{"too_short", {{"voie_nom", "Av"}}, with({"voie_nom.trop_court:E"}, voie_unusable)},
        Case{"too_long",
             {{"voie_nom", std::string(201, 'a')}},
             with({"voie_nom.trop_long:E"}, voie_unusable)},
        Case{"replacement_character",
             {{"voie_nom", "Rue \xEF\xBF\xBD"}},
             with({"voie_nom.caractere_invalide:E"}, voie_unusable)}),
    [](const auto &info) { return std::string(info.param.name); });

INSTANTIATE_TEST_SUITE_P(
    NumeroSuffixe, FieldRule,
    testing::Values(
        Case{"leading_zero", {{"numero", "051"}}, {"numero.contient_prefixe:E"}},
        Case{"zero", {{"numero", "0"}}, {"numero.not_to_be_zero:W"}},
        Case{"letters", {{"numero", "5a"}}, {"numero.type_invalide:E", "row.adresse_incomplete:E"}},
        Case{
            "too_big", {{"numero", "100000"}}, {"numero.trop_grand:E", "row.adresse_incomplete:E"}},
        Case{"bis", {{"suffixe", "bis"}, {"cle_interop", "06012_x001_00051_bis"}}, {}},
        Case{"dash_first", {{"suffixe", "-a"}}, {"suffixe.debut_invalide:E"}},
        Case{"accent_first", {{"suffixe", "\xC3\xA9"}}, {"suffixe.debut_invalide:E"}},
        Case{"ten_letters", {{"suffixe", "abcdefghij"}}, {"suffixe.trop_long:E"}},
        Case{"dash_inside", {{"suffixe", "a-b"}}, {"suffixe.caractere_invalide:W"}}),
    [](const auto &info) { return std::string(info.param.name); });

INSTANTIATE_TEST_SUITE_P(
    Communes, FieldRule,
    testing::Values(
        Case{"unknown", {{"commune_insee", "99999"}}, {"commune_insee.commune_invalide:E"}},
        Case{"plm_parent", {{"commune_insee", "75056"}}, {"commune_insee.commune_invalide:E"}},
        // A former code is no commune of the list: its name is not compared.
        Case{"former", {{"commune_insee", "27648"}}, {"commune_insee.commune_ancienne:W"}},
        Case{"empty", {{"commune_insee", ""}}, {"commune_insee.valeur_manquante:E"}},
        Case{"corsica_lower_case",
             {{"commune_insee", "2a004"},
              {"commune_nom", "Ajaccio"},
              {"cle_interop", "2a004_x001_00051"}},
             {}},
        Case{"name_capitals",
             {{"commune_nom", "BEAUSOLEIL"}},
             {"commune_nom.casse_incorrecte:I", "row.commune_nom_invalide:W"}},
        Case{"name_digits_both_cases",
             {{"commune_nom", "123"}},
             {"commune_nom.casse_incorrecte:I", "commune_nom.casse_incorrecte:I",
              "row.commune_nom_invalide:W"}},
        Case{"deleguee_unknown",
             {{"commune_deleguee_insee", "99999"}},
             {"commune_deleguee_insee.commune_invalide:W"}},
        Case{"deleguee_same_as_commune", {{"commune_deleguee_insee", "06012"}}, {}}),
    [](const auto &info) { return std::string(info.param.name); });

INSTANTIATE_TEST_SUITE_P(
    PositionCoordinates, FieldRule,
    testing::Values(
        Case{"capital", {{"position", "B\xC3\xA2timent"}}, {"position.enum_fuzzy:W"}},
        Case{"no_accent", {{"position", "batiment"}}, {"position.enum_fuzzy:W"}},
        Case{"ascii_apostrophe", {{"position", "cage d'escalier"}}, {"position.enum_fuzzy:W"}},
        Case{"typographic_apostrophe",
             {{"position", "cage d\xE2\x80\x99"
                           "escalier"}},
             {}},
        Case{"unknown", {{"position", "garage"}}, {"position.valeur_invalide:W"}},
        Case{"x_comma", {{"x", "1056302,20"}}, {"x.separateur_decimal_invalide:E"}},
        Case{"x_letters", {{"x", "abc"}}, {"x.valeur_invalide:E"}},
        Case{"x_exponent", {{"x", "1e6"}}, {"x.valeur_invalide:E"}},
        Case{"long_comma", {{"long", "7,4246277"}}, {"long.separateur_decimal_invalide:E"}}),
    [](const auto &info) { return std::string(info.param.name); });

INSTANTIATE_TEST_SUITE_P(
    Others, FieldRule,
    testing::Values(
        Case{"parcel_pipe",
             {{"cad_parcelles", "|060120000A0123"}},
             {"cad_parcelles.pipe_debut_fin:W"}},
        Case{"parcel_short", {{"cad_parcelles", "123"}}, {"cad_parcelles.valeur_invalide:W"}},
        Case{"parcels_14_and_15", {{"cad_parcelles", "060120000A0123|0601200000A0123"}}, {}},
        Case{"source_empty", {{"source", ""}}, {"source.valeur_manquante:W"}},
        Case{"date_2009", {{"date_der_maj", "2009-12-31"}}, {"date_der_maj.date_ancienne:W"}},
        Case{"date_2010", {{"date_der_maj", "2010-01-01"}}, {}},
        Case{"date_tomorrow", {{"date_der_maj", "2026-11-24"}}, {"date_der_maj.date_future:W"}},
        Case{"date_today", {{"date_der_maj", "2026-11-23"}}, {}},
        Case{"date_feb_29", {{"date_der_maj", "2023-02-29"}}, {"date_der_maj.date_invalide:E"}},
        Case{"date_leap_day", {{"date_der_maj", "2024-02-29"}}, {}},
        Case{"date_french", {{"date_der_maj", "20/11/2026"}}, {"date_der_maj.date_invalide:E"}},
        Case{"date_empty", {{"date_der_maj", ""}}, {"date_der_maj.valeur_manquante:W"}},
        Case{"certification_oui",
             {{"certification_commune", "oui"}},
             {"certification_commune.valeur_invalide:W"}},
        Case{"certification_empty", {{"certification_commune", ""}}, {}},
        Case{"id_not_uuid", {{"id_ban_commune", "not-a-uuid"}}, {"id_ban_commune.type_invalide:E"}},
        Case{"id_uuid_v1",
             {{"id_ban_commune", "0246e48c-f33d-133a-8984-034219be842e"}},
             {"id_ban_commune.type_invalide:E"}}),
    [](const auto &info) { return std::string(info.param.name); });

TEST(FieldRules, TrimmingUsesJavaScriptWhitespace) {
    // A no-break space is trimmed (and reported); a zero-width space is not whitespace.
    EXPECT_EQ(alerts({{"source", "adressage\xC2\xA0"}}), Codes{"source.espaces_debut_fin:W"});
    EXPECT_EQ(alerts({{"source", "adressage\xE2\x80\x8B"}}), Codes{});
}

TEST(FieldRules, LengthsCountUtf16Units) {
    // 100 emoji are 200 UTF-16 units: not too long (but caseless, so "all capitals"); 101 are.
    std::string emoji;
    for (int i = 0; i < 100; ++i) {
        emoji += "\xF0\x9F\x98\x80";
    }
    EXPECT_EQ(alerts({{"voie_nom", emoji}}), Codes{"voie_nom.casse_incorrecte:W"});
    EXPECT_EQ(alerts({{"voie_nom", emoji + "\xF0\x9F\x98\x80"}}),
              with({"voie_nom.trop_long:E"}, voie_unusable));
}

} // namespace
