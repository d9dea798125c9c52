#include "adressage/formats/bal_diff.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "adressage/formats/bal_format.hpp"
#include "adressage/formats/bal_schema.hpp"

namespace adressage::formats {

namespace {

constexpr double api_depot_warning = 0.20;
constexpr double api_depot_blocked = 0.80;
constexpr double id_fix_warning = 0.25;
constexpr double id_fix_blocked = 0.80;

bool is_id_column(std::string_view c) {
    return c == "id_ban_commune" || c == "id_ban_toponyme" || c == "id_ban_adresse" ||
           c == "uid_adresse";
}

// The name a column is compared under: toponyme and voie_nom (and their language columns)
// are one column.
std::string canonical(const std::string &column) {
    if (column == "toponyme") {
        return "voie_nom";
    }
    if (column.rfind("toponyme_", 0) == 0) {
        return "voie_nom_" + column.substr(9);
    }
    return column;
}

std::string cell(const BalTable &t, const std::vector<std::string> &row, std::string_view name) {
    int i = t.column(name);
    if (i < 0 && name == "voie_nom") {
        i = t.column("toponyme");
    }
    return i >= 0 && static_cast<std::size_t>(i) < row.size() ? row[static_cast<std::size_t>(i)]
                                                              : std::string();
}

std::string trim_number(const std::string &n) {
    std::size_t i = 0;
    while (i + 1 < n.size() && n[i] == '0') {
        ++i;
    }
    return n.substr(i);
}

std::string natural_key(const BalTable &t, const std::vector<std::string> &row) {
    const std::string deleguee = cell(t, row, "commune_deleguee_insee");
    std::string key = deleguee.empty() ? "" : deleguee + " ";
    key += cell(t, row, "voie_nom") + " " + trim_number(cell(t, row, "numero"));
    std::string suffixe = cell(t, row, "suffixe");
    std::transform(suffixe.begin(), suffixe.end(), suffixe.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return key + suffixe;
}

bool every_row_has_ids(const BalTable &t) {
    const int a = t.column("id_ban_adresse");
    if (a < 0 || t.rows.empty()) {
        return false;
    }
    return std::all_of(t.rows.begin(), t.rows.end(), [&](const auto &row) {
        return static_cast<std::size_t>(a) < row.size() &&
               !row[static_cast<std::size_t>(a)].empty();
    });
}

struct Address {
    std::string label;
    std::vector<std::size_t> rows;
    std::map<std::string, std::string> values; // canonical column -> values of its rows, '\n'
};

// The voie code of a cle_interop "insee_code_numero[_suffixe]", lower-case, or "".
std::string voie_code(const std::string &cle) {
    const std::size_t a = cle.find('_');
    const std::size_t b = a == std::string::npos ? a : cle.find('_', a + 1);
    std::string code = b == std::string::npos ? std::string() : cle.substr(a + 1, b - a - 1);
    std::transform(code.begin(), code.end(), code.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return code;
}

// Addresses by id, else by (commune déléguée, voie, numero, suffixe) and, when both files have
// cle_interop, the voie code (homonym voies of one commune differ only by it).
std::map<std::string, Address> addresses(const BalTable &t, bool by_id, bool by_code) {
    std::map<std::string, Address> out;
    const int numero = t.column("numero");
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const std::vector<std::string> &row = t.rows[r];
        if (numero >= 0 && static_cast<std::size_t>(numero) < row.size() &&
            row[static_cast<std::size_t>(numero)] == "99999") {
            continue; // a toponyme row, not an address
        }
        const std::string label = natural_key(t, row);
        const std::string key = by_id     ? cell(t, row, "id_ban_adresse")
                                : by_code ? voie_code(cell(t, row, "cle_interop")) + "|" + label
                                          : label;
        Address &a = out[key];
        a.label = label;
        a.rows.push_back(r);
        for (std::size_t i = 0; i < t.header.size() && i < row.size(); ++i) {
            if (is_id_column(t.header[i])) {
                continue;
            }
            std::string &v = a.values[canonical(t.header[i])];
            // A cle_interop in its written form (lower case, numero on 5 digits): a key only
            // rewritten to that form names the same address, it is no change.
            const auto key = t.header[i] == "cle_interop" ? parse_cle_interop(row[i])
                                                          : std::optional<CleInterop>();
            v.append(v.empty() ? "" : "\n").append(key ? key->canonical() : row[i]);
        }
    }
    return out;
}

} // namespace

BalDiff diff_bal(const BalTable &old_table, const BalTable &new_table) {
    BalDiff d;
    d.old_rows = old_table.rows.size();
    d.new_rows = new_table.rows.size();
    d.matched_by_id = every_row_has_ids(old_table) && every_row_has_ids(new_table);
    // The columns both files have (a version's own columns are no change: cle_interop is gone
    // in 1.5, the ids are compared as the key).
    std::set<std::string> old_columns;
    std::set<std::string> columns;
    for (const std::string &c : old_table.header) {
        old_columns.insert(canonical(c));
    }
    for (const std::string &c : new_table.header) {
        if (old_columns.contains(canonical(c)) && !is_id_column(c)) {
            columns.insert(canonical(c));
        }
    }
    const bool by_code =
        old_table.column("cle_interop") >= 0 && new_table.column("cle_interop") >= 0;
    const auto before = addresses(old_table, d.matched_by_id, by_code);
    const auto after = addresses(new_table, d.matched_by_id, by_code);
    d.old_addresses = before.size();
    d.new_addresses = after.size();
    for (const auto &[key, a] : after) {
        const auto it = before.find(key);
        if (it == before.end()) {
            d.created.push_back({a.label, {}, a.rows});
            continue;
        }
        AddressChange change{a.label, {}, a.rows};
        for (const std::string &c : columns) {
            const auto x = it->second.values.find(c);
            const auto y = a.values.find(c);
            const std::string old_value = x == it->second.values.end() ? "" : x->second;
            const std::string new_value = y == a.values.end() ? "" : y->second;
            if (old_value != new_value) {
                change.fields.push_back(c);
            }
        }
        if (change.fields.empty()) {
            ++d.unchanged;
        } else {
            d.changed.push_back(std::move(change));
        }
    }
    for (const auto &[key, a] : before) {
        if (!after.contains(key)) {
            d.deleted.push_back({a.label, {}, a.rows});
        }
    }
    const auto by_key = [](const AddressChange &a, const AddressChange &b) {
        return std::tie(a.key, a.rows) < std::tie(b.key, b.rows);
    };
    std::sort(d.created.begin(), d.created.end(), by_key);
    std::sort(d.deleted.begin(), d.deleted.end(), by_key);
    std::sort(d.changed.begin(), d.changed.end(), by_key);
    return d;
}

std::string_view to_string(GateLevel level) {
    switch (level) {
    case GateLevel::ok:
        return "ok";
    case GateLevel::warning:
        return "warning";
    case GateLevel::blocked:
        return "blocked";
    }
    return "ok";
}

Preflight preflight(const BalTable &old_table, const BalTable &new_table, const BalDiff &diff) {
    Preflight p;
    auto percent = [](double r) {
        return std::to_string(static_cast<int>(std::lround(r * 1000.0)) / 10) + "." +
               std::to_string(static_cast<int>(std::lround(r * 1000.0)) % 10) + " %";
    };
    auto ratio_check = [&](std::string code, double ratio, double warning, double blocked,
                           const std::string &what) {
        GateCheck c{std::move(code), GateLevel::ok, ratio, {}};
        c.level = ratio > blocked   ? GateLevel::blocked
                  : ratio > warning ? GateLevel::warning
                                    : GateLevel::ok;
        c.message = what + " " + percent(ratio) + " (warning above " + percent(warning) +
                    ", blocked above " + percent(blocked) + ")";
        p.checks.push_back(std::move(c));
    };
    const double lost = diff.old_rows == 0 || diff.new_rows >= diff.old_rows
                            ? 0.0
                            : static_cast<double>(diff.old_rows - diff.new_rows) /
                                  static_cast<double>(diff.old_rows);
    ratio_check("api_depot.row_loss", lost, api_depot_warning, api_depot_blocked,
                "rows lost " + std::to_string(diff.old_rows) + " -> " +
                    std::to_string(diff.new_rows) + ":");
    const double deleted = diff.old_addresses == 0 ? 0.0
                                                   : static_cast<double>(diff.deleted.size()) /
                                                         static_cast<double>(diff.old_addresses);
    ratio_check("id_fix.deletions", deleted, id_fix_warning, id_fix_blocked,
                "addresses deleted " + std::to_string(diff.deleted.size()) + " of " +
                    std::to_string(diff.old_addresses) + ":");

    std::set<std::string> communes;
    const int insee = new_table.column("commune_insee");
    const int id_columns[3] = {new_table.column("id_ban_commune"),
                               new_table.column("id_ban_toponyme"),
                               new_table.column("id_ban_adresse")};
    std::size_t with_ids = 0;
    for (const auto &row : new_table.rows) {
        if (insee >= 0 && static_cast<std::size_t>(insee) < row.size()) {
            communes.insert(row[static_cast<std::size_t>(insee)]);
        }
        bool has = false;
        for (int c : id_columns) {
            has = has || (c >= 0 && static_cast<std::size_t>(c) < row.size() &&
                          !row[static_cast<std::size_t>(c)].empty());
        }
        with_ids += has ? 1 : 0;
    }
    p.checks.push_back(GateCheck{
        "file.one_commune", communes.size() == 1 ? GateLevel::ok : GateLevel::blocked, 0.0,
        std::to_string(communes.size()) + " commune(s) in the file (api-depot takes exactly one)"});
    const bool all_or_none = with_ids == 0 || with_ids == new_table.rows.size();
    p.checks.push_back(GateCheck{
        "file.ids_all_or_none", all_or_none ? GateLevel::ok : GateLevel::blocked, 0.0,
        std::to_string(with_ids) + " of " + std::to_string(new_table.rows.size()) +
            " rows with BAN ids (id-fix refuses a file that mixes rows with and without)"});
    (void)old_table;
    for (const GateCheck &c : p.checks) {
        p.level = std::max(p.level, c.level);
    }
    return p;
}

} // namespace adressage::formats
