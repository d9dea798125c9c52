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
    // Per voie, from the origin outwards; equal distances by offset, then by source id.
    std::vector<Assignment> order = model.assignments;
    std::sort(order.begin(), order.end(), [&](const Assignment &a, const Assignment &b) {
        const Building &ba = model.buildings[a.building];
        const Building &bb = model.buildings[b.building];
        return std::tie(a.voie, a.along, a.offset, ba.source, ba.fid) <
               std::tie(b.voie, b.along, b.offset, bb.source, bb.fid);
    });

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
        std::int64_t given = 0;
        std::int64_t voie_moved = 0;
        int max_shift = 0; // metric: largest move past taken numbers, in the voie's unit
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
                    ++voie_moved;
                    max_shift = std::max(max_shift, *numbers[i] - own.value_or(*numbers[i]));
                }
            }
            model.numeros.push_back(Numero{v, *numbers[i], a.building, {}});
            ++given;
        }
        if (given > 0) {
            voie.code = formats::temporary_voie_code(next_code++);
            const geo::XY o = voie.origin();
            nlohmann::json entry = {
                {"voie_nom", voie.nom},
                {"code", voie.code},
                {"length_m", std::round(voie.length * 10.0) / 10.0},
                {"origin", {std::round(o.x * 100.0) / 100.0, std::round(o.y * 100.0) / 100.0}},
                {"origin_rule", origin_rule_name(voie.origin_rule)},
                {"numbering", numbering_mode_name(voie.numbering)},
                {"numbering_from_voie_options", voie.numbering_from_voie_options},
                {"numeros", given}};
            if (voie.numbering == NumberingMode::metric) {
                entry["unit"] = voie.metres_per_unit == 1 ? "metre" : "decametre";
                entry["moved"] = voie_moved;
                entry["max_move"] = max_shift;
                moved += voie_moved;
                if (voie.metres_per_unit != 1) {
                    diag.count("number", "voies_in_decametres");
                }
            } else {
                entry["classic_gaps"] = voie.classic_gaps;
                if (ctx.options.classic_gap_metres > 0.0 && !voie.classic_gaps) {
                    diag.count("number", "voies_classic_gaps_dropped_above_9999");
                }
            }
            diag.count("number", std::string("voies_") + numbering_mode_name(voie.numbering));
            voies_report.push_back(std::move(entry));
        } else {
            diag.count("number", "voies_without_numero");
        }
    }
    diag.count("number", "numbered", static_cast<std::int64_t>(model.numeros.size()));
    diag.count("number", "voies_numbered", next_code - 1);
    if (moved > 0) {
        diag.count("number", "metric_numbers_moved_past_a_taken_one", moved);
    }
    nlohmann::json rules = nlohmann::json::object();
    for (const nlohmann::json &entry : voies_report) {
        const std::string rule = entry["origin_rule"].get<std::string>();
        rules[rule] = rules.value(rule, 0) + 1;
    }
    ctx.report_sections["numbering"] = {{"mode", numbering_mode_name(numbering_mode(ctx.options))},
                                        {"classic_gap_metres", ctx.options.classic_gap_metres},
                                        {"town_hall", ctx.options.town_hall.empty()
                                                          ? nlohmann::json(nullptr)
                                                          : nlohmann::json(ctx.options.town_hall)},
                                        {"origin_rules", rules},
                                        {"voies", voies_report}};
}

} // namespace adressage::pipeline
