#include "naming/building_fates.hpp"

namespace adressage::pipeline {

std::vector<BuildingFate> building_fates(const CommuneModel &model) {
    std::vector<BuildingFate> fate(model.buildings.size(), BuildingFate::annex);
    for (const Assignment &a : model.assignments) {
        fate[a.building] = BuildingFate::numbered;
    }
    for (const BuildingIdx b : model.unserved) {
        fate[b] = BuildingFate::no_road; // unless a voie à nommer or a lane serves it
    }
    for (const BuildingIdx b : model.on_lanes) {
        fate[b] = BuildingFate::lane;
    }
    for (const VoieANommer &v : model.voies_a_nommer) {
        for (const BuildingIdx b : v.buildings) {
            fate[b] = BuildingFate::waiting;
        }
    }
    return fate;
}

} // namespace adressage::pipeline
