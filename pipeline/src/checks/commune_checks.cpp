#include "checks/commune_checks.hpp"

#include <algorithm>
#include <cmath>

namespace adressage::pipeline {

CommuneChecks::CommuneChecks(geo::GeosContext &geos, const CommuneModel &model,
                             const GeometricCheckOptions &options)
    : geos(geos), model(model), options(options) {
    std::vector<std::vector<geo::LineMeasures>> measures;
    measures.reserve(model.voies.size());
    for (const Voie &voie : model.voies) {
        measures.push_back(measure_parts(voie));
    }
    // A position at its building's anchor, on the voie of one part the building was assigned
    // to, was located there by the assignment: the same geo::locate on the same part (its reach
    // only spares segments that cannot hold the foot).
    // (A hand-made model may assign buildings it does not hold.)
    std::size_t assigned_buildings = model.buildings.size();
    for (const Assignment &a : model.assignments) {
        assigned_buildings = std::max(assigned_buildings, a.building + 1);
    }
    assignment_of_.assign(assigned_buildings, nullptr);
    for (const Assignment &a : model.assignments) {
        assignment_of_[a.building] = &a;
    }
    located.resize(model.positions.size());
    for (std::size_t i = 0; i < model.positions.size(); ++i) {
        const Position &p = model.positions[i];
        const Numero &numero = model.numeros[p.numero];
        const VoieIdx v = numero.voie;
        const Assignment *a = assignment(numero.building);
        if (a != nullptr && a->voie == v && model.voies[v].parts.size() == 1 &&
            numero.building < model.buildings.size() &&
            p.xy == model.buildings[numero.building].anchor) {
            located[i] = {a->along, a->offset, a->side};
            continue;
        }
        located[i] = locate_on(model.voies[v], measures[v], p.xy);
    }
}

void CommuneChecks::alert(GeometricCheck check, const Numero *numero, geo::XY xy, double metres,
                          std::string other, const std::string &voie_nom) {
    alerts.push_back({check, voie_nom, numero != nullptr ? numero->numero : 0, xy,
                      std::round(metres * 100.0) / 100.0, std::move(other)});
}

} // namespace adressage::pipeline
