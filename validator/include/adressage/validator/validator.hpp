#pragma once
// The official BAL validator, @ban-team/validateur-bal 3.5.2, natively: the same field, row,
// cross-row, header and file rules, the same codes, and the same level per profile (E blocks a
// deposit, W warns, I informs). The network check of id_ban_commune runs only against the ids
// given in Options, as the validator does offline.
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "adressage/formats/bal_reader.hpp"
#include "adressage/formats/commune_list.hpp"

namespace adressage::validator {

enum class Level : char { error = 'E', warning = 'W', info = 'I' };

struct Alert {
    std::string_view code; // e.g. "voie_nom.casse_incorrecte"; static storage
    Level level = Level::info;
    friend bool operator==(const Alert &, const Alert &) = default;
};

struct RowAlerts {
    std::size_t line = 0;      // 0-based data-row index, the validator's rows[i].line
    std::size_t file_line = 0; // 1-based line of the file where the row starts
    std::vector<Alert> errors;
};

struct AlertCounts {
    std::size_t errors = 0;
    std::size_t warnings = 0;
    std::size_t infos = 0;
};

struct Options {
    // "auto" (from the header: 1.5, 1.4 or 1.3, as the BAN deposit does), "1.3", "1.3-relax",
    // "1.4" or "1.5".
    std::string profile = "auto";
    const formats::CommuneList &communes;
    // "YYYY-MM-DD": dates after it are date_future. Empty: today, local time.
    std::string today;
    // INSEE code → the commune's id from the BAN (row.cog_no_match_id_ban_commune); empty: not
    // checked.
    std::map<std::string, std::string> ban_commune_ids;
    // Also run the project's own adressage.* checks (adressage_checks.hpp): they go to
    // Report::adressage_rows and never change the official verdict.
    bool adressage_checks = true;
    // Read the rows ahead on a second thread (with the adressage checks) while the rules run.
    // Off where every core already has a worker (a batch with --jobs > 1): the same report,
    // without a thread started and ended per file.
    bool read_ahead = true;
};

struct Report {
    bool parse_ok = true;
    std::vector<formats::BalParseError> parse_errors; // when !parse_ok nothing else is set
    std::string profile;
    bool blocked = false; // some profil_errors entry has level E
    std::size_t row_count = 0;
    AlertCounts alert_counts; // over every row alert
    // The distinct codes of the file for the profile (the validator's profilErrors): missing
    // columns, file and cross-row codes first, then row codes in order of first appearance.
    std::vector<Alert> profil_errors;
    std::vector<RowAlerts> rows; // rows with at least one alert, in order
    // The adressage.* checks, apart from the official verdict: rows with at least one.
    AlertCounts adressage_counts;
    std::vector<RowAlerts> adressage_rows;
};

// Throws ConfigError on an unknown profile.
Report validate(const formats::BalTable &table, const Options &options);
// The same, streaming the rows from the reader: a million-row file is never held as a table.
Report validate(formats::BalReader &reader, const Options &options);

// "1.3", "1.3-relax", "1.4", "1.5".
bool is_known_profile(std::string_view profile);

} // namespace adressage::validator
