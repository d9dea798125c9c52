#include "adressage/pipeline/trace_checks.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <tuple>

#include "adressage/error.hpp"
#include "adressage/formats/bal_format.hpp"
#include "adressage/formats/bal_reader.hpp"
#include "adressage/geo/legal_crs.hpp"
#include "adressage/geo/transformer.hpp"
#include "adressage/names/grouping_key.hpp"
#include "adressage/pipeline/runner.hpp"
#include "checks/geometric_checks.hpp"
#include "core/bal_cells.hpp"
#include "stages/stages.hpp"

namespace adressage::pipeline {

namespace {

constexpr int toponyme_numero = 99999;

using bal_cells::Columns;
using bal_cells::parse_double;
using bal_cells::parse_int;
using bal_cells::row_commune;

formats::PositionType position_type(const std::string &text) {
    for (const formats::PositionType t :
         {formats::PositionType::entree, formats::PositionType::batiment,
          formats::PositionType::segment, formats::PositionType::delivrance_postale,
          formats::PositionType::cage_escalier, formats::PositionType::logement,
          formats::PositionType::parcelle, formats::PositionType::service_technique}) {
        if (formats::position_label(t) == text) {
            return t;
        }
    }
    return formats::PositionType::batiment; // an empty or unknown type
}

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

std::string_view label_en(GeometricCheck check) {
    switch (check) {
    case GeometricCheck::cote_parite:
        return "odd number right of its voie or even number left of it (odd left, even right)";
    case GeometricCheck::ordre:
        return "number smaller than the one before it on the same side, along the voie";
    case GeometricCheck::autre_voie:
    case GeometricCheck::autre_voie_parcelle:
        return "the position is nearer to another voie than to its own";
    case GeometricCheck::hors_commune:
        return "the position is outside the commune boundary";
    case GeometricCheck::trop_proche:
        return "two addresses less than a metre apart";
    case GeometricCheck::trace_croise:
        return "the voie trace crosses itself";
    case GeometricCheck::homonyme_proche:
        return "two voies of the same name less than 500 m apart";
    }
    return "";
}

} // namespace

TraceCheckResult check_traces(const std::string &path, RunOptions options) {
    const formats::BalTable table = formats::read_bal_file(path);
    if (!table.parse_ok()) {
        throw InputError(path, "not a readable CSV (" + table.errors.front().code + " at line " +
                                   std::to_string(table.errors.front().line) +
                                   "); adressage validate without --roads shows every problem");
    }
    const Columns c(table);
    TraceCheckResult result;
    result.rows = table.rows.size();
    std::map<std::string, std::size_t> communes;
    for (const auto &row : table.rows) {
        ++communes[row_commune(c, row)];
    }
    communes.erase("");
    if (communes.size() != 1) {
        throw InputError(path, communes.empty()
                                   ? "no commune_insee nor cle_interop tells the commune; give a "
                                     "BAL file (versions 1.1 to 1.5)"
                                   : "holds " + std::to_string(communes.size()) +
                                         " communes; check one commune's rows at a time against "
                                         "its roads");
    }
    result.insee = communes.begin()->first;
    options.insee = result.insee;
    options.buildings.clear();
    check_options(options);
    if (options.data_dir.empty()) {
        options.data_dir = default_data_dir();
    }

    // The voies of the roads, as a run makes them.
    RunContext ctx(options);
    ctx.preset = preset_for(options);
    ctx.communes = formats::CommuneList::load(options.data_dir + "/cog-2026/communes.csv");
    ctx.commune = ctx.communes.find_current(options.insee);
    if (ctx.commune == nullptr) {
        throw InputError(path, "commune " + options.insee +
                                   " is not a current commune of the COG 2026; check "
                                   "commune_insee");
    }
    CommuneModel model;
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
    std::map<std::string, std::vector<VoieIdx>> by_key;
    for (VoieIdx v = 0; v < model.voies.size(); ++v) {
        model.voies[v].code.clear(); // the voie-level checks are about the roads, not the file
        by_key[names::grouping_key(model.voies[v].nom)].push_back(v);
    }
    // Measured once, before any voie is reversed (check_commune measures its own).
    std::vector<std::vector<geo::LineMeasures>> measures;
    measures.reserve(model.voies.size());
    for (const Voie &voie : model.voies) {
        measures.push_back(measure_parts(voie));
    }

    // The file's voies: rows of one name and one voie code (cle_interop tells homonyms apart;
    // a BAL 1.5 has none), each given the road voie of that name nearest to its addresses.
    struct Address {
        std::size_t row;
        int numero;
        geo::XY xy;
    };
    std::map<std::pair<std::string, std::string>, std::vector<Address>> file_voies;
    const geo::Transformer to_legal("EPSG:4326", model.crs.definition());
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto &row = table.rows[r];
        const std::optional<int> numero = parse_int(c.get(row, "numero"));
        if (numero == toponyme_numero) {
            ++result.toponymes;
            continue;
        }
        std::optional<double> x = parse_double(c.get(row, "x"));
        std::optional<double> y = parse_double(c.get(row, "y"));
        if (!x || !y) {
            const std::optional<double> lon = parse_double(c.get(row, "long"));
            const std::optional<double> lat = parse_double(c.get(row, "lat"));
            if (lon && lat) {
                geo::XY p{*lon, *lat};
                to_legal.forward(std::span(&p, 1));
                x = p.x;
                y = p.y;
            }
        }
        if (!numero || !x || !y) {
            ++result.rows_without_position;
            continue;
        }
        const auto key = formats::parse_cle_interop(c.get(row, "cle_interop"));
        file_voies[{names::grouping_key(c.get(row, "voie_nom")), key ? key->voie : ""}].push_back(
            {r, *numero, {*x, *y}});
    }
    std::map<std::tuple<VoieIdx, int, std::string>, NumeroIdx> numero_of;
    std::vector<std::size_t> row_of_position;
    for (const auto &[name_code, addresses] : file_voies) {
        const auto found = by_key.find(name_code.first);
        if (found == by_key.end()) {
            result.rows_voie_not_in_roads += addresses.size();
            continue;
        }
        VoieIdx voie = found->second.front();
        double nearest = std::numeric_limits<double>::infinity();
        for (VoieIdx v : found->second) {
            double total = 0.0;
            for (const Address &a : addresses) {
                total += locate_on(model.voies[v], measures[v], a.xy).offset;
            }
            if (total < nearest) {
                nearest = total;
                voie = v;
            }
        }
        for (const Address &a : addresses) {
            const auto key = std::tuple{voie, a.numero, c.get(table.rows[a.row], "suffixe")};
            auto it = numero_of.find(key);
            if (it == numero_of.end()) {
                it = numero_of.emplace(key, model.numeros.size()).first;
                model.numeros.push_back(Numero{voie, a.numero, 0, std::get<2>(key)});
            }
            model.positions.push_back(Position{
                it->second, position_type(c.get(table.rows[a.row], "position")), a.xy, ""});
            row_of_position.push_back(a.row);
        }
    }
    result.rows_checked = model.positions.size();

    // Each voie in the direction its numbers grow.
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

    // The run's checks, brought back to the rows they concern.
    std::map<std::tuple<int, double, double>, std::vector<std::size_t>> positions_at;
    for (std::size_t i = 0; i < model.positions.size(); ++i) {
        const Position &p = model.positions[i];
        positions_at[{model.numeros[p.numero].numero, p.xy.x, p.xy.y}].push_back(i);
    }
    for (const GeometricAlert &a : check_commune(ctx.geos, model)) {
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
            result.alerts.push_back(TraceAlert{
                r, table.row_lines[r], geometric_check_code(a.check),
                geometric_check_level(a.check), geometric_check_label(a.check), label_en(a.check),
                c.get(table.rows[r], "voie_nom"), a.numero, a.metres, a.other});
        }
    }
    std::stable_sort(result.alerts.begin(), result.alerts.end(),
                     [](const TraceAlert &a, const TraceAlert &b) { return a.row < b.row; });
    result.alerts.erase(std::unique(result.alerts.begin(), result.alerts.end(),
                                    [](const TraceAlert &a, const TraceAlert &b) {
                                        return a.row == b.row && a.code == b.code;
                                    }),
                        result.alerts.end());
    return result;
}

} // namespace adressage::pipeline
