// Profiles (lib/validate/profiles.ts, lib/schema/profiles/*.ts of @ban-team/validateur-bal
// 3.5.2): the profile detected from the header, the level of each code in each profile, and the
// codes a profile's format drops. Expected values from the official validator on the same files.
#include "adressage/validator/validator.hpp"

#include <gtest/gtest.h>

#include "adressage/error.hpp"
#include "support.hpp"

using namespace adressage;
using namespace adressage::validator;
using namespace adressage::validator::test;

namespace {

const std::string header_1_4 =
    "id_ban_commune;id_ban_toponyme;id_ban_adresse;cle_interop;commune_insee;commune_nom;"
    "commune_deleguee_insee;commune_deleguee_nom;voie_nom;lieudit_complement_nom;numero;suffixe;"
    "position;x;y;long;lat;cad_parcelles;source;date_der_maj;certification_commune";

// Beausoleil, valid apart from the given ids, key, name and number.
std::string row_1_4(const std::string &id_commune, const std::string &cle,
                    const std::string &commune_nom, const std::string &numero) {
    return id_commune + ";;;" + cle + ";06012;" + commune_nom + ";;;Avenue Camille Blanc;;" +
           numero + ";;bâtiment;1056302.20;6303654.31;7.4246277;43.7420459;;adressage;2026-11-20;0";
}

const std::string commune_id = "0246e48c-f33d-433a-8984-034219be842e";

} // namespace

TEST(Profiles, DetectedFromTheHeader) {
    const std::string values = "06012;Beausoleil;;;Avenue Camille Blanc;;51;;bâtiment;1056302.20;"
                               "6303654.31;7.4246277;43.7420459;;adressage;2026-11-20;0\n";
    const Report v13 =
        check("cle_interop;commune_insee;commune_nom;commune_deleguee_insee;commune_deleguee_nom;"
              "voie_nom;lieudit_complement_nom;numero;suffixe;position;x;y;long;lat;cad_parcelles;"
              "source;date_der_maj;certification_commune\n06012_x001_00051;" +
              values);
    EXPECT_EQ(v13.profile, "1.3");
    EXPECT_EQ(codes(v13.profil_errors), Codes{"field.uid_adresse.missing:I"});

    const Report v14 =
        check(header_1_4 + "\n" + row_1_4("", "06012_x001_00051", "Beausoleil", "51"));
    EXPECT_EQ(v14.profile, "1.4");
    EXPECT_TRUE(v14.profil_errors.empty());
    EXPECT_TRUE(v14.rows.empty());

    const Report v15 = check("id_ban_commune;id_ban_toponyme;id_ban_adresse;commune_insee;"
                             "commune_nom;commune_deleguee_insee;commune_deleguee_nom;toponyme;"
                             "lieudit_complement_nom;numero;suffixe;position;x;y;long;lat;"
                             "cad_parcelles;source;date_der_maj;certification_commune\n;;;06012;"
                             "Beausoleil;;;AVENUE;;51;;bâtiment;1056302.20;6303654.31;7.4246277;"
                             "43.7420459;;adressage;2026-11-20;0\n");
    EXPECT_EQ(v15.profile, "1.5");
    EXPECT_EQ(codes(v15.profil_errors), Codes{"toponyme.casse_incorrecte:W"});
    EXPECT_FALSE(v15.blocked);
}

TEST(Profiles, LevelsOfTheSameCodes) {
    // A leading zero, a wrong commune name and a lone commune id.
    const std::string csv =
        header_1_4 + "\n" + row_1_4(commune_id, "06012_x001_00051", "Monaco", "051") + "\n";
    struct Expected {
        const char *profile;
        bool blocked;
        Codes row;
        Codes profil;
    };
    const std::vector<Expected> expected = {
        {"1.3-relax",
         false,
         {"numero.contient_prefixe:W", "row.commune_nom_invalide:I", "row.lack_of_id_ban:I",
          "row.lack_of_id_ban:I"},
         {"field.uid_adresse.missing:I", "numero.contient_prefixe:W", "row.commune_nom_invalide:I",
          "row.lack_of_id_ban:I"}},
        {"1.3",
         true,
         {"numero.contient_prefixe:E", "row.commune_nom_invalide:W", "row.lack_of_id_ban:I",
          "row.lack_of_id_ban:I"},
         {"field.uid_adresse.missing:I", "numero.contient_prefixe:E", "row.commune_nom_invalide:W",
          "row.lack_of_id_ban:I"}},
        {"1.4",
         true,
         {"numero.contient_prefixe:E", "row.commune_nom_invalide:W", "row.lack_of_id_ban:E",
          "row.lack_of_id_ban:E"},
         {"numero.contient_prefixe:E", "row.commune_nom_invalide:W", "row.lack_of_id_ban:E"}},
        {"1.5",
         true,
         {"numero.contient_prefixe:E", "row.commune_nom_invalide:W", "row.lack_of_id_ban:E",
          "row.lack_of_id_ban:E"},
         {"field.toponyme.missing:E", "numero.contient_prefixe:E", "row.commune_nom_invalide:W",
          "row.lack_of_id_ban:E"}},
    };
    for (const Expected &e : expected) {
        SCOPED_TRACE(e.profile);
        const Report report = check(csv, e.profile);
        EXPECT_EQ(report.profile, e.profile);
        EXPECT_EQ(report.blocked, e.blocked);
        ASSERT_EQ(report.rows.size(), 1u);
        EXPECT_EQ(codes(report.rows[0].errors), e.row);
        EXPECT_EQ(codes(report.profil_errors), e.profil);
    }
}

TEST(Profiles, FormatFilter) {
    // A bad id, an upper-case key and a too short Breton name.
    const std::string csv = header_1_4 + ";voie_nom_bre\n" +
                            row_1_4("bad", "06012_X001_00051", "Beausoleil", "51") + ";ab\n";
    const Report v14 = check(csv);
    EXPECT_EQ(codes(v14.rows.at(0).errors),
              (Codes{"id_ban_commune.type_invalide:E", "cle_interop.casse_invalide:E",
                     "voie_nom_bre.trop_court:W"}));
    EXPECT_EQ(codes(v14.profil_errors), codes(v14.rows.at(0).errors));

    // 1.3 has no id_ban_* columns.
    const Report v13 = check(csv, "1.3");
    EXPECT_EQ(codes(v13.rows.at(0).errors),
              (Codes{"cle_interop.casse_invalide:E", "voie_nom_bre.trop_court:W"}));
    EXPECT_EQ(codes(v13.profil_errors),
              (Codes{"field.uid_adresse.missing:I", "cle_interop.casse_invalide:E",
                     "voie_nom_bre.trop_court:W"}));

    // 1.5 has no cle_interop nor voie_nom: their codes go, but a regional column's row alerts
    // stay (the row filter looks at the column name), not its distinct code.
    const Report v15 = check(csv, "1.5");
    EXPECT_EQ(codes(v15.rows.at(0).errors),
              (Codes{"id_ban_commune.type_invalide:E", "voie_nom_bre.trop_court:W"}));
    EXPECT_EQ(codes(v15.profil_errors),
              (Codes{"field.toponyme.missing:E", "id_ban_commune.type_invalide:E"}));
    EXPECT_EQ(v15.alert_counts.errors, 1u);
    EXPECT_EQ(v15.alert_counts.warnings, 1u);
}

TEST(Profiles, UnknownProfileIsRefused) {
    EXPECT_THROW(check(header_1_4 + "\n", "1.6"), ConfigError);
    EXPECT_TRUE(is_known_profile("1.3-relax"));
    EXPECT_FALSE(is_known_profile("auto"));
}
