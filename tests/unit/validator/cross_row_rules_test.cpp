// Cross-row rules (lib/schema/rows.ts and rows/ban_ids.ts of @ban-team/validateur-bal 3.5.2):
// small BAL 1.4 files and the alerts the official validator gives for them.
#include "adressage/validator/validator.hpp"

#include <gtest/gtest.h>

#include <map>

#include "support.hpp"

using namespace adressage;
using namespace adressage::validator;
using namespace adressage::validator::test;

namespace {

// line → "code:L" of every row with alerts.
std::map<std::size_t, Codes> row_alerts(const Report &report) {
    std::map<std::size_t, Codes> out;
    for (const RowAlerts &row : report.rows) {
        for (const Alert &a : row.errors) {
            out[row.line].push_back(std::string(a.code) + ":" + static_cast<char>(a.level));
        }
    }
    return out;
}

Codes file_alerts(const Report &report) {
    Codes out;
    for (const Alert &a : report.profil_errors) {
        if (a.code.starts_with("rows.")) {
            out.push_back(std::string(a.code) + ":" + static_cast<char>(a.level));
        }
    }
    return out;
}

const std::string c1 = "0246e48c-f33d-433a-8984-034219be842e";
const std::string c2 = "1246e48c-f33d-433a-8984-034219be842e";
const std::string t1 = "8a3bab10-f329-4ce3-9c7d-280d91a8053a";
const std::string t2 = "9a3bab10-f329-4ce3-9c7d-280d91a8053a";
const std::string a1 = "3c87abe4-887b-46ee-9192-5c1b35a06625";
const std::string a2 = "4c87abe4-887b-46ee-9192-5c1b35a06625";

Changes ids(const std::string &c, const std::string &t, const std::string &a, Changes more = {}) {
    more["id_ban_commune"] = c;
    more["id_ban_toponyme"] = t;
    more["id_ban_adresse"] = a;
    return more;
}

const Changes number_53 = {
    {"numero", "53"}, {"cle_interop", "06012_x001_00053"}, {"x", "1056302.20"}};

Changes with(Changes a, const Changes &b) {
    a.insert(b.begin(), b.end());
    return a;
}

} // namespace

TEST(CrossRowRules, OneToponymeIdOneVoie) {
    const std::string same = "row.different_voie_nom_with_same_id_ban_toponyme:W";
    EXPECT_EQ(
        row_alerts(check(
            bal({ids(c1, t1, a1), ids(c1, t1, a2, with(number_53, {{"voie_nom", "Rue Neuve"}}))}))),
        (std::map<std::size_t, Codes>{{0, {same}}, {1, {same}}}));
    const std::string two = "row.different_id_ban_toponyme_with_same_voie_nom:W";
    EXPECT_EQ(row_alerts(check(bal({ids(c1, t1, a1), ids(c1, t2, a2, number_53)}))),
              (std::map<std::size_t, Codes>{{0, {two}}, {1, {two}}}));
}

TEST(CrossRowRules, OneAdresseIdOneAddress) {
    const std::string same = "row.different_adresse_with_same_id_ban_adresse:W";
    EXPECT_EQ(row_alerts(check(bal({ids(c1, t1, a1), ids(c1, t1, a1, number_53)}))),
              (std::map<std::size_t, Codes>{{0, {same}}, {1, {same}}}));
    // Two positions of one address: one id, or the validator sees two addresses.
    const Changes entrance = {{"position", "entrée"}};
    EXPECT_TRUE(row_alerts(check(bal({ids(c1, t1, a1), ids(c1, t1, a1, entrance)}))).empty());
    const std::string two = "row.different_id_ban_adresses_with_same_adresse:W";
    EXPECT_EQ(row_alerts(check(bal({ids(c1, t1, a1), ids(c1, t1, a2, entrance)}))),
              (std::map<std::size_t, Codes>{{0, {two}}, {1, {two}}}));
}

TEST(CrossRowRules, OneCommuneIdAndEveryRow) {
    const Report two_communes = check(bal({ids(c1, t1, a1), ids(c2, t1, a2, number_53)}));
    EXPECT_TRUE(two_communes.rows.empty());
    EXPECT_EQ(file_alerts(two_communes), Codes{"rows.multi_id_ban_commune:E"});
    EXPECT_TRUE(two_communes.blocked);

    const Report one_row = check(bal({ids(c1, t1, a1), number_53}));
    EXPECT_TRUE(one_row.rows.empty());
    EXPECT_EQ(file_alerts(one_row), Codes{"rows.every_line_required_id_ban:E"});
}

TEST(CrossRowRules, CommuneIdAgainstTheBan) {
    const std::string csv = bal({ids(c1, t1, a1)});
    EXPECT_TRUE(check(csv).rows.empty()); // offline: not checked
    EXPECT_TRUE(check(csv, "auto", {{"06012", c1}}).rows.empty());
    EXPECT_EQ(row_alerts(check(csv, "auto", {{"06012", c2}})),
              (std::map<std::size_t, Codes>{{0, {"row.cog_no_match_id_ban_commune:E"}}}));
}

TEST(CrossRowRules, LieuditDeclaredByAToponymRow) {
    const Changes lieudit = {{"lieudit_complement_nom", "Le Bois"}};
    const Changes toponym = {
        {"numero", "99999"}, {"cle_interop", "06012_x002_99999"}, {"voie_nom", "Le Bois"}};
    EXPECT_TRUE(check(bal({lieudit, toponym})).rows.empty());
    // The exact string, not the normalised one.
    EXPECT_EQ(row_alerts(check(bal({lieudit, with({{"voie_nom", "LE BOIS"}}, toponym)}))),
              (std::map<std::size_t, Codes>{{0, {"row.lieudit_complement_nom_not_declared:W"}},
                                            {1, {"voie_nom.casse_incorrecte:W"}}}));
}

TEST(CrossRowRules, UidAdresseWithoutAdresseIsNotAnEmptyCell) {
    // BAL 1.3: a uid_adresse read without @a: holds a null id, an empty cell an undefined one;
    // the validator counts two ids for the same address.
    std::vector<std::pair<std::string, std::string>> columns = {{"uid_adresse", ""}};
    columns.insert(columns.end(), valid_row.begin() + 3, valid_row.end());
    const Report report =
        check(bal({{{"uid_adresse", "@v:" + t1}}, {{"position", "entrée"}}}, columns));
    EXPECT_EQ(report.profile, "1.3");
    const std::string two = "row.different_id_ban_adresses_with_same_adresse:I";
    EXPECT_EQ(row_alerts(report),
              (std::map<std::size_t, Codes>{
                  {0, {"row.lack_of_id_ban:I", "row.lack_of_id_ban:I", two}}, {1, {two}}}));
}
