#include "batch/batch_layers.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <optional>
#include <tuple>

#include "adressage/error.hpp"
#include "adressage/formats/ogr_inputs.hpp"
#include "adressage/formats/source_spec.hpp"
#include "adressage/geo/geometry_ops.hpp"
#include "adressage/geo/legal_crs.hpp"
#include "adressage/geo/vector_reader.hpp"
#include "stages/stages.hpp"

namespace adressage::pipeline {

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// Field names that hold the INSEE code in the usual boundary layers (Admin Express INSEE_COM,
// france-geojson code, OSM ref:INSEE...), compared without case.
const std::vector<std::string> insee_field_candidates = {
    "insee",     "insee_com", "code_insee",   "codeinsee", "ref:insee", "ref_insee",
    "ref:INSEE", "codgeo",    "code_commune", "com",       "code"};

std::string detect_insee_field(const std::string &option, const geo::VectorLayer &layer) {
    const std::vector<std::string> fields = layer.field_names();
    for (const std::string &candidate : insee_field_candidates) {
        for (const std::string &field : fields) {
            if (lower(field) == lower(candidate)) {
                return field;
            }
        }
    }
    throw InputError(option, "layer '" + layer.name() + "' has no INSEE code field (fields: " +
                                 formats::name_list(fields) + "); name it with --insee-field");
}

std::string trim(const std::string &s) {
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string::npos) {
        return {};
    }
    return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

} // namespace

BoundaryLayer BoundaryLayer::read(const std::vector<std::string> &specs,
                                  const std::vector<std::string> &preset_layers,
                                  const std::string &insee_field) {
    BoundaryLayer out;
    for (const std::string &text : specs) {
        const formats::SourceSpec spec = formats::parse_source_spec(text);
        geo::VectorDataset dataset = formats::open_dataset("--boundaries", spec);
        const std::string layer_name = formats::choose_layer(
            "--boundaries", spec, dataset, preset_layers, formats::LayerPresence::required);
        const std::string option = "--boundaries " + text;
        geo::VectorLayer layer = formats::open_layer("--boundaries", spec, dataset, layer_name);
        const geo::GeometryKind kind = layer.geometry_kind();
        if (kind != geo::GeometryKind::polygon && kind != geo::GeometryKind::unknown) {
            throw InputError(option, "layer '" + layer_name + "' has " + geo::to_string(kind) +
                                         " geometries, expected polygons; give the layer of "
                                         "the commune boundaries as path:layer");
        }
        std::string field = insee_field;
        if (field.empty()) {
            field = detect_insee_field(option, layer);
        } else {
            formats::require_field("--boundaries", spec, layer, field,
                                   "name the INSEE code field with --insee-field");
        }
        const std::string crs = layer.crs_wkt();
        if (crs.empty()) {
            throw InputError(option, "layer '" + layer_name +
                                         "' has no coordinate reference system; assign one "
                                         "(e.g. with ogr2ogr -a_srs) and run again");
        }
        const std::size_t source = out.sources.size();
        out.sources.push_back({text, layer_name, field, crs});
        layer.for_each({field}, geo::GeometryKind::polygon, [&](const geo::FeatureRecord &f) {
            const std::string insee = trim(f.values[0]);
            if (f.skip_reason != nullptr || insee.empty()) {
                return; // a feature without a usable polygon or code belongs to no commune
            }
            out.by_insee[insee].push_back({source, f.polygons});
        });
    }
    return out;
}

std::optional<geo::MultiPolygon> commune_boundary(BatchWorker &worker, const BoundaryLayer &layer,
                                                  const std::string &insee, std::int64_t &parts,
                                                  std::int64_t &repaired) {
    const auto found = layer.by_insee.find(insee);
    if (found == layer.by_insee.end() || found->second.empty()) {
        parts = 0;
        return std::nullopt;
    }
    const std::string legal = geo::legal_crs_for_insee(insee).definition();
    std::vector<geo::MultiPolygon> reprojected;
    for (const BoundaryLayer::Part &part : found->second) {
        const geo::Transformer &t = worker.transformer(layer.sources[part.source].crs_wkt, legal);
        geo::MultiPolygon polygons = part.polygons;
        // As the ingest stage does: every ring reprojected in place.
        for (geo::Polygon &polygon : polygons) {
            IngestStage::process_one(t, polygon.outer);
            for (geo::Ring &hole : polygon.holes) {
                IngestStage::process_one(t, hole);
            }
        }
        reprojected.push_back(std::move(polygons));
    }
    parts = static_cast<std::int64_t>(reprojected.size());
    return geo::union_all(worker.geos, reprojected, &repaired);
}

namespace {

// The box of a commune's parts in the layer's CRS, and the source of its first part.
std::optional<std::pair<geo::Box, std::size_t>> raw_box(const BoundaryLayer &boundaries,
                                                        const std::string &insee) {
    const auto found = boundaries.by_insee.find(insee);
    if (found == boundaries.by_insee.end() || found->second.empty()) {
        return std::nullopt;
    }
    geo::Box box;
    for (const BoundaryLayer::Part &part : found->second) {
        box.extend(geo::outer_box(part.polygons));
    }
    if (box.empty()) {
        return std::nullopt;
    }
    return std::make_pair(box, found->second.front().source);
}

} // namespace

std::vector<std::vector<std::size_t>> group_neighbours(const BoundaryLayer &boundaries,
                                                       const std::vector<std::string> &communes) {
    std::vector<std::optional<std::pair<geo::Box, std::size_t>>> boxes;
    std::vector<double> extents;
    for (const std::string &insee : communes) {
        boxes.push_back(raw_box(boundaries, insee));
        if (const auto &b = boxes.back()) {
            extents.push_back(
                std::max(b->first.max_x - b->first.min_x, b->first.max_y - b->first.min_y));
        }
    }
    double side = 0;
    if (!extents.empty()) {
        std::nth_element(extents.begin(), extents.begin() + extents.size() / 2, extents.end());
        side = 4 * extents[extents.size() / 2];
    }

    using Key = std::tuple<std::string, std::size_t, std::int64_t, std::int64_t>;
    std::map<Key, std::vector<std::size_t>> tiles;
    std::vector<std::vector<std::size_t>> alone;
    for (std::size_t i = 0; i < communes.size(); ++i) {
        if (!boxes[i] || !(side > 0)) {
            alone.push_back({i});
            continue;
        }
        const geo::Box &b = boxes[i]->first;
        const double cx = (b.min_x + b.max_x) / 2;
        const double cy = (b.min_y + b.max_y) / 2;
        const Key key{geo::legal_crs_for_insee(communes[i]).definition(), boxes[i]->second,
                      static_cast<std::int64_t>(std::floor(cy / side)),
                      static_cast<std::int64_t>(std::floor(cx / side))};
        tiles[key].push_back(i);
    }
    std::vector<std::vector<std::size_t>> groups;
    groups.reserve(tiles.size() + alone.size());
    for (auto &[key, members] : tiles) {
        groups.push_back(std::move(members));
    }
    for (auto &members : alone) {
        groups.push_back(std::move(members));
    }
    // Largest first, so that the workers end together (the last groups taken are the small
    // ones); tile order among groups of one size.
    std::stable_sort(groups.begin(), groups.end(),
                     [](const auto &a, const auto &b) { return a.size() > b.size(); });
    return groups;
}

} // namespace adressage::pipeline
