#include <algorithm>
#include <cmath>

#include "rules/assigner.hpp"
#include "stages/stages.hpp"

namespace adressage::pipeline {

namespace {
constexpr std::size_t max_listed_ambiguous = 50; // in the report; all are counted

double round1(double v) { return std::round(v * 10.0) / 10.0; }
} // namespace

void AssignStage::run(CommuneModel &model, RunContext &ctx) {
    Diagnostics &diag = ctx.diagnostics;
    const RunOptions &o = ctx.options;
    AssignRules rules;
    rules.max_distance = o.max_distance;
    rules.min_building_area = o.min_building_area;
    rules.ambiguity_ratio = o.ambiguity_ratio;
    Assigner assigner(ctx.geos, model, rules);

    std::vector<AssignDecision> decisions(model.buildings.size());
    for (BuildingIdx b : assigner.order()) {
        decisions[b] = assigner.decide(b);
    }

    const std::string too_far =
        "no_voie_within_" + std::to_string(std::lround(o.max_distance)) + "m";
    std::int64_t by_parcel = 0;
    std::int64_t parcel_overrode = 0;
    std::int64_t ambiguous = 0;
    std::int64_t annexes_small = 0;
    std::int64_t annexes_attached = 0;
    std::int64_t buildings_on_parcels = 0;
    nlohmann::json listed = nlohmann::json::array();
    for (BuildingIdx b = 0; b < model.buildings.size(); ++b) {
        const AssignDecision &d = decisions[b];
        const std::string id = "fid " + std::to_string(model.buildings[b].fid);
        buildings_on_parcels += assigner.parcel_of(b) ? 1 : 0;
        switch (d.outcome) {
        case AssignOutcome::assigned:
            break;
        case AssignOutcome::no_voie_near:
            diag.skip("assign", too_far, id);
            model.unserved.push_back(b);
            continue;
        case AssignOutcome::annex_small:
            ++annexes_small;
            diag.skip("assign", outcome_name(d.outcome), id);
            continue;
        case AssignOutcome::annex_attached:
            ++annexes_attached;
            diag.skip("assign", outcome_name(d.outcome), id);
            continue;
        case AssignOutcome::no_voie_in_sight:
            diag.skip("assign", outcome_name(d.outcome), id);
            model.unserved.push_back(b);
            continue;
        }
        model.assignments.push_back(d.assignment);
        by_parcel += d.by_parcel ? 1 : 0;
        parcel_overrode += d.parcel_overrode_nearest ? 1 : 0;
        if (d.ambiguous()) {
            ++ambiguous;
            if (listed.size() < max_listed_ambiguous) {
                listed.push_back({{"building", id},
                                  {"voie", model.voies[d.assignment.voie].nom},
                                  {"distance_m", round1(d.assignment.offset)},
                                  {"other_voie", model.voies[*d.rival].nom},
                                  {"other_distance_m", round1(d.rival_distance)},
                                  {"by_parcel", d.by_parcel}});
            }
        }
    }
    const auto assigned = static_cast<std::int64_t>(model.assignments.size());
    diag.count("assign", "buildings_assigned", assigned);
    diag.count("assign", "ambiguous", ambiguous);
    ctx.results.report_sections["assignment"] = {
        {"rules",
         {{"max_distance_m", rules.max_distance},
          {"min_building_area_m2", rules.min_building_area},
          {"ambiguity_ratio", rules.ambiguity_ratio},
          {"parcel_frontage_m", rules.frontage_distance},
          {"parcels", !model.parcels.empty()}}},
        {"buildings_assigned", assigned},
        {"annexes_skipped", annexes_small + annexes_attached},
        {"annexes_small", annexes_small},
        {"annexes_attached", annexes_attached},
        {"no_voie_in_sight", diag.skipped("assign", "no_voie_in_sight")},
        {"buildings_on_parcels", buildings_on_parcels},
        {"voie_from_parcel_frontage", by_parcel},
        {"parcel_frontage_not_nearest", parcel_overrode},
        {"ambiguous", ambiguous},
        {"ambiguous_listed", listed}};
}

} // namespace adressage::pipeline
