#include "batch/batch_review.hpp"

#include <filesystem>
#include <map>
#include <memory>

#include "adressage/error.hpp"
#include "adressage/geo/transformer.hpp"
#include "review/review_stage.hpp"

namespace adressage::pipeline {

namespace {

// A commune's boundary parts in EPSG:4326 (lon, lat): drawn, not measured, so not merged.
geo::MultiPolygon boundary_lonlat(const BoundaryLayer &layer, const std::string &insee,
                                  std::map<std::size_t, std::unique_ptr<geo::Transformer>> &to) {
    geo::MultiPolygon out;
    const auto found = layer.by_insee.find(insee);
    if (found == layer.by_insee.end()) {
        return out;
    }
    for (const BoundaryLayer::Part &part : found->second) {
        auto &t = to[part.source];
        if (!t) {
            t = std::make_unique<geo::Transformer>(layer.sources[part.source].crs_wkt,
                                                   "EPSG:4326");
        }
        for (geo::Polygon polygon : part.polygons) {
            t->forward(polygon.outer);
            for (geo::Ring &hole : polygon.holes) {
                t->forward(hole);
            }
            out.push_back(std::move(polygon));
        }
    }
    return out;
}

geo::FieldValue text_or_null(const std::string &s) {
    return s.empty() ? geo::FieldValue{} : geo::FieldValue{s};
}

} // namespace

geo::OutputLayer communes_layer(const BatchRun &run) {
    using geo::FieldType;
    geo::OutputLayer layer{"communes", geo::LayerGeometry::multipolygon, {}, {}, {}};
    layer.description = "Les communes du lot : ce qui a été fait et ce qui reste à décider";
    layer.fields = {{"insee", FieldType::text},
                    {"nom", FieldType::text},
                    {"status", FieldType::text},
                    {"buildings_read", FieldType::integer},
                    {"buildings_numbered", FieldType::integer},
                    {"buildings_without_address", FieldType::integer},
                    {"buildings_waiting_for_a_name", FieldType::integer},
                    {"buildings_on_short_lanes", FieldType::integer},
                    {"buildings_without_road", FieldType::integer},
                    {"buildings_annexes", FieldType::integer},
                    {"ambiguous", FieldType::integer},
                    {"voies_numbered", FieldType::integer},
                    {"voies_a_nommer", FieldType::integer},
                    {"rows", FieldType::integer},
                    {"validation", FieldType::text},
                    {"alerts_E", FieldType::integer},
                    {"alerts_W", FieldType::integer},
                    {"alerts_I", FieldType::integer},
                    {"geometric_alerts_W", FieldType::integer},
                    {"geometric_alerts_I", FieldType::integer},
                    {"preflight", FieldType::text},
                    {"reason", FieldType::text}};
    std::map<std::size_t, std::unique_ptr<geo::Transformer>> to_lonlat; // by boundary source
    for (const Outcome &o : run.outcomes) {
        geo::OutputFeature f;
        f.values = {o.insee,
                    o.nom,
                    o.status,
                    o.buildings_read,
                    o.buildings_numbered,
                    o.buildings_waiting_for_a_name + o.buildings_on_short_lanes +
                        o.buildings_without_road,
                    o.buildings_waiting_for_a_name,
                    o.buildings_on_short_lanes,
                    o.buildings_without_road,
                    o.buildings_annexes,
                    o.ambiguous,
                    o.voies_numbered,
                    o.voies_a_nommer,
                    o.rows,
                    text_or_null(o.validation),
                    o.alerts_e,
                    o.alerts_w,
                    o.alerts_i,
                    o.geometric_alerts_w,
                    o.geometric_alerts_i,
                    text_or_null(o.preflight),
                    text_or_null(o.reason)};
        f.polygons = boundary_lonlat(run.boundaries, o.insee, to_lonlat);
        layer.features.push_back(std::move(f));
    }
    return layer;
}

std::string write_batch_review(const BatchRun &run) {
    const std::string name = "batch-review" + run.suffix + ".gpkg";
    const std::filesystem::path path = run.out / name;
    const std::filesystem::path partial = run.out / (".batch-review" + run.suffix + "-partial.gpkg");
    const std::string timestamp = run.options.run.date + "T00:00:00.000Z";
    try {
        std::vector<geo::OutputLayer> layers = {communes_layer(run)};
        layers.push_back(ReviewStage::styles_layer(layers, {run.dashboard_style}, timestamp));
        geo::write_geopackage(partial.string(), 4326, layers, timestamp);
        std::filesystem::rename(partial, path);
    } catch (const std::exception &e) {
        std::error_code ec;
        std::filesystem::remove(partial, ec);
        throw InputError("--out " + run.out.string(),
                         "cannot write " + name + " (" + e.what() +
                             "); free some space or choose a writable folder");
    }
    return path.string();
}

} // namespace adressage::pipeline
