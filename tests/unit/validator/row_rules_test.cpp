// Row rules (lib/schema/row.ts of @ban-team/validateur-bal 3.5.2): a valid BAL 1.4 row with
// some values changed, and the alerts the official validator gives for it (profile 1.4).
#include "adressage/validator/validator.hpp"

#include <gtest/gtest.h>

#include <map>

#include "support.hpp"

using namespace adressage;
using namespace adressage::validator;
using namespace adressage::validator::test;

namespace {

Codes alerts(const Changes &changes) { return first_row_alerts(changes); }

const std::map<std::string, std::string> toponym = {{"numero", "99999"},
                                                    {"cle_interop", "06012_x001_99999"}};

std::map<std::string, std::string> plus(std::map<std::string, std::string> a,
                                        const std::map<std::string, std::string> &b) {
    for (const auto &[k, v] : b) {
        a[k] = v;
    }
    return a;
}

} // namespace

TEST(RowRules, NumeroMustMatchTheKey) {
    EXPECT_EQ(alerts({{"numero", "52"}}), Codes{"row.incoherence_numero:E"});
    EXPECT_EQ(alerts({}), Codes{});
}

TEST(RowRules, CommuneFromTheKeyOrTheColumn) {
    EXPECT_EQ(alerts({{"cle_interop", "x"}, {"commune_insee", ""}}),
              (Codes{"cle_interop.structure_invalide:E", "commune_insee.valeur_manquante:E",
                     "row.commune_manquante:E"}));
    // Without commune_insee the key's commune names the row: its COG name is checked.
    EXPECT_EQ(alerts({{"commune_insee", ""}, {"commune_nom", "Monaco"}}),
              (Codes{"commune_insee.valeur_manquante:E", "row.commune_nom_invalide:W"}));
    // A former commune has no COG name to compare with.
    EXPECT_EQ(alerts({{"commune_insee", "27648"}, {"commune_nom", "Monaco"}}),
              Codes{"commune_insee.commune_ancienne:W"});
}

TEST(RowRules, VoieAndLieuditCompareNormalised) {
    const Codes same = {"row.voie_nom_have_same_lieudit_complement_nom:W",
                        "row.lieudit_complement_nom_not_declared:W"};
    EXPECT_EQ(alerts({{"voie_nom", "Rue de l'\xC3\x89glise Saint-Jean"},
                      {"lieudit_complement_nom", "RUE EGLISE ST JEAN"}}),
              same);
    EXPECT_EQ(alerts({{"voie_nom", "All\xC3\xA9"
                                   "e du 8 Mai"},
                      {"lieudit_complement_nom", "allee huit mai"}}),
              same);
    // No name at all compares equal to no lieu-dit.
    EXPECT_EQ(alerts({{"voie_nom", ""}}), (Codes{"row.voie_nom_have_same_lieudit_complement_nom:W",
                                                 "row.adresse_incomplete:E"}));
}

TEST(RowRules, PositionNeededOnNumberedRows) {
    EXPECT_EQ(alerts({{"position", ""}}), Codes{"row.position_manquante:W"});
    // The raw value counts: spaces are a position.
    EXPECT_EQ(alerts({{"position", " "}}), Codes{"position.espaces_debut_fin:W"});
    EXPECT_EQ(alerts(plus(toponym, {{"position", ""}})), Codes{});
}

TEST(RowRules, LongLat) {
    EXPECT_EQ(alerts({{"lat", ""}}), Codes{"row.longlat_vides:E"});
    EXPECT_EQ(alerts({{"long", "2.5"}, {"lat", "60"}}), Codes{"row.longlat_invalides:E"});
    EXPECT_EQ(alerts({{"lat", "abc"}}),
              (Codes{"lat.valeur_invalide:E", "row.longlat_invalides:E"}));
    // Without a numero the coordinates are not "missing" but unusable.
    EXPECT_EQ(alerts({{"numero", ""}, {"long", ""}}),
              (Codes{"numero.valeur_manquante:E", "row.longlat_invalides:E",
                     "row.adresse_incomplete:E"}));
    // A toponym needs no coordinates, and may have wrong ones.
    EXPECT_EQ(
        alerts(plus(toponym, {{"position", ""}, {"x", ""}, {"y", ""}, {"long", ""}, {"lat", ""}})),
        Codes{});
    EXPECT_EQ(alerts(plus(toponym, {{"long", "0"}, {"lat", "0"}, {"x", ""}, {"y", ""}})), Codes{});
}

TEST(RowRules, XyWithinTenMetresOfLongLat) {
    EXPECT_EQ(alerts({{"x", "1056311.70"}}), Codes{});                               // 9.5 m
    EXPECT_EQ(alerts({{"x", "1056313.20"}}), Codes{"row.longlat_xy_incoherents:W"}); // 11 m
    EXPECT_EQ(alerts({{"x", "1056402.20"}}), Codes{"row.longlat_xy_incoherents:W"});
    EXPECT_EQ(alerts({{"x", ""}, {"y", ""}}), Codes{});
}

TEST(RowRules, XyInTheTerritorysProjection) {
    // Guadeloupe: UTM 20N, as @etalab/project-legal projects (-61.5345678, 16.2712345).
    const std::map<std::string, std::string> abymes = {{"cle_interop", "97101_x001_00051"},
                                                       {"commune_insee", "97101"},
                                                       {"commune_nom", "Les Abymes"},
                                                       {"long", "-61.5345678"},
                                                       {"lat", "16.2712345"}};
    EXPECT_EQ(alerts(plus(abymes, {{"x", "656590.12"}, {"y", "1799499.37"}})), Codes{});
    // Lambert-93 coordinates for an overseas point.
    EXPECT_EQ(alerts(abymes), Codes{"row.longlat_xy_incoherents:W"});
}

TEST(RowRules, DelegatedCommuneOfItsCommune) {
    EXPECT_EQ(alerts({{"commune_deleguee_insee", "27648"}}), Codes{"row.chef_lieu_invalide:W"});
    EXPECT_EQ(alerts({{"commune_insee", "27412"},
                      {"commune_nom", "Terres de Bord"},
                      {"cle_interop", "27412_x001_00051"},
                      {"commune_deleguee_insee", "27648"}}),
              Codes{});
    // Any alert on commune_insee stops the check.
    EXPECT_EQ(alerts({{"commune_insee", " 06012"}, {"commune_deleguee_insee", "27648"}}),
              Codes{"commune_insee.espaces_debut_fin:E"});
}

TEST(RowRules, BanIdsAllOrNone) {
    const std::string commune = "0246e48c-f33d-433a-8984-034219be842e";
    // One missing id, one alert each: toponyme and adresse.
    EXPECT_EQ(alerts({{"id_ban_commune", commune}}),
              (Codes{"row.lack_of_id_ban:E", "row.lack_of_id_ban:E"}));
    // A toponym has no adresse id.
    EXPECT_EQ(alerts(plus(toponym, {{"id_ban_commune", commune},
                                    {"id_ban_toponyme", "8a3bab10-f329-4ce3-9c7d-280d91a8053a"}})),
              Codes{});
}
