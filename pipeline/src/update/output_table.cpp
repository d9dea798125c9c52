// build_output_table (update_stage.hpp): the table an update writes, its BAN ids, its order,
// and the parts of the "update" report section that compare it with the existing BAL.
#include <cmath>
#include <functional>
#include <set>
#include <tuple>

#include "adressage/error.hpp"
#include "adressage/formats/bal_diff.hpp"
#include "adressage/formats/bal_format.hpp"
#include "adressage/formats/bal_table_writer.hpp"
#include "adressage/names/grouping_key.hpp"
#include "core/bal_cells.hpp"
#include "core/run_context.hpp"
#include "update/bal_keys.hpp"
#include "update/update_stage.hpp"

namespace adressage::pipeline {

namespace {

using bal_cells::Columns;
using bal_cells::parse_int;
using Row = std::vector<std::string>;

std::size_t column_at(const Columns &c, std::string_view name) {
    return static_cast<std::size_t>(c.index(name));
}

// The existing BAL's columns (BAL 1.4's without one), and every BAL 1.4 column it lacks:
// cle_interop too, the voie code of new rows (1.5 leaves it out when written).
std::vector<std::string> output_header(const formats::BalTable &existing) {
    formats::BalTable out;
    out.header = existing.rows.empty() ? std::vector<std::string>(formats::bal14_columns.begin(),
                                                                  formats::bal14_columns.end())
                                       : existing.header;
    for (std::string_view name : formats::bal14_columns) {
        if (Columns(out).index(name) < 0) {
            out.header.emplace_back(name);
        }
    }
    return out.header;
}

// The cle_interop of kept rows, as written against as read.
struct KeyRewrites {
    std::int64_t rewritten = 0;
    std::int64_t built = 0;
    nlohmann::json examples = nlohmann::json::array(); // the first 20 rewritten
};

// The kept rows of the existing BAL, widened to the output's columns: commune_insee filled
// when empty (a BAL 1.1), cle_interop as the validator reads it, the ids of a BAL 1.3
// uid_adresse in their 1.4 columns.
class KeptRows {
  public:
    KeptRows(formats::BalTable &out, const UpdateState &state, const std::string &insee)
        : out_(out), state_(state), insee_(insee), insee_lower_(lower_ascii(insee)), oc_(out),
          insee_at_(column_at(oc_, "commune_insee")), key_at_(column_at(oc_, "cle_interop")),
          numero_at_(column_at(oc_, "numero")), suffixe_at_(column_at(oc_, "suffixe")),
          uid_(state.existing.column("uid_adresse")) {}

    void append(KeyRewrites &keys) {
        const formats::BalTable &existing = state_.existing;
        for (std::size_t r = 0; r < existing.rows.size(); ++r) {
            if (!state_.keep_row[r]) {
                continue;
            }
            Row row = existing.rows[r];
            row.resize(out_.header.size());
            if (row[insee_at_].empty()) {
                row[insee_at_] = insee_; // the commune its cle_interop tells (this one)
            }
            rewrite_key(r, row, keys);
            if (uid_ >= 0) {
                fill_ids_of_uid(existing.rows[r][static_cast<std::size_t>(uid_)], row);
            }
            out_.rows.push_back(std::move(row));
        }
    }

  private:
    // In its written form (numero on 5 digits, lower case); built from the row (commune, voie
    // code, numero, suffixe) when there is none (BAL 1.5) or it names another commune or
    // number. In memory for 1.5 too, for the ledger.
    void rewrite_key(std::size_t r, Row &row, KeyRewrites &keys) const {
        std::string &key = row[key_at_];
        const int numero = parse_int(row[numero_at_]).value_or(0);
        const auto parsed = formats::parse_cle_interop(key);
        const std::string written =
            parsed && parsed->commune == insee_lower_ && parsed->numero == numero
                ? parsed->canonical()
                : formats::cle_interop(insee_, state_.voie_codes[r], numero, row[suffixe_at_]);
        if (written == key) {
            return;
        }
        ++(key.empty() ? keys.built : keys.rewritten);
        if (!key.empty() && keys.examples.size() < 20) {
            keys.examples.push_back(
                {{"line", state_.existing.row_lines[r]}, {"read", key}, {"written", written}});
        }
        key = written;
    }

