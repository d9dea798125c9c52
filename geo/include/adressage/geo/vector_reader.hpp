#pragma once
// Reading features from any GDAL/OGR vector source into plain values.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "adressage/geo/xy.hpp"

namespace adressage::geo {

enum class GeometryKind { unknown, point, line, polygon, other };

const char *to_string(GeometryKind kind);

struct FeatureRecord {
    std::int64_t fid = 0;
    std::vector<std::string> values;   // the requested fields, "" when null
    std::vector<Polyline> lines;       // for line layers
    MultiPolygon polygons;             // for polygon layers
    std::vector<XY> points;            // GeometryKind::unknown: points, else lines or polygons
    const char *skip_reason = nullptr; // set when the geometry is unusable: the record is data
};

class VectorDataset;

class VectorLayer {
  public:
    VectorLayer(VectorLayer &&) noexcept;
    ~VectorLayer();

    const std::string &name() const noexcept;
    GeometryKind geometry_kind() const;
    std::vector<std::string> field_names() const;
    bool has_field(const std::string &field) const;
    // WKT of the layer's CRS, empty when the layer has none.
    std::string crs_wkt() const;

    // Calls `sink` for every feature in FID order, with the values of `fields` (which must exist)
    // and its geometry converted to `wanted` (line or polygon), or with `unknown` read as it
    // is: points (and multipoints) in `points`, lines in `lines`, polygons in `polygons`.
    // The sink may take the record's contents (move them out): each feature refills it.
    void for_each(const std::vector<std::string> &fields, GeometryKind wanted,
                  const std::function<void(FeatureRecord &)> &sink);

    // for_each reads through GDAL's columnar (Arrow) stream when the driver has a fast one
    // (a GeoPackage) and no spatial filter is set: the same records, several times faster.
    // Off (for tests, or to sidestep a driver's stream) reads feature by feature.
    void set_columnar_reading(bool enabled);
    bool fast_columnar_reading() const;
    // Restricts for_each to the features whose envelope meets `box` (in the layer's CRS; the
    // order is then the driver's), or lifts the restriction (nullopt). Within the user's box
    // (set_user_filters) when there is one.
    void set_spatial_filter(const std::optional<Box> &box);
    // The user's own filters on the source, kept under every other restriction: an OGR SQL
    // WHERE clause (as ogr2ogr -where; "" none) and a box (as ogr2ogr -spat). Throws GdalError
    // with GDAL's reason when it refuses the clause.
    void set_user_filters(const std::string &where, const std::optional<Box> &box);
    // True when the driver answers a spatial filter from an index (GeoPackage, indexed
    // shapefile, PostGIS...) rather than by reading every feature.
    bool fast_spatial_filter() const;

    // The number of features, or nullopt when the driver would have to read them all to know.
    std::optional<std::int64_t> known_feature_count() const;
    // The extent of the layer's features (layer CRS), or nullopt when the driver does not know it
    // without reading them.
    std::optional<Box> known_extent() const;
    // The smallest and the largest FID when the driver reads a range of FIDs from its index
    // (GeoPackage), so that the layer can be read in parts; nullopt otherwise or when empty.
    std::optional<std::pair<std::int64_t, std::int64_t>> fid_bounds() const;
    // Restricts for_each to the FIDs in [first, last] (nullopt lifts it); for a layer that gave
    // fid_bounds.
    void set_fid_range(const std::optional<std::pair<std::int64_t, std::int64_t>> &range);

  private:
    friend class VectorDataset;
    struct Impl;
    explicit VectorLayer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

class VectorDataset {
  public:
    // Throws GdalError when the source cannot be opened (the caller adds which input it was).
    // `open_options`: "KEY=VALUE" for the driver, as ogr2ogr -oo.
    static VectorDataset open(const std::string &source,
                              const std::vector<std::string> &open_options = {});
    VectorDataset(VectorDataset &&) noexcept;
    ~VectorDataset();

    std::vector<std::string> layer_names() const;
    bool has_layer(const std::string &name) const;
    // Throws GdalError when there is no such layer.
    VectorLayer layer(const std::string &name) const;
    // The result of an SQL statement on the source (as ogr2ogr -sql, in the driver's dialect),
    // named "sql"; read whole, never in FID ranges. Throws GdalError when GDAL refuses it.
    VectorLayer sql_layer(const std::string &sql) const;

    struct Impl; // shared with the layers it opened

  private:
    explicit VectorDataset(std::shared_ptr<Impl> impl);
    std::shared_ptr<Impl> impl_;
};

} // namespace adressage::geo
