// File and header checks (lib/validate/file.ts and fields.ts of @ban-team/validateur-bal 3.5.2),
// and the official verdicts on the sample files of tests/fixtures/bal.
#include "adressage/validator/validator.hpp"

#include <gtest/gtest.h>

#include "adressage/validator/labels.hpp"
#include "support.hpp"

using namespace adressage;
using namespace adressage::validator;
using namespace adressage::validator::test;

namespace {

const std::string header =
    "id_ban_commune;id_ban_toponyme;id_ban_adresse;cle_interop;commune_insee;commune_nom;"
    "commune_deleguee_insee;commune_deleguee_nom;voie_nom;lieudit_complement_nom;numero;suffixe;"
    "position;x;y;long;lat;cad_parcelles;source;date_der_maj;certification_commune";
const std::string row = ";;;06012_x001_00051;06012;Beausoleil;;;Avenue Camille Blanc;;51;;"
                        "bâtiment;1056302.20;6303654.31;7.4246277;43.7420459;;adressage;"
                        "2026-11-20;0";

std::string replace_all(std::string text, char from, const std::string &to) {
    std::string out;
    for (char c : text) {
        out += c == from ? to : std::string(1, c);
    }
    return out;
}

const std::string fixtures = std::string(ADRESSAGE_TEST_SOURCE) + "/fixtures/bal/";

} // namespace

TEST(FileChecks, EncodingDelimiterLinebreak) {
    // "bâtiment" in windows-1252.
    std::string cp1252 = header + "\n" + row + "\n";
    cp1252.replace(cp1252.find("b\xC3\xA2t"), 4, "b\xE2t");
    EXPECT_EQ(codes(check(cp1252).profil_errors), Codes{"file.encoding.non_standard:E"});
    EXPECT_EQ(codes(check(cp1252, "1.3-relax").profil_errors),
              (Codes{"field.uid_adresse.missing:I", "file.encoding.non_standard:I"}));

    const Report comma = check(replace_all(header + "\n" + row + "\n", ';', ","));
    EXPECT_EQ(codes(comma.profil_errors), Codes{"file.delimiter.non_standard:E"});
    EXPECT_TRUE(comma.rows.empty());

    const Report cr = check(header + "\r" + row + "\r");
    EXPECT_EQ(codes(cr.profil_errors), Codes{"file.linebreak.non_standard:E"});
    EXPECT_TRUE(cr.blocked);

    EXPECT_TRUE(check(header + "\r\n" + row + "\r\n").profil_errors.empty());
}

TEST(FileChecks, NoRows) {
    const Report report = check(header + "\n");
    EXPECT_EQ(report.row_count, 0u);
    EXPECT_EQ(codes(report.profil_errors), Codes{"rows.empty:E"});
    EXPECT_TRUE(report.blocked);
}

TEST(FileChecks, UnparsableFile) {
    const Report report = check(header + "\n" + row + "\n;;;06012_x001_00052;06012\n");
    EXPECT_FALSE(report.parse_ok);
    ASSERT_EQ(report.parse_errors.size(), 1u);
    EXPECT_EQ(report.parse_errors[0].code, "TooFewFields");
    EXPECT_EQ(report.parse_errors[0].row, 1u);
    EXPECT_EQ(report.parse_errors[0].line, 3u);
}

TEST(FileChecks, HeaderNamesAreExact) {
    std::string upper = header;
    upper.replace(upper.find("voie_nom"), 8, "Voie_nom");
    const Report report = check(upper + "\n" + row + "\n");
    EXPECT_EQ(codes(report.profil_errors),
              (Codes{"field.voie_nom.missing:E", "row.voie_nom_have_same_lieudit_complement_nom:W",
                     "row.adresse_incomplete:E"}));
    // A repeated column is renamed (voie_nom_1) and ignored.
    EXPECT_TRUE(check(header + ";voie_nom\n" + row + ";ab\n").profil_errors.empty());
}

