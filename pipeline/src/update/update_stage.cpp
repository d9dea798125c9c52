#include "update/update_stage.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

#include "adressage/error.hpp"
#include "adressage/formats/upload_file.hpp"
#include "core/bal_cells.hpp"
#include "core/run_context.hpp"
#include "update/address_matching.hpp"
#include "update/bal_keys.hpp"
#include "update/existing_bal.hpp"
#include "update/update_numbering.hpp"

namespace adressage::pipeline {

namespace {

using bal_cells::Columns;
using bal_cells::parse_double;
using bal_cells::parse_int;

// The figures of ExistingStage::run for its diagnostics and the "update" report section.
struct UpdateFigures {
    const ExistingVoieCodes &codes;
    const AddressMatches &matches;
    const UpdateNumbers &numbers;
    const Orphans &orphans;
    std::size_t numbered_this_run = 0;
};

void report_update(const UpdateState &state, const UpdateFigures &f, RunContext &ctx) {
    Diagnostics &diag = ctx.diagnostics;
    const auto rows = static_cast<std::int64_t>(state.existing.rows.size());
    diag.count("existing", "rows_read", rows);
    diag.count("existing", "addresses", static_cast<std::int64_t>(state.addresses.size()));
    diag.count("existing", "matched_by_position", f.matches.by_position);
    diag.count("existing", "matched_by_number", f.matches.by_number);
    diag.count("existing", "orphans", f.orphans.count);
    diag.count("existing", "new_numbers", static_cast<std::int64_t>(f.numbers.numeros.size()));
    ctx.results.report_sections["update"] = {{"existing", ctx.options.existing},
                                             {"existing_rows", state.existing.rows.size()},
                                             {"existing_addresses", state.addresses.size()},
                                             {"matched_by_position", f.matches.by_position},
                                             {"matched_by_number", f.matches.by_number},
                                             {"buildings_numbered_this_run", f.numbered_this_run},
                                             {"new_numbers", f.numbers.numeros.size()},
                                             {"new_numbers_with_suffix", f.numbers.with_suffix},
                                             {"new_buildings_without_number", f.numbers.unnumbered},
                                             {"new", f.numbers.created},
                                             {"orphans", f.orphans.count},
                                             {"orphans_dropped", ctx.options.drop_orphans},
                                             {"orphan_examples", f.orphans.examples},
                                             {"voie_codes_from_ledger", f.codes.from_ledger},
                                             {"voie_codes_temporary", f.codes.temporary}};
}

// The rows of other communes left out of the existing BAL, in the report and one line.
void report_other_communes(const UpdateState &state, RunContext &ctx) {
    std::size_t rows = 0;
    std::string counts;
    nlohmann::json by_commune = nlohmann::json::object();
    for (const auto &[insee, lines] : state.other_communes) {
        rows += lines.size();
        const std::string name = insee.empty() ? "(none)" : insee;
        counts.append(counts.empty() ? "" : ", ")
            .append(name)
            .append(": ")
            .append(std::to_string(lines.size()));
        by_commune[name] = {{"rows", lines.size()}, {"lines", lines}};
    }
    ctx.results.report_sections["update"]["other_communes"] = {
        {"rows", rows},
        {"by_commune", by_commune},
        {"message", std::to_string(rows) + " row" + (rows > 1 ? "s" : "") +
                        " of other communes left out (" + counts + "), this BAL is " +
                        ctx.options.insee + "'s only; run each commune with the same --existing"}};
}

} // namespace

std::size_t UpdateState::kept_rows() const {
    return static_cast<std::size_t>(std::count(keep_row.begin(), keep_row.end(), true));
}

void ExistingStage::prepare(RunContext &ctx) {
    auto state = std::make_shared<UpdateState>();
    const RunOptions &o = ctx.options;
    state->version = o.bal_version;
    state->active = !o.existing.empty() || !o.ledger.empty() || !o.siren.empty() ||
                    !o.producteur.empty() || state->version == formats::BalVersion::v1_5;
    if (!o.siren.empty() || !o.producteur.empty()) {
        const auto name = formats::upload_file_name(o.date, o.siren, o.producteur);
        if (!name) {
            throw ConfigError("--siren '" + o.siren + "' --producteur '" + o.producteur +
                              "': give both, the SIREN with 9 digits and the producer's name "
                              "(letters or digits), to name the file for upload");
        }
        ctx.bal_path = (std::filesystem::path(ctx.output_dir) / *name).string();
    }
    if (!o.existing.empty()) {
        state->existing = read_existing_bal(o, state->other_communes);
        state->keep_row.assign(state->existing.rows.size(), true);
    }
    if (!o.ledger.empty()) {
        state->ledger = std::make_unique<Ledger>(o.ledger, o.insee);
    }
    ctx.results.update = std::move(state);
}

void ExistingStage::run(CommuneModel &model, RunContext &ctx) {
    UpdateState &state = *ctx.results.update;
    if (state.existing.rows.empty()) {
        return; // a first run: this run's numbers as they are
    }
    ExistingVoieCodes codes = code_existing_rows(state);
    state.addresses = existing_addresses(state.existing, state.voie_codes, model.crs);
    const AddressMatches matches = match_addresses(model, state.addresses);
    const AssignmentsByBuilding assignment_of = assignments_by_building(model);
    const auto continued = continued_voies(model, state.addresses, assignment_of);
    UpdateNumbers numbers = number_new_buildings(model, state.addresses, matches, continued,
                                                 assignment_of, codes.codes, ctx.diagnostics);
    const std::size_t numbered_this_run = model.numeros.size();
    model.numeros = numbers.numeros;
    const Orphans orphans = find_orphans(state.addresses, ctx.options.drop_orphans, state.keep_row);
    report_update(state, {codes, matches, numbers, orphans, numbered_this_run}, ctx);
    if (!state.other_communes.empty()) {
        report_other_communes(state, ctx);
    }
}

void record_in_ledger(const formats::BalTable &table, RunContext &ctx) {
    UpdateState &state = *ctx.results.update;
    if (!state.ledger) {
        return;
    }
    const Columns c(table);
    std::vector<LedgerAddress> addresses;
    std::map<LedgerToponymeKey, std::string> toponymes;
    std::set<std::string> seen;
    std::string commune_id;
    for (const auto &row : table.rows) {
        commune_id = commune_id.empty() ? c.get(row, "id_ban_commune") : commune_id;
        const std::string code = voie_code_of(c.get(row, "cle_interop"));
        toponymes.emplace(
            LedgerToponymeKey{c.get(row, "commune_deleguee_insee"), c.get(row, "voie_nom"), code},
            c.get(row, "id_ban_toponyme"));
        const std::string id = c.get(row, "id_ban_adresse");
        if (id.empty() || !seen.insert(id).second) {
            continue; // a toponyme row, or a further position of an address
        }
        LedgerAddress a;
        a.key = {c.get(row, "commune_deleguee_insee"), c.get(row, "voie_nom"),
                 parse_int(c.get(row, "numero")).value_or(0), lower_ascii(c.get(row, "suffixe")),
                 code};
        a.id_ban_adresse = id;
        a.id_ban_toponyme = c.get(row, "id_ban_toponyme");
        a.cle_interop = c.get(row, "cle_interop");
        a.position = c.get(row, "position");
        a.x = parse_double(c.get(row, "x")).value_or(0.0);
        a.y = parse_double(c.get(row, "y")).value_or(0.0);
        addresses.push_back(std::move(a));
    }
    const std::int64_t run =
        state.ledger->commit(ctx.options.date, std::string(formats::to_string(state.version)),
                             commune_id, addresses, toponymes);
    ctx.results.report_sections["ledger"] = {{"file", state.ledger->path()}, {"run", run}};
}

} // namespace adressage::pipeline
