#pragma once
// What became of each building of the commune, once the naming stage ran: the report's lists of
// buildings without an address (naming_stage.cpp) and the review's batiments layer say the same.
#include <vector>

#include "core/model.hpp"

namespace adressage::pipeline {

enum class BuildingFate : char {
    annex,    // smaller than --min-building-area, or attached to a numbered building
    numbered, // assigned to a named voie
    no_road,  // no road within --max-distance
    lane,     // on a lane below --naming-min-buildings
    waiting,  // on a voie à nommer, waiting for its name
};

// Parallel to model.buildings.
std::vector<BuildingFate> building_fates(const CommuneModel &model);

} // namespace adressage::pipeline