TEST(FileChecks, RegionalColumnsNeedTheirField) {
    // BAL 1.5: voie_nom_bre is unknown without voie_nom; toponyme_bre is checked as a name.
    const Report report = check(
        "id_ban_commune;id_ban_toponyme;id_ban_adresse;commune_insee;commune_nom;"
        "commune_deleguee_insee;commune_deleguee_nom;lieudit_complement_nom;numero;suffixe;"
        "position;x;y;long;lat;cad_parcelles;source;date_der_maj;certification_commune;toponyme;"
        "voie_nom_bre;toponyme_bre\n;;;06012;Beausoleil;;;;51;;bâtiment;1056302.20;6303654.31;"
        "7.4246277;43.7420459;;adressage;2026-11-20;0;Avenue Camille Blanc;ab;KARR\n");
    EXPECT_EQ(report.profile, "1.5");
    EXPECT_EQ(codes(report.profil_errors), Codes{"toponyme_bre.casse_incorrecte:W"});
    EXPECT_FALSE(report.blocked);
}

TEST(FileChecks, Labels) {
    EXPECT_EQ(label("row.longlat_xy_incoherents").en, "long/lat and x/y are more than 10 m apart");
    EXPECT_EQ(label("voie_nom_bre.trop_court").fr,
              "Le nom de la voie est trop court (3 caractères au moins) [bre]");
    EXPECT_EQ(label("field.x.missing").fr, "La colonne x est absente");
    EXPECT_EQ(label("source.valeur_manquante").en, "source is empty");
    EXPECT_EQ(label("file.linebreak.non_standard").en, "non-standard file linebreak (not LF/CRLF)");
}

struct FixtureVerdict {
    const char *file;
    const char *profile;
    bool blocked;
    std::size_t errors, warnings, infos;
    std::size_t rows_with_alerts;
    Codes profil_errors;
};

// The official validator's verdicts (tests/validator/run FILE).
TEST(FileChecks, SampleFilesAsTheOfficialValidator) {
    const std::vector<FixtureVerdict> verdicts = {
        {"bal-1.3-21286-cocorico-FICTIONAL.csv",
         "1.3",
         true,
         39,
         98,
         0,
         34,
         {"cle_interop.voie_invalide:W", "date_der_maj.date_invalide:E",
          "certification_commune.valeur_invalide:W", "row.commune_nom_invalide:W",
          "source.valeur_manquante:W", "cle_interop.casse_invalide:E"}},
        {"bal-1.3-71346-perrecy-les-forges-extract.csv",
         "1.3",
         false,
         0,
         266,
         145,
         145,
         {"commune_nom.casse_incorrecte:I", "row.commune_nom_invalide:W",
          "row.lieudit_complement_nom_not_declared:W"}},
        {"bal-1.3-multi-commune-31591-67482.csv",
         "1.3",
         false,
         0,
         1,
         2,
         2,
         {"field.uid_adresse.missing:I", "field.lieudit_complement_nom.missing:I",
          "field.commune_deleguee_insee.missing:I", "field.commune_deleguee_nom.missing:I",
          "field.cad_parcelles.missing:I", "field.certification_commune.missing:W",
          "cle_interop.voie_non_renseignee:I", "source.valeur_manquante:W"}},
        {"bal-1.4-31591-escoulis-with-ban-ids.csv",
         "1.4",
         false,
         0,
         2,
         2,
         2,
         {"field.lieudit_complement_nom.missing:I", "field.commune_deleguee_insee.missing:I",
          "field.commune_deleguee_nom.missing:I", "field.cad_parcelles.missing:I",
          "field.certification_commune.missing:W", "cle_interop.voie_non_renseignee:I",
          "source.valeur_manquante:W"}},
        {"bal-1.4-96001-cocorico-langues-regionales-FICTIONAL.csv",
         "1.4",
         true,
         107,
         98,
         0,
         34,
         {"cle_interop.commune_invalide:E", "cle_interop.voie_invalide:W",
          "commune_insee.commune_invalide:E", "date_der_maj.date_invalide:E",
          "certification_commune.valeur_invalide:W", "row.longlat_xy_incoherents:W",
          "source.valeur_manquante:W", "cle_interop.casse_invalide:E"}},
        {"bal-aitf-1.1-67482-strasbourg-sample.csv",
         "1.3",
         true,
         20,
         8,
         1,
         12,
         {"field.lieudit_complement_nom.missing:I", "field.commune_insee.missing:E",
          "field.commune_deleguee_insee.missing:I", "field.commune_deleguee_nom.missing:I",
          "field.cad_parcelles.missing:I", "field.certification_commune.missing:W",
          "cle_interop.casse_invalide:E", "cle_interop.commune_invalide:E",
          "cle_interop.numero_prefixe_manquant:E", "position.enum_fuzzy:W",
          "date_der_maj.date_invalide:E", "date_der_maj.valeur_manquante:W",
          "position.valeur_invalide:W", "row.position_manquante:W", "cle_interop.voie_invalide:W",
          "numero.type_invalide:E", "commune_nom.casse_incorrecte:I", "row.commune_nom_invalide:W",
          "row.adresse_incomplete:E"}},
    };
    for (const FixtureVerdict &v : verdicts) {
        SCOPED_TRACE(v.file);
        const Report report = check_table(formats::read_bal_file(fixtures + v.file));
        EXPECT_EQ(report.profile, v.profile);
        EXPECT_EQ(report.blocked, v.blocked);
        EXPECT_EQ(report.alert_counts.errors, v.errors);
        EXPECT_EQ(report.alert_counts.warnings, v.warnings);
        EXPECT_EQ(report.alert_counts.infos, v.infos);
        EXPECT_EQ(report.rows.size(), v.rows_with_alerts);
        EXPECT_EQ(codes(report.profil_errors), v.profil_errors);
    }
}

