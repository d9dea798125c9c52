#include <cmath>

#include "adressage/geo/nearest_line_index.hpp"
#include "adressage/pipeline/stages.hpp"

namespace adressage::pipeline {

void AssignStage::run(CommuneModel &model, RunContext &ctx) {
    Diagnostics &diag = ctx.diagnostics;
    // One index entry per voie part, mapped back to (voie, part).
    std::vector<geo::Polyline> lines;
    std::vector<std::pair<VoieIdx, std::size_t>> owner;
    for (VoieIdx v = 0; v < model.voies.size(); ++v) {
        for (std::size_t p = 0; p < model.voies[v].parts.size(); ++p) {
            lines.push_back(model.voies[v].parts[p]);
            owner.emplace_back(v, p);
        }
    }
    const geo::NearestLineIndex index(ctx.geos, lines);
    const std::string too_far =
        "no_voie_within_" + std::to_string(std::lround(ctx.options.max_distance)) + "m";
    for (BuildingIdx b = 0; b < model.buildings.size(); ++b) {
        const Building &building = model.buildings[b];
        const auto hit = index.nearest(building.anchor, ctx.options.max_distance);
        if (!hit) {
            diag.skip("assign", too_far, "fid " + std::to_string(building.fid));
            continue;
        }
        const auto [v, p] = owner[hit->index];
        const Voie &voie = model.voies[v];
        const geo::LinePosition at = geo::locate(voie.parts[p], building.anchor);
        model.assignments.push_back(
            Assignment{b, v, voie.part_start[p] + at.along, at.offset, at.side});
    }
    diag.count("assign", "buildings_assigned", static_cast<std::int64_t>(model.assignments.size()));
}

} // namespace adressage::pipeline
