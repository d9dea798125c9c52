#include "batch/batch_review.hpp"

#include <filesystem>
#include <map>
#include <memory>

#include "adressage/error.hpp"
#include "adressage/geo/transformer.hpp"
#include "adressage/geo/vector_reader.hpp"
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
            t = std::make_unique<geo::Transformer>(layer.sources[part.source].crs_wkt, "EPSG:4326");
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

constexpr const char *description =
    "Les communes du lot : ce qui a été fait et ce qui reste à décider";

} // namespace

std::vector<geo::FieldDef> communes_fields() {
    using geo::FieldType;
    return {{"insee", FieldType::text},
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
}

geo::OutputLayer communes_layer(const BatchRun &run) {
    geo::OutputLayer layer{"communes", geo::LayerGeometry::multipolygon, communes_fields(), {}, {}};
    layer.description = description;
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
                    geo::text_or_null(o.validation),
                    o.alerts_e,
                    o.alerts_w,
                    o.alerts_i,
                    o.geometric_alerts_w,
                    o.geometric_alerts_i,
                    geo::text_or_null(o.preflight),
                    geo::text_or_null(o.reason)};
        f.polygons = boundary_lonlat(run.boundaries, o.insee, to_lonlat);
        layer.features.push_back(std::move(f));
    }
    return layer;
}

namespace {

// `layer` and its style to <out>/batch-review<suffix>.gpkg through a temporary name.
std::string write_dashboard(const std::filesystem::path &out, const std::string &suffix,
                            geo::OutputLayer layer, const std::string &style,
                            const std::string &date) {
    const std::string name = "batch-review" + suffix + ".gpkg";
    const std::filesystem::path path = out / name;
    const std::string timestamp = date + "T00:00:00.000Z";
    try {
        std::vector<geo::OutputLayer> layers;
        layers.push_back(std::move(layer));
        layers.push_back(ReviewStage::styles_layer(layers, {style}, timestamp));
        geo::write_geopackage(path.string(), 4326, layers, timestamp);
    } catch (const std::exception &e) {
        throw InputError(out.string(), "cannot write " + name + " (" + e.what() +
                                           "); free some space or choose a writable folder");
    }
    return path.string();
}

// A value read back as text, as the field's type.
geo::FieldValue typed(const std::string &text, geo::FieldType type) {
    if (text.empty()) {
        return {};
    }
    if (type == geo::FieldType::integer) {
        return static_cast<std::int64_t>(std::stoll(text));
    }
    return text;
}

} // namespace

std::string write_batch_review(const BatchRun &run) {
    return write_dashboard(run.out, run.suffix, communes_layer(run), run.dashboard_style,
                           run.options.run.date);
}

std::string merge_batch_reviews(const std::filesystem::path &out,
                                const std::vector<std::filesystem::path> &shards,
                                const std::string &style, const std::string &date) {
    geo::OutputLayer layer{"communes", geo::LayerGeometry::multipolygon, communes_fields(), {}, {}};
    layer.description = description;
    std::vector<std::string> names;
    for (const geo::FieldDef &f : layer.fields) {
        names.push_back(f.name);
    }
    std::map<std::string, geo::OutputFeature> by_insee;
    for (const std::filesystem::path &shard : shards) {
        try {
            geo::VectorLayer communes = geo::VectorDataset::open(shard.string()).layer("communes");
            communes.for_each(names, geo::GeometryKind::polygon, [&](geo::FeatureRecord &r) {
                geo::OutputFeature f;
                for (std::size_t i = 0; i < names.size(); ++i) {
                    f.values.push_back(typed(r.values[i], layer.fields[i].type));
                }
                f.polygons = std::move(r.polygons);
                by_insee[r.values[0]] = std::move(f);
            });
        } catch (const std::exception &e) {
            throw InputError(shard.string(), std::string("is not a shard's map (") + e.what() +
                                                 "); run that shard again");
        }
    }
    for (auto &[insee, f] : by_insee) {
        layer.features.push_back(std::move(f));
    }
    return write_dashboard(out, "", std::move(layer), style, date);
}

} // namespace adressage::pipeline
