#include <algorithm>
#include <map>
#include <string>

#include "adressage/error.hpp"
#include "adressage/formats/parcel_id.hpp"
#include "adressage/geo/geometry_ops.hpp"
#include "rules/communes_deleguees.hpp"
#include "stages/stages.hpp"

namespace adressage::pipeline {

namespace {

std::unique_ptr<geo::Transformer> transformer_for(const std::string &option,
                                                  const std::string &layer,
                                                  const std::string &crs_wkt,
                                                  const geo::LegalCrs &legal) {
    if (crs_wkt.empty()) {
        throw InputError(option, "layer '" + layer +
                                     "' has no coordinate reference system; assign one "
                                     "(e.g. with ogr2ogr -a_srs) and run again");
    }
    try {
        return std::make_unique<geo::Transformer>(crs_wkt, legal.definition());
    } catch (const ProjError &e) {
        throw InputError(option, std::string("cannot reproject layer '") + layer + "' to " +
                                     legal.definition() + " (" + e.what() + ")");
    }
}

// Opens every source of one option; with several sources a source may lack the layer.
template <typename Input, typename... Args>
void open_all(const std::string &option, const std::vector<std::string> &specs,
              const geo::LegalCrs &legal, std::vector<std::unique_ptr<Input>> &inputs,
              std::vector<std::unique_ptr<geo::Transformer>> &transformers, const Args &...args) {
    const auto presence =
        specs.size() > 1 ? formats::LayerPresence::optional : formats::LayerPresence::required;
    for (const std::string &text : specs) {
        inputs.push_back(
            std::make_unique<Input>(option, formats::parse_source_spec(text), args..., presence));
        const Input &input = *inputs.back();
        transformers.push_back(
            input.present()
                ? transformer_for(option + " " + text, input.layer_name(), input.crs_wkt(), legal)
                : nullptr);
    }
}

// A spatial filter on each input: the envelope of `box` (legal CRS) in the input's own CRS.
template <typename Input>
void filter_to(std::vector<std::unique_ptr<Input>> &inputs,
               const std::vector<std::unique_ptr<geo::Transformer>> &to_legal,
               const geo::Box &box) {
    for (std::size_t s = 0; s < inputs.size(); ++s) {
        if (inputs[s]->present()) {
            inputs[s]->set_spatial_filter(
                geo::transformed_envelope(*to_legal[s], geo::Direction::inverse, box));
        }
    }
}

// Identifies a record in the report's examples.
std::string example(const std::vector<std::string> &specs, std::size_t source, std::int64_t fid) {
    std::string out = "fid " + std::to_string(fid);
    if (specs.size() > 1) {
        out += " of " + specs[source];
    }
    return out;
}

// A road or building of `layer` ("roads", "buildings") that cannot be used: in the report's
// skipped features, and in the batch's list when a batch reads its layers.
void skip_feature(RunContext &ctx, const std::string &layer, const std::vector<std::string> &specs,
                  std::size_t source, std::int64_t fid, const char *reason) {
    ctx.diagnostics.skip("ingest." + layer, reason, example(specs, source, fid));
    if (ctx.skipped_features != nullptr) {
        ctx.skipped_features->push_back(
            SkippedFeature{layer, static_cast<std::uint32_t>(source), fid, reason});
    }
}

// As many diag.count calls as `n`: nothing when none.
void count_if_any(Diagnostics &diag, std::string_view what, std::int64_t n) {
    if (n > 0) {
        diag.count("ingest", what, n);
    }
}

void reproject(const geo::Transformer &t, geo::MultiPolygon &polygons) {
    for (geo::Polygon &polygon : polygons) {
        IngestStage::process_one(t, polygon.outer);
        for (geo::Ring &hole : polygon.holes) {
            IngestStage::process_one(t, hole);
        }
    }
}

} // namespace

// Toponymes (points, or areas with a point inside) to the model; squares (areas) to the roads,
// their outer rings as closed lines named like the square, so they become voies like
// roundabouts. Places of other kinds (towns, suburbs...) are counted and left out.
void IngestStage::read_places(CommuneModel &model, RunContext &ctx) {
    Diagnostics &diag = ctx.diagnostics;
    for (std::size_t s = 0; s < ctx.places.size(); ++s) {
        if (!ctx.places[s]->present()) {
            continue;
        }
        ctx.places[s]->read([&](const formats::PlaceRecord &record) {
            diag.count("ingest", "places_read");
            const std::string where = example(ctx.options.places, s, record.fid);
            if (record.kind == formats::PlaceRecord::Kind::other) {
                diag.count("ingest", "places_other_kind");
                return;
            }
            if (record.skip_reason != nullptr) {
                diag.skip("ingest.places", record.skip_reason, where);
                return;
            }
            if (record.name.empty()) {
                diag.count("ingest", "places_unnamed");
                return;
            }
            const geo::Transformer &t = *places_to_legal_[s];
            geo::MultiPolygon area = record.polygons;
            reproject(t, area);
            if (record.kind == formats::PlaceRecord::Kind::square) {
                for (const geo::Polygon &polygon : area) {
                    // Numbered after the road sources (a batch opens none of them here).
                    model.roads.push_back(
                        RoadSegment{static_cast<std::uint32_t>(ctx.options.roads.size() + s),
                                    record.fid, record.name, polygon.outer});
                }
                diag.count("ingest", "places_squares");
                return;
            }
            Toponyme toponyme;
            toponyme.nom = record.name;
            if (!record.points.empty()) {
                geo::Polyline point = {record.points.front()};
                process_one(t, point);
                toponyme.xy = point.front();
            } else {
                try {
                    if (!geo::is_valid(ctx.geos, area)) {
                        area = geo::make_valid(ctx.geos, area);
                    }
                    if (area.empty()) {
                        diag.skip("ingest.places", "invalid_geometry", where);
                        return;
                    }
                    toponyme.xy = geo::point_on_surface(ctx.geos, area);
                } catch (const GeosError &) {
                    diag.skip("ingest.places", "invalid_geometry", where);
                    return;
                }
                toponyme.area = std::move(area);
            }
            diag.count("ingest", "places_toponymes");
            model.toponymes.push_back(std::move(toponyme));
        });
    }
}

void IngestStage::read_parcels(CommuneModel &model, RunContext &ctx) {
    Diagnostics &diag = ctx.diagnostics;
    const RunOptions &o = ctx.options;
    for (std::size_t s = 0; s < ctx.parcels.size(); ++s) {
        if (!ctx.parcels[s]->present()) {
            continue;
        }
        ctx.parcels[s]->read([&](const formats::PolygonRecord &record) {
            diag.count("ingest", "parcels_read");
            const std::string where = example(o.parcels, s, record.fid);
            if (record.skip_reason != nullptr) {
                diag.skip("ingest.parcels", record.skip_reason, where);
                return;
            }
            Parcel parcel{formats::parcel_id(record.id, o.insee), record.polygons};
            if (parcel.id.empty()) {
                diag.skip("ingest.parcels", "unrecognised_id", where + " id '" + record.id + "'");
                return;
            }
            reproject(*parcels_to_legal_[s], parcel.outline);
            try {
                if (!geo::is_valid(ctx.geos, parcel.outline)) {
                    parcel.outline = geo::make_valid(ctx.geos, parcel.outline);
                    if (parcel.outline.empty()) {
                        diag.skip("ingest.parcels", "invalid_geometry", where);
                        return;
                    }
                    diag.count("ingest", "parcels_repaired");
                }
            } catch (const GeosError &) {
                diag.skip("ingest.parcels", "invalid_geometry", where);
                return;
            }
            model.parcels.push_back(std::move(parcel));
        });
    }
    if (!ctx.parcels.empty()) {
        diag.count("ingest", "parcels_kept", static_cast<std::int64_t>(model.parcels.size()));
    }
}

void IngestStage::process_one(const geo::Transformer &to_legal, geo::Polyline &line) {
    to_legal.forward(line);
}

void IngestStage::prepare(RunContext &ctx) {
    const RunOptions &o = ctx.options;
    const geo::LegalCrs legal = geo::legal_crs_for_insee(o.insee);
    if (ctx.preloaded != nullptr) {
        // A batch gives the roads, buildings and boundary; the parcels and places are read
        // here, in the box of the commune's boundary.
        open_all("--parcels", o.parcels, legal, ctx.parcels, parcels_to_legal_, ctx.preset,
                 formats::PolygonInput::Role::parcels);
        open_all("--places", o.places, legal, ctx.places, places_to_legal_, ctx.preset);
        // A batch's areas of communes déléguées serve the communes that have some.
        if (!ctx.cog().communes_deleguees_of(o.insee).empty()) {
            open_all("--communes-deleguees", o.communes_deleguees, legal, ctx.communes_deleguees,
                     deleguees_to_legal_, ctx.preset,
                     formats::PolygonInput::Role::communes_deleguees);
        }
        return;
    }
    open_all("--roads", o.roads, legal, ctx.roads, roads_to_legal_, ctx.preset);
    open_all("--buildings", o.buildings, legal, ctx.buildings, buildings_to_legal_, ctx.preset,
             formats::PolygonInput::Role::buildings);
    open_all("--boundary", o.boundary, legal, ctx.boundary, boundary_to_legal_, ctx.preset,
             formats::PolygonInput::Role::boundary);
    open_all("--parcels", o.parcels, legal, ctx.parcels, parcels_to_legal_, ctx.preset,
             formats::PolygonInput::Role::parcels);
    open_all("--places", o.places, legal, ctx.places, places_to_legal_, ctx.preset);
    open_all("--communes-deleguees", o.communes_deleguees, legal, ctx.communes_deleguees,
             deleguees_to_legal_, ctx.preset, formats::PolygonInput::Role::communes_deleguees);
}

void IngestStage::read_communes_deleguees(CommuneModel &model, RunContext &ctx) {
    if (ctx.communes_deleguees.empty()) {
        return;
    }
    Diagnostics &diag = ctx.diagnostics;
    const RunOptions &o = ctx.options;
    const std::string option = "--communes-deleguees " + o.communes_deleguees.front();
    const auto cog = ctx.cog().communes_deleguees_of(o.insee);
    if (cog.empty()) {
        throw InputError(option, "commune " + o.insee + " (" + model.nom +
                                     ") has no commune déléguée in the COG 2026; leave "
                                     "--communes-deleguees out");
    }
    std::string expected;
    for (const formats::CogDeleguee &d : cog) {
        expected.append(expected.empty() ? "" : ", ").append(d.code + " " + d.nom);
    }
    std::map<std::string, std::vector<geo::MultiPolygon>> areas; // by code
    for (std::size_t s = 0; s < ctx.communes_deleguees.size(); ++s) {
        if (!ctx.communes_deleguees[s]->present()) {
            continue;
        }
        ctx.communes_deleguees[s]->read([&](const formats::PolygonRecord &record) {
            diag.count("ingest", "commune_deleguee_areas_read");
            const std::string where = example(o.communes_deleguees, s, record.fid);
            if (record.skip_reason != nullptr) {
                diag.skip("ingest.communes_deleguees", record.skip_reason, where);
                return;
            }
            const std::string code = commune_deleguee_code(o.insee, record.id);
            const bool known =
                std::any_of(cog.begin(), cog.end(), [&](const auto &d) { return d.code == code; });
            if (!known) { // e.g. a département-wide layer: the other communes' areas
                diag.skip("ingest.communes_deleguees", "not_a_commune_deleguee_of_" + o.insee,
                          where + " code '" + record.id + "'");
                return;
            }
            geo::MultiPolygon area = record.polygons;
            reproject(*deleguees_to_legal_[s], area);
            areas[code].push_back(std::move(area));
        });
    }
    if (areas.empty()) {
        throw InputError(option, "no area of a commune déléguée of " + o.insee + " (" + expected +
                                     "); give the areas of this commune's communes déléguées");
    }
    for (const formats::CogDeleguee &d : cog) {
        const auto it = areas.find(d.code);
        if (it == areas.end()) {
            diag.skip("ingest.communes_deleguees", "commune_deleguee_without_area",
                      d.code + " " + d.nom);
            continue;
        }
        model.communes_deleguees.push_back({d.code, d.nom, geo::union_all(ctx.geos, it->second)});
    }
    diag.count("ingest", "communes_deleguees",
               static_cast<std::int64_t>(model.communes_deleguees.size()));
}

void IngestStage::take_preloaded(CommuneInputs &given, CommuneModel &model, RunContext &ctx) {
    Diagnostics &diag = ctx.diagnostics;
    model.roads = std::move(given.roads);
    model.buildings = std::move(given.buildings);
    model.boundary = std::move(given.boundary);
    diag.count("ingest", "roads_kept", static_cast<std::int64_t>(model.roads.size()));
    diag.count("ingest", "buildings_read", static_cast<std::int64_t>(model.buildings.size()));
    diag.count("ingest", "buildings_kept", static_cast<std::int64_t>(model.buildings.size()));
    if (model.boundary) {
        diag.count("ingest", "boundary_polygons", given.boundary_parts);
        if (given.boundary_repaired > 0) {
            diag.count("ingest", "boundary_polygons_repaired", given.boundary_repaired);
        }
    }
    if (model.boundary) {
        const geo::Box box = geo::outer_box(*model.boundary);
        filter_to(ctx.parcels, parcels_to_legal_, box);
        filter_to(ctx.communes_deleguees, deleguees_to_legal_, box);
        filter_to(ctx.places, places_to_legal_, box);
    }
}

void IngestStage::read_roads(CommuneModel &model, RunContext &ctx) {
    Diagnostics &diag = ctx.diagnostics;
    const formats::Preset &preset = ctx.preset;
    const RunOptions &o = ctx.options;
    for (std::size_t s = 0; s < ctx.roads.size(); ++s) {
        if (!ctx.roads[s]->present()) {
            diag.count("ingest", "road_sources_without_layer");
            continue;
        }
        // Counted here, added once: a map lookup per feature was 1 % of a batch.
        std::int64_t read = 0;
        std::int64_t kept = 0;
        std::int64_t unnamed = 0;
        ctx.roads[s]->read([&](formats::RoadRecord &road) {
            ++read;
            if (road.skip_reason != nullptr) {
                skip_feature(ctx, "roads", o.roads, s, road.fid, road.skip_reason);
                return;
            }
            bool access_only = false; // a footway: named only as a building's sole access
            if (road.name.empty()) {
                diag.count("ingest", "roads_unnamed");
                if (!formats::is_naming_kind(preset, road.kind)) {
                    if (preset.road_kind_field.empty() ||
                        !formats::is_road_kind(preset, road.kind)) {
                        return;
                    }
                    access_only = true;
                }
                ++unnamed; // kept for the voies à nommer (naming/)
            } else if (!preset.road_kind_field.empty() &&
                       !formats::is_road_kind(preset, road.kind)) {
                diag.count("ingest", "roads_not_addressable_kind");
                return;
            }
            if (!road.name.empty() && formats::has_excluded_prefix(preset, road.name)) {
                diag.count("ingest", "roads_excluded_name");
                return;
            }
            for (geo::Polyline &line : road.lines) {
                RoadSegment segment{static_cast<std::uint32_t>(s), road.fid, road.name,
                                    std::move(line), road.kind};
                segment.access_only = access_only;
                process_one(*roads_to_legal_[s], segment.line);
                model.roads.push_back(std::move(segment));
            }
            kept += road.name.empty() ? 0 : 1;
        });
        count_if_any(diag, "roads_read", read);
        count_if_any(diag, "roads_kept", kept);
        count_if_any(diag, "roads_unnamed_kept", unnamed);
    }
}

void IngestStage::read_buildings(CommuneModel &model, RunContext &ctx) {
    Diagnostics &diag = ctx.diagnostics;
    const RunOptions &o = ctx.options;
    for (std::size_t s = 0; s < ctx.buildings.size(); ++s) {
        if (!ctx.buildings[s]->present()) {
            diag.count("ingest", "building_sources_without_layer");
            continue;
        }
        std::int64_t read = 0;
        std::int64_t kept = 0;
        ctx.buildings[s]->read([&](formats::PolygonRecord &record) {
            ++read;
            if (record.skip_reason != nullptr) {
                skip_feature(ctx, "buildings", o.buildings, s, record.fid, record.skip_reason);
                model.buildings_set_aside.push_back(
                    {static_cast<std::uint32_t>(s), record.fid, record.skip_reason, {}});
                return;
            }
            Building building{
                static_cast<std::uint32_t>(s), record.fid, std::move(record.polygons), {}};
            reproject(*buildings_to_legal_[s], building.footprint);
            try {
                if (!geo::is_valid(ctx.geos, building.footprint)) {
                    geo::MultiPolygon valid = geo::make_valid(ctx.geos, building.footprint);
                    if (valid.empty()) {
                        skip_feature(ctx, "buildings", o.buildings, s, record.fid,
                                     "invalid_geometry");
                        model.buildings_set_aside.push_back({building.source, building.fid,
                                                             "invalid_geometry",
                                                             std::move(building.footprint)});
                        return;
                    }
                    building.footprint = std::move(valid);
                    diag.count("ingest", "buildings_repaired");
                }
                building.anchor = geo::point_on_surface(ctx.geos, building.footprint);
            } catch (const GeosError &) {
                skip_feature(ctx, "buildings", o.buildings, s, record.fid, "invalid_geometry");
                model.buildings_set_aside.push_back({building.source, building.fid,
                                                     "invalid_geometry",
                                                     std::move(building.footprint)});
                return;
            }
            model.buildings.push_back(std::move(building));
            ++kept;
        });
        count_if_any(diag, "buildings_read", read);
        count_if_any(diag, "buildings_kept", kept);
    }
}

void IngestStage::read_boundary(CommuneModel &model, RunContext &ctx) {
    if (ctx.boundary.empty()) {
        return;
    }
    Diagnostics &diag = ctx.diagnostics;
    const RunOptions &o = ctx.options;
    std::vector<geo::MultiPolygon> parts;
    for (std::size_t s = 0; s < ctx.boundary.size(); ++s) {
        if (!ctx.boundary[s]->present()) {
            continue;
        }
        ctx.boundary[s]->read([&](const formats::PolygonRecord &record) {
            if (record.skip_reason != nullptr) {
                diag.skip("ingest.boundary", record.skip_reason,
                          example(o.boundary, s, record.fid));
                return;
            }
            parts.push_back(record.polygons);
            reproject(*boundary_to_legal_[s], parts.back());
        });
    }
    if (parts.empty()) {
        throw InputError("--boundary " + o.boundary.front(),
                         "no usable polygon in the boundary source; give the commune's "
                         "boundary polygon, or leave --boundary out");
    }
    // Cadastre sheets each carry the commune polygon: the union is the commune.
    std::int64_t repaired = 0;
    model.boundary = geo::union_all(ctx.geos, parts, &repaired);
    diag.count("ingest", "boundary_polygons", static_cast<std::int64_t>(parts.size()));
    if (repaired > 0) {
        diag.count("ingest", "boundary_polygons_repaired", repaired);
    }
}

void IngestStage::run(CommuneModel &model, RunContext &ctx) {
    if (CommuneInputs *given = ctx.preloaded) {
        // Read, filtered, reprojected and repaired by the batch, as below.
        take_preloaded(*given, model, ctx);
        read_parcels(model, ctx);
        read_places(model, ctx);
        read_communes_deleguees(model, ctx);
        return;
    }
    read_roads(model, ctx);
    read_buildings(model, ctx);
    read_parcels(model, ctx);
    read_places(model, ctx);
    read_communes_deleguees(model, ctx);
    read_boundary(model, ctx);
}

} // namespace adressage::pipeline
