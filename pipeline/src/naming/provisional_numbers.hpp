#pragma once
// The numbers a voie à nommer's buildings would get once it is named, so that the council sees
// the whole plan before choosing names: the voie chained and oriented like any voie (from the
// end nearest the commune's centre or town hall), each building located on it, and numbered by
// the commune's --numbering (metric or classic, the same rules as the number stage). They go to
// the report only: no BAL row before the voie has a name.
#include <utility>
#include <vector>

#include "adressage/geo/geos_context.hpp"
#include "core/model.hpp"

namespace adressage::pipeline {

// (building, number) for the voie's buildings that get one, in order along the voie.
std::vector<std::pair<BuildingIdx, int>>
provisional_numbers(geo::GeosContext &geos, const CommuneModel &model, const VoieANommer &voie,
                    geo::XY reference, NumberingMode numbering, double classic_gap_metres);

} // namespace adressage::pipeline
