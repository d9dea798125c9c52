#include "adressage/pipeline/trace_checks.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <tuple>

#include "adressage/error.hpp"
#include "adressage/geo/legal_crs.hpp"
#include "adressage/names/grouping_key.hpp"
#include "adressage/pipeline/runner.hpp"
#include "checks/geometric_checks.hpp"
#include "checks/trace_rows.hpp"
#include "stages/stages.hpp"

namespace adressage::pipeline {

namespace {

using bal_cells::Columns;

// Whether the numbers of a voie fall as one goes along it: the sign of the covariance of
// (along, numero) over its addresses (both sides together; a tie keeps the direction).
bool numbers_fall_along(const std::vector<std::pair<double, int>> &points) {
    if (points.size() < 2) {
        return false;
    }
    double mean_a = 0.0;
    double mean_n = 0.0;
    for (const auto &[a, n] : points) {
        mean_a += a;
        mean_n += n;
    }
    mean_a /= static_cast<double>(points.size());
    mean_n /= static_cast<double>(points.size());
    double covariance = 0.0;
    for (const auto &[a, n] : points) {
        covariance += (a - mean_a) * (n - mean_n);
    }
    return covariance < 0.0;
}

using VoieMeasures = std::vector<std::vector<geo::LineMeasures>>;

// The run's options for the file's commune, checked as a run checks them.
void set_commune(RunOptions &options, const std::string &insee) {
    options.insee = insee;
    options.buildings.clear();
    check_options(options);
    if (options.data_dir.empty()) {
        options.data_dir = default_data_dir();
    }
}

// The voies of the roads, as a run makes them (the first stages), without their codes: the
// voie-level checks are about the roads, not the file.
void make_road_voies(CommuneModel &model, RunContext &ctx, const std::string &path) {
    const RunOptions &options = ctx.options;
    ctx.preset = preset_for(options);
    ctx.communes = formats::CommuneList::load(options.data_dir + "/cog-2026/communes.csv");
    ctx.commune = ctx.communes.find_current(options.insee);
    if (ctx.commune == nullptr) {
        throw InputError(path, "commune " + options.insee +
                                   " is not a current commune of the COG 2026; check "
                                   "commune_insee");
    }
    model.insee = options.insee;
    model.nom = ctx.commune->nom;
    model.crs = geo::legal_crs_for_insee(options.insee);
    IngestStage ingest;
    ClipStage clip;
    NamesStage names;
    VoiesStage voies;
    for (Stage *stage : std::initializer_list<Stage *>{&ingest, &clip, &names, &voies}) {
        stage->prepare(ctx);
    }
    for (Stage *stage : std::initializer_list<Stage *>{&ingest, &clip, &names, &voies}) {
        stage->run(model, ctx);
    }
    for (Voie &voie : model.voies) {
        voie.code.clear();
    }
}

// The road voies by the grouping key of their name.
std::map<std::string, std::vector<VoieIdx>> road_voies_by_key(const CommuneModel &model) {
    std::map<std::string, std::vector<VoieIdx>> by_key;
    for (VoieIdx v = 0; v < model.voies.size(); ++v) {
        by_key[names::grouping_key(model.voies[v].nom)].push_back(v);
    }
    return by_key;
}

VoieMeasures measure_voies(const CommuneModel &model) {
    VoieMeasures measures;
    measures.reserve(model.voies.size());
    for (const Voie &voie : model.voies) {
        measures.push_back(measure_parts(voie));
    }
    return measures;
}

// Of the road voies of a name, the one nearest to the addresses (least sum of distances).
VoieIdx nearest_voie(const CommuneModel &model, const VoieMeasures &measures,
                     const std::vector<VoieIdx> &candidates,
                     const std::vector<FileAddress> &addresses) {
    VoieIdx voie = candidates.front();
    double nearest = std::numeric_limits<double>::infinity();
    for (VoieIdx v : candidates) {
        double total = 0.0;
        for (const FileAddress &a : addresses) {
            total += locate_on(model.voies[v], measures[v], a.xy).offset;
        }
        if (total < nearest) {
            nearest = total;
            voie = v;
        }
    }
    return voie;
}

// Each file voie given the road voie of its name nearest to its addresses, which become the
// model's numeros and positions; the row of each position. Rows whose voie is not among the
// roads are counted in `result`.
std::vector<std::size_t> place_on_road_voies(CommuneModel &model, const VoieMeasures &measures,
                                             const FileVoies &file_voies, const Columns &c,
                                             TraceCheckResult &result) {
    const std::map<std::string, std::vector<VoieIdx>> by_key = road_voies_by_key(model);
    std::map<std::tuple<VoieIdx, int, std::string>, NumeroIdx> numero_of;
    std::vector<std::size_t> row_of_position;
    for (const auto &[name_code, addresses] : file_voies) {
        const auto found = by_key.find(name_code.first);
        if (found == by_key.end()) {
            result.rows_voie_not_in_roads += addresses.size();
            continue;
        }
        const VoieIdx voie = nearest_voie(model, measures, found->second, addresses);
        for (const FileAddress &a : addresses) {
            const auto &row = c.table.rows[a.row];
            const auto key = std::tuple{voie, a.numero, c.get(row, "suffixe")};
            auto it = numero_of.find(key);
            if (it == numero_of.end()) {
                it = numero_of.emplace(key, model.numeros.size()).first;
                model.numeros.push_back(Numero{voie, a.numero, 0, std::get<2>(key)});
            }
            model.positions.push_back(
                Position{it->second, position_type(c.get(row, "position")), a.xy, ""});
            row_of_position.push_back(a.row);
        }
    }
    return row_of_position;
}

// Each voie run in the direction its numbers grow (located with the measures taken before any
// voie is reversed).
void orient_by_numbers(CommuneModel &model, const VoieMeasures &measures,
                       TraceCheckResult &result) {
    std::vector<std::vector<std::pair<double, int>>> points(model.voies.size());
    for (const Position &p : model.positions) {
        const Numero &n = model.numeros[p.numero];
        points[n.voie].emplace_back(locate_on(model.voies[n.voie], measures[n.voie], p.xy).along,
                                    n.numero);
    }
    for (VoieIdx v = 0; v < model.voies.size(); ++v) {
        if (numbers_fall_along(points[v])) {
            reverse_voie(model.voies[v]);
            ++result.voies_reversed;
        }
    }
}

// The run's checks of the positions, brought back to the rows they concern: by row, then in the
// order of the checks, one alert per row and code.
std::vector<TraceAlert> alerts_of_rows(geo::GeosContext &geos, const CommuneModel &model,
                                       const Columns &c,
                                       const std::vector<std::size_t> &row_of_position) {
    std::map<std::tuple<int, double, double>, std::vector<std::size_t>> positions_at;
    for (std::size_t i = 0; i < model.positions.size(); ++i) {
        const Position &p = model.positions[i];
        positions_at[{model.numeros[p.numero].numero, p.xy.x, p.xy.y}].push_back(i);
    }
    std::vector<TraceAlert> alerts;
    for (const GeometricAlert &a : check_commune(geos, model)) {
        if (a.check != GeometricCheck::cote_parite && a.check != GeometricCheck::ordre &&
            a.check != GeometricCheck::autre_voie && a.check != GeometricCheck::hors_commune) {
            continue; // trop_proche is the validator's own; the voie checks are the roads'
        }
        const auto at = positions_at.find({a.numero, a.xy.x, a.xy.y});
        if (at == positions_at.end()) {
            continue;
        }
        for (std::size_t i : at->second) {
            if (model.voies[model.numeros[model.positions[i].numero].voie].nom != a.voie_nom) {
                continue;
            }
            const std::size_t r = row_of_position[i];
            alerts.push_back(
                TraceAlert{r, c.table.row_lines[r], geometric_check_code(a.check),
                           geometric_check_level(a.check), geometric_check_label(a.check),
                           geometric_check_label_en(a.check), c.get(c.table.rows[r], "voie_nom"),
                           a.numero, a.metres, a.other});
        }
    }
    std::stable_sort(alerts.begin(), alerts.end(),
                     [](const TraceAlert &a, const TraceAlert &b) { return a.row < b.row; });
    alerts.erase(std::unique(alerts.begin(), alerts.end(),
                             [](const TraceAlert &a, const TraceAlert &b) {
                                 return a.row == b.row && a.code == b.code;
                             }),
                 alerts.end());
    return alerts;
}

} // namespace

TraceCheckResult check_traces(const std::string &path, RunOptions options) {
    const formats::BalTable table = read_bal_to_check(path);
    const Columns c(table);
    TraceCheckResult result;
    result.rows = table.rows.size();
    result.insee = commune_of_rows(path, c);
    set_commune(options, result.insee);

    RunContext ctx(options);
    CommuneModel model;
    make_road_voies(model, ctx, path);
    const VoieMeasures measures = measure_voies(model);
    const FileVoies file_voies = addresses_by_voie(c, model.crs, result);
    const std::vector<std::size_t> row_of_position =
        place_on_road_voies(model, measures, file_voies, c, result);
    result.rows_checked = model.positions.size();
    orient_by_numbers(model, measures, result);
    result.alerts = alerts_of_rows(ctx.geos, model, c, row_of_position);
    return result;
}

} // namespace adressage::pipeline
