#pragma once
// A commune's inputs already read, reprojected to its legal CRS and cut out of larger layers
// (a batch reads a département's layers once and splits them by commune). Given to the runner,
// they replace the reading of --roads, --buildings and --boundary; every later stage is the same
// as in `adressage run`.
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/model.hpp"

namespace adressage::pipeline {

struct CommuneInputs {
    // As the ingest stage leaves them: named, addressable road segments and valid building
    // footprints with their anchors, in source order.
    std::vector<RoadSegment> roads;
    std::vector<Building> buildings;
    std::optional<geo::MultiPolygon> boundary; // the union of the commune's boundary parts
    std::int64_t boundary_parts = 0;
    std::int64_t boundary_repaired = 0; // parts that were not valid polygons (geo::union_all)
    // Every building's anchor was found inside `boundary` by the same test as the clip stage's
    // (BatchLayers::take and split): the clip stage does not test them again.
    bool buildings_inside_boundary = false;
    nlohmann::json description = nlohmann::json::object(); // the report's "inputs"
};

} // namespace adressage::pipeline
