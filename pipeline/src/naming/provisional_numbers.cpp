#include "naming/provisional_numbers.hpp"

#include <algorithm>
#include <limits>

#include "adressage/geo/geometry_ops.hpp"
#include "adressage/geo/linear_ref.hpp"
#include "stages/stages.hpp"

namespace adressage::pipeline {

namespace {

// Where the building's anchor lies along the chained voie: its nearest part.
Assignment located(const Voie &voie, BuildingIdx b, geo::XY anchor) {
    Assignment a;
    a.building = b;
    double best = std::numeric_limits<double>::infinity();
    for (std::size_t p = 0; p < voie.parts.size(); ++p) {
        if (voie.parts[p].size() < 2) {
            continue;
        }
        const geo::LinePosition at = geo::locate(voie.parts[p], anchor);
        if (at.offset < best) {
            best = at.offset;
            a.along = voie.part_start[p] + at.along;
            a.offset = at.offset;
            a.side = at.side;
            a.part = p;
        }
    }
    return a;
}

} // namespace

std::vector<std::pair<BuildingIdx, int>>
provisional_numbers(geo::GeosContext &geos, const CommuneModel &model, const VoieANommer &voie,
                    geo::XY reference, NumberingMode numbering, double classic_gap_metres) {
    std::vector<geo::Polyline> lines;
    for (const std::size_t r : voie.roads) {
        lines.push_back(model.roads[r].line);
    }
    Voie chained;
    chained.nom = voie.id;
    chain_parts(geo::line_merge(geos, lines), reference, chained);
    VoiesStage::process_one(chained, reference, false, nullptr, numbering);
    std::vector<Assignment> ordered;
    for (const BuildingIdx b : voie.buildings) {
        ordered.push_back(located(chained, b, model.buildings[b].anchor));
    }
    std::sort(ordered.begin(), ordered.end(), [](const Assignment &x, const Assignment &y) {
        return x.along != y.along ? x.along < y.along : x.building < y.building;
    });
    const auto numbers = NumberStage::process_one(chained, ordered, classic_gap_metres);
    std::vector<std::pair<BuildingIdx, int>> out;
    for (std::size_t i = 0; i < ordered.size(); ++i) {
        if (numbers[i]) {
            out.emplace_back(ordered[i].building, *numbers[i]);
        }
    }
    return out;
}

} // namespace adressage::pipeline
