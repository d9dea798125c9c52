#pragma once
// Writing plain layers to a new GeoPackage 1.2: the review layers of a run (review/), the
// batch's dashboard, a diff's layer. Deterministic: the same layers give the same bytes, the
// GeoPackage's own timestamps (gpkg_contents.last_change) being `timestamp`.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "adressage/geo/xy.hpp"

namespace adressage::geo {

enum class FieldType { text, integer, real, boolean, datetime };

struct FieldDef {
    std::string name;
    FieldType type = FieldType::text;
};

// A null, an integer (integer, boolean), a real, or a text (text; datetime as ISO 8601).
using FieldValue = std::variant<std::monostate, std::int64_t, double, std::string>;

enum class LayerGeometry { none, point, multilinestring, multipolygon };

struct OutputFeature {
    std::vector<FieldValue> values; // one per field, in the layer's order
    std::optional<XY> point;        // LayerGeometry::point; none: null geometry
    std::vector<Polyline> lines;    // LayerGeometry::multilinestring; none: null geometry
    MultiPolygon polygons;          // LayerGeometry::multipolygon; none: null geometry
};

struct OutputLayer {
    std::string name;
    LayerGeometry geometry = LayerGeometry::none;
    std::vector<FieldDef> fields;
    std::vector<OutputFeature> features;
    std::string description; // gpkg_contents.description
};

// A text field's value: null when empty.
inline FieldValue text_or_null(const std::string &s) {
    return s.empty() ? FieldValue{} : FieldValue{s};
}

// Writes `layers` to a new GeoPackage at `path` (an existing file is replaced), geometries in
// EPSG:`epsg`, in one transaction, without a spatial index. `timestamp`:
// "YYYY-MM-DDTHH:MM:SS.sssZ". Written to ".<stem>-partial.gpkg" beside `path`, then renamed
// into place: never half a file under `path`. Throws Error with SQLite's (or the rename's)
// message; the temporary file is then removed.
void write_geopackage(const std::string &path, int epsg, const std::vector<OutputLayer> &layers,
                      const std::string &timestamp);

} // namespace adressage::geo
