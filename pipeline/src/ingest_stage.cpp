#include <string>

#include "adressage/error.hpp"
#include "adressage/geo/geometry_ops.hpp"
#include "adressage/pipeline/stages.hpp"

namespace adressage::pipeline {

namespace {

std::unique_ptr<geo::Transformer> transformer_for(const std::string& option,
                                                  const std::string& layer,
                                                  const std::string& crs_wkt,
                                                  const geo::LegalCrs& legal) {
    if (crs_wkt.empty()) {
        throw InputError(option, "layer '" + layer +
                                     "' has no coordinate reference system; assign one "
                                     "(e.g. with ogr2ogr -a_srs) and run again");
    }
    try {
        return std::make_unique<geo::Transformer>(crs_wkt, legal.definition());
    } catch (const ProjError& e) {
        throw InputError(option, std::string("cannot reproject layer '") + layer + "' to " +
                                     legal.definition() + " (" + e.what() + ")");
    }
}

std::string fid_example(std::int64_t fid) { return "fid " + std::to_string(fid); }

} // namespace

void IngestStage::process_one(const geo::Transformer& to_legal, geo::Polyline& line) {
    to_legal.forward(line);
}

void IngestStage::prepare(RunContext& ctx) {
    const RunOptions& o = ctx.options;
    const geo::LegalCrs legal = geo::legal_crs_for_insee(o.insee);
    ctx.roads = std::make_unique<formats::RoadInput>(
        "--roads", formats::parse_source_spec(o.roads), ctx.preset);
    ctx.buildings = std::make_unique<formats::PolygonInput>(
        "--buildings", formats::parse_source_spec(o.buildings), ctx.preset,
        formats::PolygonInput::Role::buildings);
    roads_to_legal_ = transformer_for("--roads " + o.roads, ctx.roads->layer_name(),
                                      ctx.roads->crs_wkt(), legal);
    buildings_to_legal_ = transformer_for("--buildings " + o.buildings,
                                          ctx.buildings->layer_name(),
                                          ctx.buildings->crs_wkt(), legal);
    if (!o.boundary.empty()) {
        ctx.boundary = std::make_unique<formats::PolygonInput>(
            "--boundary", formats::parse_source_spec(o.boundary), ctx.preset,
            formats::PolygonInput::Role::boundary);
        boundary_to_legal_ = transformer_for("--boundary " + o.boundary,
                                             ctx.boundary->layer_name(),
                                             ctx.boundary->crs_wkt(), legal);
    }
}

void IngestStage::run(CommuneModel& model, RunContext& ctx) {
    Diagnostics& diag = ctx.diagnostics;
    const formats::Preset& preset = ctx.preset;

    ctx.roads->read([&](const formats::RoadRecord& road) {
        diag.count("ingest", "roads_read");
        if (road.skip_reason != nullptr) {
            diag.skip("ingest.roads", road.skip_reason, fid_example(road.fid));
            return;
        }
        if (road.name.empty()) {
            diag.count("ingest", "roads_unnamed");
            return;
        }
        if (!preset.road_kind_field.empty() && !formats::is_road_kind(preset, road.kind)) {
            diag.count("ingest", "roads_not_addressable_kind");
            return;
        }
        if (formats::has_excluded_prefix(preset, road.name)) {
            diag.count("ingest", "roads_excluded_name");
            return;
        }
        for (const geo::Polyline& line : road.lines) {
            RoadSegment segment{road.fid, road.name, line};
            process_one(*roads_to_legal_, segment.line);
            model.roads.push_back(std::move(segment));
        }
        diag.count("ingest", "roads_kept");
    });

    auto reproject = [](const geo::Transformer& t, geo::MultiPolygon& polygons) {
        for (geo::Polygon& polygon : polygons) {
            process_one(t, polygon.outer);
            for (geo::Ring& hole : polygon.holes) {
                process_one(t, hole);
            }
        }
    };

    ctx.buildings->read([&](const formats::PolygonRecord& record) {
        diag.count("ingest", "buildings_read");
        if (record.skip_reason != nullptr) {
            diag.skip("ingest.buildings", record.skip_reason, fid_example(record.fid));
            return;
        }
        Building building{record.fid, record.polygons, {}};
        reproject(*buildings_to_legal_, building.footprint);
        try {
            if (!geo::is_valid(ctx.geos, building.footprint)) {
                building.footprint = geo::make_valid(ctx.geos, building.footprint);
                if (building.footprint.empty()) {
                    diag.skip("ingest.buildings", "invalid_geometry", fid_example(record.fid));
                    return;
                }
                diag.count("ingest", "buildings_repaired");
            }
            building.anchor = geo::point_on_surface(ctx.geos, building.footprint);
        } catch (const GeosError&) {
            diag.skip("ingest.buildings", "invalid_geometry", fid_example(record.fid));
            return;
        }
        model.buildings.push_back(std::move(building));
        diag.count("ingest", "buildings_kept");
    });

    if (ctx.boundary) {
        std::vector<geo::MultiPolygon> parts;
        ctx.boundary->read([&](const formats::PolygonRecord& record) {
            if (record.skip_reason != nullptr) {
                diag.skip("ingest.boundary", record.skip_reason, fid_example(record.fid));
                return;
            }
            parts.push_back(record.polygons);
            reproject(*boundary_to_legal_, parts.back());
        });
        if (parts.empty()) {
            throw InputError("--boundary " + ctx.options.boundary,
                             "no usable polygon in layer '" + ctx.boundary->layer_name() +
                                 "'; give the commune's boundary polygon");
        }
        // Cadastre sheets each carry the commune polygon: the union is the commune.
        model.boundary = geo::union_all(ctx.geos, parts);
        diag.count("ingest", "boundary_polygons", static_cast<std::int64_t>(parts.size()));
    }
}

} // namespace adressage::pipeline
