#include <algorithm>

#include "adressage/geo/geometry_ops.hpp"
#include "checks/commune_extent.hpp"
#include "stages/stages.hpp"

namespace adressage::pipeline {

namespace {
constexpr double min_piece_length = 1.0; // metres; shorter slivers at the boundary are noise

void count_road_pieces(Diagnostics &diag, const std::vector<RoadSegment> &roads) {
    const auto unnamed = static_cast<std::int64_t>(std::count_if(
        roads.begin(), roads.end(), [](const RoadSegment &r) { return r.name.empty(); }));
    diag.count("clip", "road_pieces_inside", static_cast<std::int64_t>(roads.size()) - unnamed);
    if (unnamed > 0) {
        diag.count("clip", "unnamed_road_pieces_inside", unnamed);
    }
}
} // namespace

void ClipStage::run(CommuneModel &model, RunContext &ctx) {
    check_commune_extent(model, ctx);
    Diagnostics &diag = ctx.diagnostics;
    if (!model.boundary) {
        // Without a boundary everything is kept; the centre is the middle of the buildings.
        geo::Box box;
        for (const Building &b : model.buildings) {
            box.extend(b.anchor);
        }
        for (const RoadSegment &r : model.roads) {
            box.extend(geo::box_of(r.line));
        }
        if (!box.empty()) {
            model.centre = {(box.min_x + box.max_x) / 2, (box.min_y + box.max_y) / 2};
        }
        diag.count("clip", "no_boundary");
        diag.count("clip", "buildings_inside", static_cast<std::int64_t>(model.buildings.size()));
        count_road_pieces(diag, model.roads);
        return;
    }
    model.centre = geo::centroid(ctx.geos, *model.boundary);
    const geo::PreparedArea area(ctx.geos, *model.boundary);

    std::vector<RoadSegment> roads;
    for (RoadSegment &road : model.roads) {
        for (geo::Polyline &piece : area.clip(road.line)) {
            if (geo::length(piece) >= min_piece_length) {
                roads.push_back(RoadSegment{road.source, road.fid, road.name, std::move(piece),
                                            road.kind, road.hint});
            }
        }
    }
    model.roads = std::move(roads);

    if (ctx.preloaded != nullptr && ctx.preloaded->buildings_inside_boundary) {
        diag.count("clip", "buildings_inside", static_cast<std::int64_t>(model.buildings.size()));
        count_road_pieces(diag, model.roads);
        return;
    }
    std::vector<Building> buildings;
    for (Building &building : model.buildings) {
        if (area.contains(building.anchor)) {
            buildings.push_back(std::move(building));
        } else {
            diag.skip("clip.buildings", "outside_commune", "fid " + std::to_string(building.fid));
            model.buildings_set_aside.push_back(
                {building.source, building.fid, "outside_commune", std::move(building.footprint)});
        }
    }
    model.buildings = std::move(buildings);
    diag.count("clip", "buildings_inside", static_cast<std::int64_t>(model.buildings.size()));
    count_road_pieces(diag, model.roads);
}

} // namespace adressage::pipeline
