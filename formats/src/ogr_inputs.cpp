#include "adressage/formats/ogr_inputs.hpp"

#include <algorithm>
#include <cctype>

#include "adressage/error.hpp"

namespace adressage::formats {

std::string name_list(const std::vector<std::string> &items) {
    std::string out;
    for (const std::string &item : items) {
        out += (out.empty() ? "" : ", ") + item;
    }
    return out.empty() ? "none" : out;
}

namespace {

// A source GDAL would fetch over the network (/vsicurl/, a cloud store, a URL): adressage reads
// what the user has on disk or in their database (PG:), and never fetches without being asked.
bool network_source(const std::string &dataset) {
    std::string lower;
    for (const char c : dataset) {
        lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (lower.rfind("pg:", 0) == 0) {
        return false;
    }
    for (const char *prefix : {"/vsicurl", "/vsis3", "/vsigs", "/vsiaz", "/vsiadls", "/vsioss",
                               "/vsiswift", "/vsihdfs", "/vsiwebhdfs", "://"}) {
        if (lower.find(prefix) != std::string::npos) {
            return true;
        }
    }
    return false;
}

} // namespace

geo::VectorDataset open_dataset(const std::string &option, const SourceSpec &spec) {
    if (network_source(spec.dataset)) {
        throw InputError(option + " " + spec.text,
                         "is a network source; adressage reads local files and databases only: "
                         "download it first and give the file");
    }
    try {
        return geo::VectorDataset::open(spec.dataset, spec.open_options);
    } catch (const GdalError &e) {
        const bool database = spec.dataset.rfind("PG:", 0) == 0;
        throw InputError(option + " " + spec.text,
                         std::string("cannot open '") + spec.dataset + "' (" + e.what() + "); " +
                             (database ? "check the connection string and that the server runs"
                                       : "check the path, or give a GDAL vector source"));
    }
}

// The layer the user named, else the only layer, else the preset's first candidate present;
// "" when an optional source has none of them.
std::string choose_layer(const std::string &option, const SourceSpec &spec,
                         const geo::VectorDataset &dataset,
                         const std::vector<std::string> &candidates, LayerPresence presence) {
    if (!spec.sql.empty()) {
        return "sql"; // the statement's result: open_layer
    }
    const std::vector<std::string> names = dataset.layer_names();
    if (!spec.layer.empty()) {
        if (!dataset.has_layer(spec.layer)) {
            throw InputError(option + " " + spec.text,
                             "no layer '" + spec.layer + "' (layers: " + name_list(names) +
                                 "); write the source as path:layer or path|layername=LAYER "
                                 "with one of them");
        }
        return spec.layer;
    }
    if (names.size() == 1) {
        return names.front();
    }
    for (const std::string &candidate : candidates) {
        if (dataset.has_layer(candidate)) {
            return candidate;
        }
    }
    if (presence == LayerPresence::optional) {
        return {};
    }
    throw InputError(option + " " + spec.text,
                     "cannot tell which layer to read (layers: " + name_list(names) +
                         "); write the source as path:layer");
}

geo::VectorLayer open_layer(const std::string &option, const SourceSpec &spec,
                            const geo::VectorDataset &dataset, const std::string &layer_name) {
    std::optional<geo::VectorLayer> layer;
    if (spec.sql.empty()) {
        layer.emplace(dataset.layer(layer_name));
    } else {
        try {
            layer.emplace(dataset.sql_layer(spec.sql));
        } catch (const GdalError &e) {
            throw InputError(option + " " + spec.text,
                             std::string("GDAL refuses sql=") + spec.sql + " (" + e.what() +
                                 "); write it in the source's SQL, as ogr2ogr -sql takes it");
        }
    }
    try {
        layer->set_user_filters(spec.where, spec.spat);
    } catch (const GdalError &e) {
        throw InputError(option + " " + spec.text,
                         "GDAL refuses where=" + spec.where + " (" + e.what() +
                             "); write an OGR SQL WHERE clause, as ogr2ogr -where takes it");
    }
    return std::move(*layer);
}

void require_field(const std::string &option, const SourceSpec &spec, const geo::VectorLayer &layer,
                   const std::string &field, const std::string &fix) {
    if (!layer.has_field(field)) {
        throw InputError(option + " " + spec.text,
                         "layer '" + layer.name() + "' has no field '" + field +
                             "' (fields: " + name_list(layer.field_names()) + "); " + fix);
    }
}

namespace {

void require_geometry(const std::string &option, const SourceSpec &spec,
                      const geo::VectorLayer &layer, geo::GeometryKind wanted) {
    const geo::GeometryKind kind = layer.geometry_kind();
    // Layers of unknown or mixed type are accepted; their features are checked one by one.
    if (kind != wanted && kind != geo::GeometryKind::unknown) {
        throw InputError(option + " " + spec.text,
                         "layer '" + layer.name() + "' has " + geo::to_string(kind) +
                             " geometries, expected " + geo::to_string(wanted) +
                             "s; give the layer that holds them as path:layer");
    }
}

} // namespace

RoadInput::RoadInput(const std::string &option, const SourceSpec &spec, const Preset &preset,
                     LayerPresence presence)
    : dataset_(open_dataset(option, spec)),
      layer_name_(choose_layer(option, spec, dataset_, preset.road_layers, presence)),
      preset_(preset) {
    if (layer_name_.empty()) {
        return;
    }
    layer_.emplace(open_layer(option, spec, dataset_, layer_name_));
    require_geometry(option, spec, *layer_, geo::GeometryKind::line);
    if (!layer_->has_field(preset_.road_name_field)) {
        for (const std::string &part : preset_.road_name_parts) {
            if (layer_->has_field(part)) {
                name_fields_.push_back(part);
            }
        }
    }
    if (name_fields_.empty()) {
        require_field(option, spec, *layer_, preset_.road_name_field,
                      "name the road-name field with --road-name-field");
        name_fields_.push_back(preset_.road_name_field);
        for (const std::string &field : preset_.road_name_fallbacks) {
            if (layer_->has_field(field)) {
                fallbacks_.push_back(field);
            }
        }
    }
    if (!preset_.road_kind_field.empty()) {
        require_field(option, spec, *layer_, preset_.road_kind_field,
                      "name the road-kind field with --road-kind-field, or pass "
                      "--road-kind-field '' to keep every line");
        has_kind_ = true;
    }
}

void RoadInput::read(const std::function<void(RoadRecord &)> &sink) {
    if (!layer_) {
        return;
    }
    std::vector<std::string> fields = name_fields_;
    if (has_kind_) {
        fields.push_back(preset_.road_kind_field);
    }
    fields.insert(fields.end(), fallbacks_.begin(), fallbacks_.end());
    const std::size_t parts = name_fields_.size();
    const std::size_t first_fallback = parts + (has_kind_ ? 1 : 0);
    RoadRecord road;
    layer_->for_each(fields, geo::GeometryKind::line, [&](geo::FeatureRecord &f) {
        road.fid = f.fid;
        road.name.clear();
        for (std::size_t i = 0; i < parts; ++i) {
            if (!f.values[i].empty()) {
                road.name.append(road.name.empty() ? "" : " ").append(f.values[i]);
            }
        }
        for (std::size_t i = first_fallback; road.name.empty() && i < f.values.size(); ++i) {
            road.name = f.values[i];
        }
        road.kind = has_kind_ ? f.values[parts] : std::string();
        road.lines = std::move(f.lines);
        road.skip_reason = f.skip_reason;
        sink(road);
    });
}

PolygonInput::PolygonInput(const std::string &option, const SourceSpec &spec, const Preset &preset,
                           Role role, LayerPresence presence)
    : dataset_(open_dataset(option, spec)),
      layer_name_(choose_layer(option, spec, dataset_,
                               role == Role::buildings            ? preset.building_layers
                               : role == Role::parcels            ? preset.parcel_layers
                               : role == Role::communes_deleguees ? preset.commune_deleguee_layers
                                                                  : preset.boundary_layers,
                               presence)) {
    if (layer_name_.empty()) {
        return;
    }
    layer_.emplace(open_layer(option, spec, dataset_, layer_name_));
    require_geometry(option, spec, *layer_, geo::GeometryKind::polygon);
    // The flag field is optional: a layer without it is taken as buildings only.
    if (role == Role::buildings && !preset.building_flag_field.empty() &&
        layer_->has_field(preset.building_flag_field)) {
        flag_field_ = preset.building_flag_field;
    }
    if (role == Role::parcels || role == Role::communes_deleguees) {
        // The identifier of a parcel, or the code of a commune déléguée: the first field present.
        const bool parcels = role == Role::parcels;
        const std::vector<std::string> &candidates =
            parcels ? preset.parcel_id_fields : preset.commune_deleguee_fields;
        for (const std::string &field : candidates) {
            if (layer_->has_field(field)) {
                id_field_ = field;
                break;
            }
        }
        if (id_field_.empty()) {
            throw InputError(
                option + " " + spec.text,
                "layer '" + layer_->name() + "' has no " +
                    (parcels ? "parcel identifier" : "commune déléguée code") + " field (" +
                    name_list(candidates) + "; fields: " + name_list(layer_->field_names()) +
                    (parcels ? "); give the cadastre parcels layer (Etalab parcelles or EDIGEO "
                               "PARCELLE_id)"
                             : "); give Admin Express COMMUNE_ASSOCIEE_OU_DELEGUEE, the cadastre "
                               "sections, or a layer with the code in one of these"));
        }
    }
}

void PolygonInput::read(const std::function<void(PolygonRecord &)> &sink) {
    if (!layer_) {
        return;
    }
    std::vector<std::string> fields;
    if (!flag_field_.empty()) {
        fields.push_back(flag_field_);
    }
    if (!id_field_.empty()) {
        fields.push_back(id_field_);
    }
    PolygonRecord record;
    layer_->for_each(fields, geo::GeometryKind::polygon, [&](geo::FeatureRecord &f) {
        if (!flag_field_.empty() && (f.values[0].empty() || f.values[0] == "no")) {
            return; // not a building (e.g. a landuse multipolygon in an OSM file)
        }
        record.fid = f.fid;
        record.id = id_field_.empty() ? std::string() : f.values.back();
        record.polygons = std::move(f.polygons);
        record.skip_reason = f.skip_reason;
        sink(record);
    });
}

std::string osm_other_tag(const std::string &other_tags, const std::string &key) {
    const std::string needle = "\"" + key + "\"=>\"";
    const std::size_t at = other_tags.find(needle);
    if (at == std::string::npos || (at > 0 && other_tags[at - 1] != ',')) {
        return {};
    }
    const std::size_t begin = at + needle.size();
    const std::size_t end = other_tags.find('"', begin);
    return end == std::string::npos ? std::string() : other_tags.substr(begin, end - begin);
}

PlaceInput::PlaceInput(const std::string &option, const SourceSpec &spec, const Preset &preset,
                       LayerPresence presence)
    : dataset_(open_dataset(option, spec)),
      layer_name_(choose_layer(option, spec, dataset_, preset.place_layers, presence)),
      preset_(preset) {
    if (layer_name_.empty()) {
        return;
    }
    layer_.emplace(open_layer(option, spec, dataset_, layer_name_));
    for (const std::string &field : preset_.place_name_fields) {
        if (layer_->has_field(field)) {
            name_field_ = field;
            break;
        }
    }
    if (name_field_.empty()) {
        std::string wanted;
        for (const std::string &field : preset_.place_name_fields) {
            wanted += (wanted.empty() ? "" : " or ") + field;
        }
        throw InputError(option + " " + spec.text,
                         "layer '" + layer_->name() + "' has no place name field (" + wanted +
                             "; fields: " + name_list(layer_->field_names()) +
                             "); give the layer of named places as path:layer, or the --preset "
                             "of this source");
    }
    has_kind_ = !preset_.place_kind_field.empty() && layer_->has_field(preset_.place_kind_field);
    if (!preset_.place_road_field.empty()) {
        if (layer_->has_field(preset_.place_road_field)) {
            road_field_ = preset_.place_road_field;
        } else if (layer_->has_field("other_tags")) {
            road_field_ = "other_tags";
        }
    }
    if (!preset_.place_kind_field.empty() && !has_kind_ && road_field_.empty()) {
        throw InputError(option + " " + spec.text,
                         "layer '" + layer_->name() + "' has no field '" +
                             preset_.place_kind_field +
                             "' (fields: " + name_list(layer_->field_names()) +
                             "); give a layer of OSM places (place=hamlet, locality...) as "
                             "path:layer");
    }
}

void PlaceInput::read(const std::function<void(const PlaceRecord &)> &sink) {
    if (!layer_) {
        return;
    }
    std::vector<std::string> fields = {name_field_};
    if (has_kind_) {
        fields.push_back(preset_.place_kind_field);
    }
    if (!road_field_.empty()) {
        fields.push_back(road_field_);
    }
    auto listed = [](const std::vector<std::string> &kinds, const std::string &kind) {
        return !kind.empty() && std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
    };
    PlaceRecord record;
    layer_->for_each(fields, geo::GeometryKind::unknown, [&](const geo::FeatureRecord &f) {
        record.fid = f.fid;
        record.name = f.values[0];
        record.points = f.points;
        record.polygons = f.polygons;
        record.skip_reason = f.skip_reason;
        const std::string kind = has_kind_ ? f.values[1] : std::string();
        std::string road;
        if (!road_field_.empty()) {
            road = road_field_ == "other_tags" ? osm_other_tag(f.values.back(), "highway")
                                               : f.values.back();
        }
        const bool area = !f.polygons.empty();
        if (preset_.place_kind_field.empty() || listed(preset_.place_toponyme_kinds, kind)) {
            record.kind = PlaceRecord::Kind::toponyme;
        } else if (area && (listed(preset_.place_square_kinds, kind) ||
                            listed(preset_.place_road_kinds, road))) {
            record.kind = PlaceRecord::Kind::square;
        } else {
            record.kind = PlaceRecord::Kind::other;
        }
        if (record.skip_reason == nullptr && record.points.empty() && !area) {
            record.skip_reason = "wrong_geometry_type"; // a line: neither a place nor a square
        }
        sink(record);
    });
}

} // namespace adressage::formats