    void fill_ids_of_uid(const std::string &uid, Row &row) const {
        for (auto [column, tag] :
             {std::pair{"id_ban_commune", "@c:"}, std::pair{"id_ban_toponyme", "@v:"},
              std::pair{"id_ban_adresse", "@a:"}}) {
            std::string &cell = row[column_at(oc_, column)];
            if (cell.empty()) {
                cell = uid_part(uid, tag);
            }
        }
    }

    formats::BalTable &out_;
    const UpdateState &state_;
    const std::string &insee_;
    const std::string insee_lower_;
    const Columns oc_;
    const std::size_t insee_at_;
    const std::size_t key_at_;
    const std::size_t numero_at_;
    const std::size_t suffixe_at_;
    const int uid_;
};

// This run's rows in the output's columns. A toponyme that the current BAL already has (same
// commune déléguée, same name whatever its accents or case) keeps its existing row, written
// once: returns how many.
std::int64_t append_new_rows(formats::BalTable &out, const std::vector<formats::BalRow> &new_rows) {
    const Columns oc(out);
    const std::size_t numero_at = column_at(oc, "numero");
    const std::size_t deleguee_at = column_at(oc, "commune_deleguee_insee");
    const std::size_t voie_at = column_at(oc, "voie_nom");
    std::set<std::pair<std::string, std::string>> kept_toponymes;
    for (const Row &row : out.rows) {
        if (parse_int(row[numero_at]) == toponym_numero) {
            kept_toponymes.emplace(row[deleguee_at], names::grouping_key(row[voie_at]));
        }
    }
    std::int64_t toponymes_kept = 0;
    for (const formats::BalRow &r : new_rows) {
        if (r.numero == toponym_numero &&
            kept_toponymes.contains({r.commune_deleguee_insee, names::grouping_key(r.voie_nom)})) {
            ++toponymes_kept;
            continue;
        }
        const std::vector<std::string> cells = formats::bal14_cells(r);
        Row row(out.header.size());
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const int at = oc.index(formats::bal14_columns[i]);
            if (at >= 0) {
                row[static_cast<std::size_t>(at)] = cells[i];
            }
        }
        out.rows.push_back(std::move(row));
    }
    return toponymes_kept;
}

bool has_ids(const formats::BalTable &t) {
    for (const char *name :
         {"id_ban_commune", "id_ban_toponyme", "id_ban_adresse", "uid_adresse"}) {
        const int i = t.column(name);
        if (i < 0) {
            continue;
        }
        for (const auto &row : t.rows) {
            if (static_cast<std::size_t>(i) < row.size() &&
                !row[static_cast<std::size_t>(i)].empty()) {
                return true;
            }
        }
    }
    return false;
}

// The commune's id: --id-ban-commune, else the first of the rows, else the ledger's.
std::string commune_id(const std::vector<Row> &rows, std::size_t commune_at,
                       const UpdateState &state, const RunOptions &o) {
    std::string id = o.id_ban_commune;
    for (const auto &row : rows) {
        if (id.empty() && !row[commune_at].empty()) {
            id = row[commune_at];
        }
    }
    if (id.empty() && state.ledger && state.ledger->id_ban_commune()) {
        id = *state.ledger->id_ban_commune();
    }
    if (id.empty()) {
        throw ConfigError("BAL " + std::string(formats::to_string(state.version)) +
                          " with BAN ids needs the commune's id: give --id-ban-commune UUID "
                          "(the BAN's id_ban_commune of " +
                          o.insee + ")");
    }
    return id;
}

// The BAN ids of the rows without: the id of the same toponyme or address in another row,
// else the ledger's, else a new one (with a ledger only, so that it stays).
class BanIds {
  public:
    BanIds(const formats::BalTable &out, const UpdateState &state)
        : state_(state), oc_(out), toponyme_at_(column_at(oc_, "id_ban_toponyme")),
          adresse_at_(column_at(oc_, "id_ban_adresse")),
          deleguee_at_(column_at(oc_, "commune_deleguee_insee")),
          voie_at_(column_at(oc_, "voie_nom")), numero_at_(column_at(oc_, "numero")),
          suffixe_at_(column_at(oc_, "suffixe")), cle_at_(column_at(oc_, "cle_interop")),
          by_code_(state.version != formats::BalVersion::v1_5) {
        for (const auto &row : out.rows) { // the ids read come first
            if (!row[toponyme_at_].empty()) {
                toponymes_.emplace(toponyme_key(row), row[toponyme_at_]);
            }
            if (!row[adresse_at_].empty()) {
                adresses_.emplace(address_key(row), row[adresse_at_]);
            }
        }
    }