namespace {

std::string flatten(const std::vector<RowAlerts> &rows) {
    std::string out;
    for (const RowAlerts &r : rows) {
        out += std::to_string(r.line) + "@" + std::to_string(r.file_line) + ":";
        for (const std::string &code : codes(r.errors)) {
            out += code + ",";
        }
        out += "\n";
    }
    return out;
}

} // namespace

// Reading ahead on a second thread or in turn on one gives the same report, over several chunks
// (1,024 rows each) with row, cross-row and adressage alerts spread over them.
TEST(FileChecks, ReadAheadOrNotTheSameReport) {
    std::string csv = header + "\n";
    for (int i = 0; i < 3000; ++i) {
        std::string line = row;
        const std::string numero = std::to_string(1 + i % 1500); // every address twice
        line.replace(line.find("_00051"), 6, "_" + std::string(5 - numero.size(), '0') + numero);
        line.replace(line.find(";51;"), 4, ";" + numero + ";");
        if (i % 97 == 0) {
            line.replace(line.find("2026-11-20"), 10, "2026-13-40"); // date_invalide
        }
        if (i % 211 == 0) {
            line.replace(line.find("7.4246277"), 9, "7.5246277"); // long/lat far from x/y
        }
        csv += line + "\n";
    }
    std::vector<Report> reports;
    for (const bool read_ahead : {true, false}) {
        formats::BalReader reader(csv, "read-ahead.csv");
        Options options{
            .profile = "1.4", .communes = cog(), .today = "2026-11-23", .ban_commune_ids = {}};
        options.read_ahead = read_ahead;
        reports.push_back(validate(reader, options));
    }
    const Report &ahead = reports[0];
    const Report &inline_ = reports[1];
    ASSERT_EQ(ahead.row_count, 3000U);
    EXPECT_GT(ahead.rows.size(), 30U);             // the alerts the file was given
    EXPECT_GT(ahead.adressage_rows.size(), 2000U); // numero_duplique on every row
    EXPECT_EQ(inline_.row_count, ahead.row_count);
    EXPECT_EQ(inline_.blocked, ahead.blocked);
    EXPECT_EQ(codes(inline_.profil_errors), codes(ahead.profil_errors));
    EXPECT_EQ(flatten(inline_.rows), flatten(ahead.rows));
    EXPECT_EQ(flatten(inline_.adressage_rows), flatten(ahead.adressage_rows));
    EXPECT_EQ(inline_.alert_counts.errors, ahead.alert_counts.errors);
    EXPECT_EQ(inline_.adressage_counts.warnings, ahead.adressage_counts.warnings);
}
