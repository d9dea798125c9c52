#pragma once
// The vector inputs of a run (roads, buildings, boundary, parcels), opened and checked against
// their preset before any heavy work, then read into plain records.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "adressage/formats/preset.hpp"
#include "adressage/formats/source_spec.hpp"
#include "adressage/geo/vector_reader.hpp"

namespace adressage::formats {

struct RoadRecord {
    std::int64_t fid = 0;
    std::string name;
    std::string kind;
    std::vector<geo::Polyline> lines;
    const char *skip_reason = nullptr;
};

struct PolygonRecord {
    std::int64_t fid = 0;
    // parcels: the raw parcel identifier; communes déléguées: the code or cadastre prefix as
    // read; "" otherwise
    std::string id;
    geo::MultiPolygon polygons;
    const char *skip_reason = nullptr;
};

// How to treat a source that has none of the preset's layers (and names none): an error when
// it is the only source, nothing to read when it is one of several (a cadastre sheet may hold
// no building at all).
enum class LayerPresence { required, optional };

// The steps every input goes through, for the inputs read outside these classes (a batch's
// commune boundaries). Each throws InputError naming "option spec.text" and what to do.
geo::VectorDataset open_dataset(const std::string &option, const SourceSpec &spec);
// The layer the user named, else the only layer, else the first candidate present; "" when an
// optional source has none of them.
std::string choose_layer(const std::string &option, const SourceSpec &spec,
                         const geo::VectorDataset &dataset,
                         const std::vector<std::string> &candidates, LayerPresence presence);
// The layer chosen (or the result of the source's |sql=) with the source's |where= and |spat=;
// GDAL refusing one of them is an InputError with its reason.
geo::VectorLayer open_layer(const std::string &option, const SourceSpec &spec,
                            const geo::VectorDataset &dataset, const std::string &layer_name);
void require_field(const std::string &option, const SourceSpec &spec, const geo::VectorLayer &layer,
                   const std::string &field, const std::string &fix);
// "a, b, c", or "none": the layers or fields listed in an error message.
std::string name_list(const std::vector<std::string> &items);

// Every constructor throws InputError naming `option` (e.g. "--roads") when the source, layer,
// field or geometry type is not usable, with what to do about it.
class RoadInput {
  public:
    RoadInput(const std::string &option, const SourceSpec &spec, const Preset &preset,
              LayerPresence presence = LayerPresence::required);
    bool present() const { return layer_.has_value(); }
    const std::string &layer_name() const { return layer_name_; }
    std::string crs_wkt() const { return layer_ ? layer_->crs_wkt() : std::string(); }
    void read(const std::function<void(RoadRecord &)> &sink); // the sink may take the lines
    // See geo::VectorLayer::set_spatial_filter and fast_spatial_filter (false without layer).
    void set_spatial_filter(const std::optional<geo::Box> &box) {
        if (layer_) {
            layer_->set_spatial_filter(box);
        }
    }
    bool fast_spatial_filter() const { return layer_ && layer_->fast_spatial_filter(); }
    // The layer itself, for what a batch asks of it (count, extent, FID ranges); null without.
    geo::VectorLayer *layer() { return layer_ ? &*layer_ : nullptr; }

  private:
    geo::VectorDataset dataset_;
    std::optional<geo::VectorLayer> layer_;
    std::string layer_name_;
    Preset preset_;
    std::vector<std::string> name_fields_; // one field, or the parts to join
    std::vector<std::string> fallbacks_;   // present fields read when the name is empty
    bool has_kind_ = false;
};

class PolygonInput {
  public:
    enum class Role { buildings, boundary, parcels, communes_deleguees };
    PolygonInput(const std::string &option, const SourceSpec &spec, const Preset &preset, Role role,
                 LayerPresence presence = LayerPresence::required);
    bool present() const { return layer_.has_value(); }
    const std::string &layer_name() const { return layer_name_; }
    std::string crs_wkt() const { return layer_ ? layer_->crs_wkt() : std::string(); }
    void read(const std::function<void(PolygonRecord &)> &sink); // the sink may take the polygons
    // See geo::VectorLayer::set_spatial_filter and fast_spatial_filter (false without layer).
    void set_spatial_filter(const std::optional<geo::Box> &box) {
        if (layer_) {
            layer_->set_spatial_filter(box);
        }
    }
    bool fast_spatial_filter() const { return layer_ && layer_->fast_spatial_filter(); }
    // The layer itself, for what a batch asks of it (count, extent, FID ranges); null without.
    geo::VectorLayer *layer() { return layer_ ? &*layer_ : nullptr; }

  private:
    geo::VectorDataset dataset_;
    std::optional<geo::VectorLayer> layer_;
    std::string layer_name_;
    std::string flag_field_;
    std::string id_field_; // parcels and communes déléguées
};

// A named place of --places: a toponyme (a point, or an area and a point inside it) or a square
// (an area whose outline becomes a voie).
struct PlaceRecord {
    enum class Kind { toponyme, square, other };
    std::int64_t fid = 0;
    std::string name;
    Kind kind = Kind::other;
    std::vector<geo::XY> points;
    geo::MultiPolygon polygons;
    const char *skip_reason = nullptr;
};

class PlaceInput {
  public:
    PlaceInput(const std::string &option, const SourceSpec &spec, const Preset &preset,
               LayerPresence presence = LayerPresence::required);
    bool present() const { return layer_.has_value(); }
    const std::string &layer_name() const { return layer_name_; }
    std::string crs_wkt() const { return layer_ ? layer_->crs_wkt() : std::string(); }
    void read(const std::function<void(const PlaceRecord &)> &sink);
    // See geo::VectorLayer::set_spatial_filter.
    void set_spatial_filter(const std::optional<geo::Box> &box) {
        if (layer_) {
            layer_->set_spatial_filter(box);
        }
    }

  private:
    geo::VectorDataset dataset_;
    std::optional<geo::VectorLayer> layer_;
    std::string layer_name_;
    Preset preset_;
    std::string name_field_;
    bool has_kind_ = false;
    std::string road_field_; // the road kind field, or "other_tags" to look inside
};

// The value of `key` in an OSM `other_tags` string ("k"=>"v","k2"=>"v2"); "" when absent.
std::string osm_other_tag(const std::string &other_tags, const std::string &key);

} // namespace adressage::formats
