#pragma once
// Shared by the validator's tests: the COG list, one valid BAL 1.4 row of Beausoleil, files
// built from it with some values changed, and alerts written "code:L".
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "adressage/validator/validator.hpp"

namespace adressage::validator::test {

inline const formats::CommuneList &cog() {
    static const formats::CommuneList list =
        formats::CommuneList::load(std::string(ADRESSAGE_TEST_DATA) + "/cog-2026/communes.csv");
    return list;
}

inline Report check_table(const formats::BalTable &table, const std::string &profile = "auto",
                          std::map<std::string, std::string> ban_ids = {}) {
    return validate(table, {.profile = profile,
                            .communes = cog(),
                            .today = "2026-11-23",
                            .ban_commune_ids = std::move(ban_ids)});
}

inline Report check(const std::string &csv, const std::string &profile = "auto",
                    std::map<std::string, std::string> ban_ids = {}) {
    return check_table(formats::read_bal(csv), profile, std::move(ban_ids));
}

using Codes = std::vector<std::string>;

inline Codes codes(const std::vector<Alert> &alerts) {
    Codes out;
    for (const Alert &a : alerts) {
        out.push_back(std::string(a.code) + ":" + static_cast<char>(a.level));
    }
    return out;
}

// A row of Beausoleil's BAL that the official validator accepts without any alert.
inline const std::vector<std::pair<std::string, std::string>> valid_row = {
    {"id_ban_commune", ""},
    {"id_ban_toponyme", ""},
    {"id_ban_adresse", ""},
    {"cle_interop", "06012_x001_00051"},
    {"commune_insee", "06012"},
    {"commune_nom", "Beausoleil"},
    {"commune_deleguee_insee", ""},
    {"commune_deleguee_nom", ""},
    {"voie_nom", "Avenue Camille Blanc"},
    {"lieudit_complement_nom", ""},
    {"numero", "51"},
    {"suffixe", ""},
    {"position", "bâtiment"},
    {"x", "1056302.20"},
    {"y", "6303654.31"},
    {"long", "7.4246277"},
    {"lat", "43.7420459"},
    {"cad_parcelles", ""},
    {"source", "adressage"},
    {"date_der_maj", "2026-11-20"},
    {"certification_commune", "0"},
};

using Changes = std::map<std::string, std::string>;

// A file of `columns` (the valid row's by default), one row per entry of `rows`, each the valid
// row with its changes.
inline std::string
bal(const std::vector<Changes> &rows,
    const std::vector<std::pair<std::string, std::string>> &columns = valid_row) {
    std::string text;
    for (const auto &[column, value] : columns) {
        text += (text.empty() ? "" : ";") + column;
    }
    text += "\n";
    for (const Changes &changes : rows) {
        std::string row;
        bool first = true;
        for (const auto &[column, value] : columns) {
            const auto it = changes.find(column);
            row += (first ? "" : ";") + (it == changes.end() ? value : it->second);
            first = false;
        }
        text += row + "\n";
    }
    return text;
}

// The alerts of a one-row file, profile 1.4.
inline Codes first_row_alerts(const Changes &changes) {
    const Report report = check(bal({changes}), "1.4");
    return report.rows.empty() ? Codes{} : codes(report.rows.front().errors);
}

} // namespace adressage::validator::test
