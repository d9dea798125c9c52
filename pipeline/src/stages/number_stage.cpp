#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "adressage/formats/bal_format.hpp"
#include "adressage/names/grouping_key.hpp"
#include "stages/stages.hpp"

namespace adressage::pipeline {

namespace {

bool is_right(geo::Side side) { return side == geo::Side::right; } // `on` counts as left

// `previous`: the last numbers of the homonyms numbered before, by side; from this voie's
// origin (along 0) as for a first building.
std::vector<std::optional<int>>
number_classic(const std::vector<Assignment> &ordered, double gap,
               const std::optional<ClassicNumbering::Previous> (&homonyms)[2]) {
    std::vector<std::optional<int>> out;
    out.reserve(ordered.size());
    std::optional<ClassicNumbering::Previous> previous[2]; // left, right
    for (int side = 0; side < 2; ++side) {
        if (homonyms[side]) {
            previous[side] = ClassicNumbering::Previous{homonyms[side]->numero, 0.0};
        }
    }
    for (const Assignment &a : ordered) {
        auto &last = previous[is_right(a.side) ? 1 : 0];
        const auto n = ClassicNumbering::process_one(a.along, a.side, last, gap);
        if (n) {
            last = ClassicNumbering::Previous{*n, a.along};
        }
        out.push_back(n);
    }
    return out;
}

// The assignments per voie, from the origin outwards; equal distances by offset, then by
// source id.
std::vector<Assignment> assignments_from_origins(const CommuneModel &model) {
    std::vector<Assignment> order = model.assignments;
    std::sort(order.begin(), order.end(), [&](const Assignment &a, const Assignment &b) {
        const Building &ba = model.buildings[a.building];
        const Building &bb = model.buildings[b.building];
        return std::tie(a.voie, a.along, a.offset, ba.source, ba.fid) <
               std::tie(b.voie, b.along, b.offset, bb.source, bb.fid);
    });
    return order;
}

// The numeros given to one voie.
struct VoieNumeros {
    std::int64_t given = 0;
    std::int64_t moved = 0; // metric: numbers moved past taken ones
    int max_shift = 0;      // metric: largest move past taken numbers, in the voie's unit
};

// The numeros of voie `v` added to the model: `numbers` of its `ordered` assignments; a
// building left without a number is skipped.
VoieNumeros add_numeros(CommuneModel &model, VoieIdx v, const std::vector<Assignment> &ordered,
                        const std::vector<std::optional<int>> &numbers, Diagnostics &diag) {
    const Voie &voie = model.voies[v];
    VoieNumeros out;
    for (std::size_t i = 0; i < ordered.size(); ++i) {
        const Assignment &a = ordered[i];
        if (!numbers[i]) {
            diag.skip("number", "no_number_left_below_10000",
                      "fid " + std::to_string(model.buildings[a.building].fid));
            continue;
        }
        if (voie.numbering == NumberingMode::metric) {
            const auto own =
                MetricNumbering::process_one(a.along, a.side, {}, voie.metres_per_unit);
            if (own != numbers[i]) {
                // Its metre was taken: pushed to the next free one of its parity.
                ++out.moved;
                out.max_shift = std::max(out.max_shift, *numbers[i] - own.value_or(*numbers[i]));
            }
        }
        model.numeros.push_back(Numero{v, *numbers[i], a.building, {}});
        ++out.given;
    }
    return out;
}

// The voie's entry in the report's "numbering" section, and its counts.
nlohmann::json numbering_entry(const Voie &voie, const VoieNumeros &numeros,
                               const RunOptions &options, Diagnostics &diag) {
    const geo::XY o = voie.origin();
    nlohmann::json entry = {
        {"voie_nom", voie.nom},
        {"code", voie.code},
        {"length_m", std::round(voie.length * 10.0) / 10.0},
        {"origin", {std::round(o.x * 100.0) / 100.0, std::round(o.y * 100.0) / 100.0}},
        {"origin_rule", origin_rule_name(voie.origin_rule)},
        {"numbering", numbering_mode_name(voie.numbering)},
        {"numbering_from_voie_options", voie.numbering_from_voie_options},
        {"numeros", numeros.given}};
    if (voie.numbering == NumberingMode::metric) {
        entry["unit"] = voie.metres_per_unit == 1 ? "metre" : "decametre";
        entry["moved"] = numeros.moved;
        entry["max_move"] = numeros.max_shift;
        if (voie.metres_per_unit != 1) {
            diag.count("number", "voies_in_decametres");
        }
    } else {
        entry["classic_gaps"] = voie.classic_gaps;
        if (options.classic_gap_metres > 0.0 && !voie.classic_gaps) {
            diag.count("number", "voies_classic_gaps_dropped_above_9999");
        }
    }
    diag.count("number", std::string("voies_") + numbering_mode_name(voie.numbering));
    return entry;
}

// The report's "numbering" section.
nlohmann::json numbering_report(nlohmann::json voies_report, const RunOptions &options) {
    nlohmann::json rules = nlohmann::json::object();
    for (const nlohmann::json &entry : voies_report) {
        const std::string rule = entry["origin_rule"].get<std::string>();
        rules[rule] = rules.value(rule, 0) + 1;
    }
    return {{"mode", numbering_mode_name(options.numbering)},
            {"classic_gap_metres", options.classic_gap_metres},
            {"town_hall", options.town_hall ? nlohmann::json(option_text(options.town_hall))
                                            : nlohmann::json(nullptr)},
            {"origin_rules", rules},
            {"voies", std::move(voies_report)}};
}

} // namespace

std::vector<std::optional<int>> NumberStage::process_one(Voie &voie,
                                                         const std::vector<Assignment> &ordered,
                                                         double classic_gap_metres,
                                                         TakenByHomonyms &homonyms) {
    std::vector<std::optional<int>> out;
    if (voie.numbering == NumberingMode::classic) {
        voie.metres_per_unit = 1;
        voie.classic_gaps = classic_gap_metres > 0.0;
        out = number_classic(ordered, classic_gap_metres, homonyms.classic);
        if (voie.classic_gaps &&
            std::any_of(out.begin(), out.end(), [](const auto &n) { return !n.has_value(); })) {
            // Too many numbers left free for 1..9999: this voie is numbered without gaps.
            voie.classic_gaps = false;
            out = number_classic(ordered, 0.0, homonyms.classic);
        }
    } else {
        voie.metres_per_unit = MetricNumbering::metres_per_unit(voie.length);
        voie.classic_gaps = false;
        out.reserve(ordered.size());
        for (const Assignment &a : ordered) {
            const auto n = MetricNumbering::process_one(a.along, a.side, homonyms.metric,
                                                        voie.metres_per_unit);
            if (n) {
                homonyms.metric.insert(*n);
            }
            out.push_back(n);
        }
    }
    // Whatever the mode of the next homonym, it avoids these numbers.
    for (const std::optional<int> &n : out) {
        if (n) {
            homonyms.metric.insert(*n);
            auto &last = homonyms.classic[*n % 2 == 0 ? 1 : 0];
            if (!last || last->numero < *n) {
                last = ClassicNumbering::Previous{*n, 0.0};
            }
        }
    }
    return out;
}

void NumberStage::run(CommuneModel &model, RunContext &ctx) {
    Diagnostics &diag = ctx.diagnostics;
    const std::vector<Assignment> order = assignments_from_origins(model);
    nlohmann::json voies_report = nlohmann::json::array();
    std::map<std::pair<std::string, std::string>, TakenByHomonyms> homonyms; // name, déléguée
    int next_code = 1;
    std::int64_t moved = 0;
    auto begin = order.begin();
    for (VoieIdx v = 0; v < model.voies.size(); ++v) {
        Voie &voie = model.voies[v];
        const auto end =
            std::find_if(begin, order.end(), [v](const Assignment &a) { return a.voie != v; });
        const std::vector<Assignment> ordered(begin, end);
        begin = end;
        TakenByHomonyms &taken =
            homonyms[{names::grouping_key(voie.nom), voie.commune_deleguee_insee}];
        if (!taken.metric.empty() && !ordered.empty()) {
            diag.count("number", "voies_numbered_after_a_homonym");
        }
        const auto numbers = process_one(voie, ordered, ctx.options.classic_gap_metres, taken);
        const VoieNumeros numeros = add_numeros(model, v, ordered, numbers, diag);
        if (numeros.given == 0) {
            diag.count("number", "voies_without_numero");
            continue;
        }
        voie.code = formats::temporary_voie_code(next_code++);
        moved += numeros.moved;
        voies_report.push_back(numbering_entry(voie, numeros, ctx.options, diag));
    }
    diag.count("number", "numbered", static_cast<std::int64_t>(model.numeros.size()));
    diag.count("number", "voies_numbered", next_code - 1);
    if (moved > 0) {
        diag.count("number", "metric_numbers_moved_past_a_taken_one", moved);
    }
    ctx.results.report_sections["numbering"] =
        numbering_report(std::move(voies_report), ctx.options);
}

} // namespace adressage::pipeline