    void fill(Row &row) {
        if (row[toponyme_at_].empty()) {
            const LedgerToponymeKey key = toponyme_key(row);
            row[toponyme_at_] = find_or_mint(
                toponymes_, key, state_.ledger ? state_.ledger->toponyme_id(key) : std::nullopt);
        }
        if (row[adresse_at_].empty() && row[numero_at_] != std::to_string(toponym_numero)) {
            const LedgerAddressKey key = address_key(row);
            row[adresse_at_] = find_or_mint(
                adresses_, key, state_.ledger ? state_.ledger->adresse_id(key) : std::nullopt);
        }
    }

    std::size_t minted() const { return minted_; }

  private:
    // The voie code tells homonym voies apart in 1.4 (1.5 has none); an address is its
    // commune déléguée, voie name, numero and suffixe whatever the code, as the validator
    // checks ids (homonyms of one number share one id).
    LedgerToponymeKey toponyme_key(const Row &row) const {
        return {row[deleguee_at_], row[voie_at_],
                by_code_ ? voie_code_of(row[cle_at_]) : std::string()};
    }
    LedgerAddressKey address_key(const Row &row) const {
        return {row[deleguee_at_], row[voie_at_], parse_int(row[numero_at_]).value_or(0),
                lower_ascii(row[suffixe_at_]), std::string()};
    }

    template <typename Key>
    std::string find_or_mint(std::map<Key, std::string> &ids, const Key &key,
                             std::optional<std::string> known) {
        const auto it = ids.find(key);
        if (it != ids.end()) {
            return it->second;
        }
        if (!known) {
            if (!state_.ledger) {
                throw ConfigError(
                    "new BAN ids are needed (the output is BAL 1.5 or the existing BAL has "
                    "ids): give --ledger FILE, where they are kept between runs");
            }
            known = mint_uuid_v4();
            ++minted_;
        }
        ids.emplace(key, *known);
        return *known;
    }

