#pragma once
// What changes between two BAL files of one commune (the one the BAN has and the one about to
// be uploaded), and the BAN's upload gates checked on them before the upload:
// - api-depot: rows lost versus the current revision, warning above 20 %, blocked above 80 %;
// - id-fix: addresses deleted, warning above 25 %, blocked above 80 %;
// - one commune per file; every row with BAN ids or none.
// Addresses are the rows of one (commune déléguée, voie, numero, suffixe), or of one
// id_ban_adresse when both files carry ids; the values of an address's rows are compared
// column by column over the columns both files have (BAN ids aside; voie_nom and toponyme are
// one column).
#include <string>
#include <vector>

#include "adressage/formats/bal_reader.hpp"

namespace adressage::formats {

struct AddressChange {
    std::string key; // "voie_nom numero[suffixe]" (commune déléguée first if any)
    std::vector<std::string> fields; // changed columns, sorted; empty when created or deleted
    // The address's rows, indices into the new table (created, changed) or the old (deleted).
    std::vector<std::size_t> rows;
};

struct BalDiff {
    std::size_t old_rows = 0;
    std::size_t new_rows = 0;
    std::size_t old_addresses = 0;
    std::size_t new_addresses = 0;
    bool matched_by_id = false;
    std::vector<AddressChange> created; // by key
    std::vector<AddressChange> changed;
    std::vector<AddressChange> deleted;
    std::size_t unchanged = 0;
};

BalDiff diff_bal(const BalTable &old_table, const BalTable &new_table);

enum class GateLevel { ok, warning, blocked };
std::string_view to_string(GateLevel level); // "ok", "warning", "blocked"

struct GateCheck {
    std::string
        code; // api_depot.row_loss, id_fix.deletions, file.one_commune, file.ids_all_or_none
    GateLevel level = GateLevel::ok;
    double ratio = 0.0; // for the ratio checks
    std::string message;
};

struct Preflight {
    std::vector<GateCheck> checks;
    GateLevel level = GateLevel::ok; // the worst
};

// The BAN's gates on uploading `new_table` over `old_table` (their diff given).
Preflight preflight(const BalTable &old_table, const BalTable &new_table, const BalDiff &diff);

} // namespace adressage::formats