    const UpdateState &state_;
    const Columns oc_;
    const std::size_t toponyme_at_;
    const std::size_t adresse_at_;
    const std::size_t deleguee_at_;
    const std::size_t voie_at_;
    const std::size_t numero_at_;
    const std::size_t suffixe_at_;
    const std::size_t cle_at_;
    const bool by_code_;
    std::map<LedgerToponymeKey, std::string> toponymes_;
    std::map<LedgerAddressKey, std::string> adresses_;
    std::size_t minted_ = 0;
};

// BAN ids: kept when read, else the ledger's, else minted (with a ledger only).
void fill_ban_ids(formats::BalTable &out, const UpdateState &state, const RunOptions &o,
                  Diagnostics &diag) {
    const std::size_t commune_at = column_at(Columns(out), "id_ban_commune");
    const std::string commune = commune_id(out.rows, commune_at, state, o);
    BanIds ids(out, state);
    for (auto &row : out.rows) {
        row[commune_at] = row[commune_at].empty() ? commune : row[commune_at];
        ids.fill(row);
    }
    diag.count("write", "ban_ids_minted", static_cast<std::int64_t>(ids.minted()));
}

// By voie, voie code (1.4), number, suffix; rows of one address keep their order.
void sort_rows(formats::BalTable &out, formats::BalVersion version) {
    const Columns oc(out);
    const std::size_t voie_at = column_at(oc, "voie_nom");
    const int cle_at = version == formats::BalVersion::v1_5 ? -1 : oc.index("cle_interop");
    const std::size_t numero_at = column_at(oc, "numero");
    const std::size_t suffixe_at = column_at(oc, "suffixe");
    auto key = [&](const Row &row) {
        return std::make_tuple(std::cref(row[voie_at]),
                               cle_at < 0 ? std::string()
                                          : voie_code_of(row[static_cast<std::size_t>(cle_at)]),
                               parse_int(row[numero_at]).value_or(0), lower_ascii(row[suffixe_at]));
    };
    std::stable_sort(out.rows.begin(), out.rows.end(),
                     [&](const auto &a, const auto &b) { return key(a) < key(b); });
}

// The diff of the table as written against the existing BAL, and the pre-flight checks.
void report_diff(const formats::BalTable &existing, const formats::BalTable &out,
                 formats::BalVersion version, nlohmann::json &section) {
    const formats::BalTable written = formats::read_bal(formats::write_bal(out, version), "output");
    const formats::BalDiff diff = formats::diff_bal(existing, written);
    const formats::Preflight gates = formats::preflight(existing, written, diff);
    nlohmann::json changed = nlohmann::json::array();
    for (const auto &ch : diff.changed) {
        if (changed.size() < 200) {
            changed.push_back({{"address", ch.key}, {"fields", ch.fields}});
        }
    }
    nlohmann::json checks = nlohmann::json::array();
    for (const auto &check : gates.checks) {
        checks.push_back({{"code", check.code},
                          {"level", std::string(formats::to_string(check.level))},
                          {"ratio", std::round(check.ratio * 10000.0) / 10000.0},
                          {"message", check.message}});
    }
    section["diff"] = {{"old_rows", diff.old_rows},           {"new_rows", diff.new_rows},
                       {"created", diff.created.size()},      {"changed", diff.changed.size()},
                       {"deleted", diff.deleted.size()},      {"unchanged", diff.unchanged},
                       {"matched_by_id", diff.matched_by_id}, {"changed_examples", changed}};
    section["preflight"] = {{"level", std::string(formats::to_string(gates.level))},
                            {"checks", checks}};
}

} // namespace

formats::BalTable build_output_table(const std::vector<formats::BalRow> &new_rows,
                                     RunContext &ctx) {
    const UpdateState &state = *ctx.results.update;
    formats::BalTable out;
    out.header = output_header(state.existing);
    KeyRewrites keys;
    KeptRows(out, state, ctx.options.insee).append(keys);
    const std::int64_t toponymes_kept = append_new_rows(out, new_rows);
    if (toponymes_kept > 0) {
        ctx.results.report_sections["update"]["toponymes_already_in_existing"] = toponymes_kept;
    }
    if (state.version != formats::BalVersion::v1_5 && (keys.rewritten > 0 || keys.built > 0)) {
        ctx.results.report_sections["update"]["cle_interop"] = {
            {"rewritten", keys.rewritten},
            {"built", keys.built},
            {"rewritten_examples", keys.examples}};
    }
    if (state.version == formats::BalVersion::v1_5 || state.ledger || has_ids(state.existing)) {
        fill_ban_ids(out, state, ctx.options, ctx.diagnostics);
    }
    sort_rows(out, state.version);
    if (!state.existing.rows.empty()) {
        report_diff(state.existing, out, state.version, ctx.results.report_sections["update"]);
    }
    return out;
}

} // namespace adressage::pipeline
