#include "adressage/geo/vector_reader.hpp"

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <mutex>

#include "adressage/error.hpp"
#include "columnar_features.hpp"
#include "feature_geometry.hpp"
#include "quiet_gdal.hpp"
#include "wkb_geometry.hpp"

namespace adressage::geo {

namespace {

void register_drivers_once() {
    static std::once_flag flag;
    std::call_once(flag, [] { GDALAllRegister(); });
}

GeometryKind kind_of(OGRwkbGeometryType type) {
    switch (wkbFlatten(type)) {
    case wkbPoint:
    case wkbMultiPoint:
        return GeometryKind::point;
    case wkbLineString:
    case wkbMultiLineString:
    case wkbCircularString:
    case wkbCompoundCurve:
    case wkbMultiCurve:
        return GeometryKind::line;
    case wkbPolygon:
    case wkbMultiPolygon:
    case wkbCurvePolygon:
    case wkbMultiSurface:
        return GeometryKind::polygon;
    case wkbUnknown:
    case wkbGeometryCollection:
        return GeometryKind::unknown;
    default:
        return GeometryKind::other;
    }
}

std::vector<XY> points_of(const OGRSimpleCurve &curve) {
    std::vector<XY> points(static_cast<std::size_t>(curve.getNumPoints()));
    for (int i = 0; i < curve.getNumPoints(); ++i) {
        points[static_cast<std::size_t>(i)] = XY{curve.getX(i), curve.getY(i)};
    }
    return points;
}

// Appends the lines of `g`; returns a skip reason or nullptr.
const char *read_lines(const OGRGeometry &g, std::vector<Polyline> &out) {
    const auto type = wkbFlatten(g.getGeometryType());
    if (type == wkbLineString) {
        return detail::add_line(points_of(*g.toLineString()), out);
    }
    if (type == wkbMultiLineString || type == wkbGeometryCollection) {
        for (const OGRGeometry *part : *g.toGeometryCollection()) {
            if (const char *reason = read_lines(*part, out)) {
                return reason;
            }
        }
        return nullptr;
    }
    if (type == wkbCircularString || type == wkbCompoundCurve || type == wkbMultiCurve) {
        std::unique_ptr<OGRGeometry> linear(g.getLinearGeometry());
        return linear ? read_lines(*linear, out) : "invalid_geometry";
    }
    return "wrong_geometry_type";
}

const char *read_polygons(const OGRGeometry &g, MultiPolygon &out) {
    const auto type = wkbFlatten(g.getGeometryType());
    if (type == wkbPolygon) {
        const OGRPolygon &polygon = *g.toPolygon();
        if (polygon.getExteriorRing() == nullptr) {
            return "empty_geometry";
        }
        Polygon p;
        p.outer = points_of(*polygon.getExteriorRing());
        for (int i = 0; i < polygon.getNumInteriorRings(); ++i) {
            p.holes.push_back(points_of(*polygon.getInteriorRing(i)));
        }
        return detail::add_polygon(std::move(p), out);
    }
    if (type == wkbMultiPolygon || type == wkbGeometryCollection) {
        for (const OGRGeometry *part : *g.toGeometryCollection()) {
            if (const char *reason = read_polygons(*part, out)) {
                return reason;
            }
        }
        return nullptr;
    }
    if (type == wkbCurvePolygon || type == wkbMultiSurface) {
        std::unique_ptr<OGRGeometry> linear(g.getLinearGeometry());
        return linear ? read_polygons(*linear, out) : "invalid_geometry";
    }
    return "wrong_geometry_type";
}

// Points as points, lines as lines, polygons as polygons; returns a skip reason or nullptr.
const char *read_any(const OGRGeometry &g, FeatureRecord &record) {
    const auto type = wkbFlatten(g.getGeometryType());
    if (type == wkbPoint) {
        const OGRPoint &p = *g.toPoint();
        const XY xy{p.getX(), p.getY()};
        if (!detail::plausible(xy)) {
            return "invalid_coordinates";
        }
        record.points.push_back(xy);
        return nullptr;
    }
    if (type == wkbMultiPoint) {
        for (const OGRGeometry *part : *g.toGeometryCollection()) {
            if (const char *reason = read_any(*part, record)) {
                return reason;
            }
        }
        return nullptr;
    }
    switch (kind_of(type)) {
    case GeometryKind::line:
        return read_lines(g, record.lines);
    case GeometryKind::polygon:
        return read_polygons(g, record.polygons);
    default:
        return "wrong_geometry_type";
    }
}

// The geometry members and skip reason of `record` from `g` (nullptr: a null geometry).
void set_geometry(const OGRGeometry *g, GeometryKind wanted, FeatureRecord &record) {
    detail::clear_geometry(record);
    if (g == nullptr) {
        record.skip_reason = "null_geometry";
    } else if (g->IsEmpty()) {
        record.skip_reason = "empty_geometry";
    } else if (wanted == GeometryKind::line) {
        record.skip_reason = read_lines(*g, record.lines);
    } else if (wanted == GeometryKind::polygon) {
        record.skip_reason = read_polygons(*g, record.polygons);
    } else if (wanted == GeometryKind::unknown) {
        record.skip_reason = read_any(*g, record);
    } else {
        record.skip_reason = "wrong_geometry_type";
    }
}

} // namespace

const char *to_string(GeometryKind kind) {
    switch (kind) {
    case GeometryKind::point:
        return "point";
    case GeometryKind::line:
        return "line";
    case GeometryKind::polygon:
        return "polygon";
    case GeometryKind::unknown:
        return "unknown";
    case GeometryKind::other:
        break;
    }
    return "other";
}

struct VectorDataset::Impl {
    GDALDatasetUniquePtr dataset;
};

struct VectorLayer::Impl {
    std::shared_ptr<VectorDataset::Impl> owner; // keeps the dataset open
    OGRLayer *layer = nullptr;
    std::string name;
    bool columnar = true;
    bool from_sql = false;       // a result set, released with the layer
    std::string user_where;      // set_user_filters
    std::optional<Box> user_box; // set_user_filters
    std::string range_filter;    // set_fid_range
    bool nothing = false;        // the spatial filter and the user's box do not meet
    ~Impl() {
        if (from_sql && layer != nullptr) {
            owner->dataset->ReleaseResultSet(layer);
        }
    }
    // Sets the user's clause and the FID range together; false when the driver refuses them.
    bool apply_attribute_filter() const {
        std::string filter = user_where.empty() || range_filter.empty()
                                 ? (user_where.empty() ? range_filter : user_where)
                                 : "(" + user_where + ") AND " + range_filter;
        return layer->SetAttributeFilter(filter.empty() ? nullptr : filter.c_str()) == OGRERR_NONE;
    }
};

VectorDataset::VectorDataset(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}
VectorDataset::VectorDataset(VectorDataset &&) noexcept = default;
VectorDataset::~VectorDataset() = default;

VectorDataset VectorDataset::open(const std::string &source,
                                  const std::vector<std::string> &open_options) {
    // GDAL would wait forever on a FIFO; a source is a file, a folder or a connection string.
    std::error_code ec;
    const auto status = std::filesystem::status(source, ec);
    if (!ec && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status) &&
        !std::filesystem::is_directory(status)) {
        throw GdalError("not a regular file (a FIFO or a device?); give a file");
    }
    register_drivers_once();
    QuietGdal quiet;
    auto impl = std::make_shared<Impl>();
    std::vector<const char *> options;
    options.reserve(open_options.size() + 1);
    for (const std::string &o : open_options) {
        options.push_back(o.c_str());
    }
    options.push_back(nullptr);
    impl->dataset.reset(GDALDataset::Open(source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                          nullptr, options.data()));
    if (!impl->dataset) {
        throw GdalError(QuietGdal::last_message());
    }
    return VectorDataset(std::move(impl));
}

std::vector<std::string> VectorDataset::layer_names() const {
    std::vector<std::string> names;
    for (OGRLayer *layer : impl_->dataset->GetLayers()) {
        names.emplace_back(layer->GetName());
    }
    return names;
}

bool VectorDataset::has_layer(const std::string &name) const {
    QuietGdal quiet;
    return impl_->dataset->GetLayerByName(name.c_str()) != nullptr;
}

VectorLayer VectorDataset::layer(const std::string &name) const {
    QuietGdal quiet;
    OGRLayer *layer = impl_->dataset->GetLayerByName(name.c_str());
    if (layer == nullptr) {
        throw GdalError("no layer named '" + name + "'");
    }
    auto impl = std::make_unique<VectorLayer::Impl>();
    impl->owner = impl_;
    impl->layer = layer;
    impl->name = layer->GetName();
    return VectorLayer(std::move(impl));
}

VectorLayer VectorDataset::sql_layer(const std::string &sql) const {
    QuietGdal quiet;
    OGRLayer *layer = impl_->dataset->ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (layer == nullptr) {
        const std::string why = QuietGdal::last_message();
        throw GdalError(why.empty() ? "the statement gives no layer" : why);
    }
    auto impl = std::make_unique<VectorLayer::Impl>();
    impl->owner = impl_;
    impl->layer = layer;
    impl->name = "sql";
    impl->from_sql = true;
    return VectorLayer(std::move(impl));
}

VectorLayer::VectorLayer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
VectorLayer::VectorLayer(VectorLayer &&) noexcept = default;
VectorLayer::~VectorLayer() = default;

const std::string &VectorLayer::name() const noexcept { return impl_->name; }

GeometryKind VectorLayer::geometry_kind() const {
    QuietGdal quiet;
    return kind_of(impl_->layer->GetGeomType());
}

std::vector<std::string> VectorLayer::field_names() const {
    std::vector<std::string> names;
    const OGRFeatureDefn *defn = impl_->layer->GetLayerDefn();
    names.reserve(static_cast<std::size_t>(defn->GetFieldCount()));
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        names.emplace_back(defn->GetFieldDefn(i)->GetNameRef());
    }
    return names;
}

bool VectorLayer::has_field(const std::string &field) const {
    return impl_->layer->GetLayerDefn()->GetFieldIndex(field.c_str()) >= 0;
}

std::string VectorLayer::crs_wkt() const {
    const OGRSpatialReference *srs = impl_->layer->GetSpatialRef();
    if (srs == nullptr) {
        return {};
    }
    char *wkt = nullptr;
    const char *options[] = {"FORMAT=WKT2_2019", nullptr};
    if (srs->exportToWkt(&wkt, options) != OGRERR_NONE || wkt == nullptr) {
        CPLFree(wkt);
        throw GdalError("cannot export the CRS of layer '" + name() + "'");
    }
    std::string out(wkt);
    CPLFree(wkt);
    return out;
}

void VectorLayer::set_spatial_filter(const std::optional<Box> &box) {
    std::optional<Box> within = impl_->user_box;
    if (box && !box->empty()) {
        within = within
                     ? Box{std::max(box->min_x, within->min_x), std::max(box->min_y, within->min_y),
                           std::min(box->max_x, within->max_x), std::min(box->max_y, within->max_y)}
                     : *box;
    }
    // Boxes that do not meet: no feature at all (for_each reads nothing).
    impl_->nothing = within && (within->min_x > within->max_x || within->min_y > within->max_y);
    if (within && !impl_->nothing) {
        impl_->layer->SetSpatialFilterRect(within->min_x, within->min_y, within->max_x,
                                           within->max_y);
    } else {
        impl_->layer->SetSpatialFilter(nullptr);
    }
}

void VectorLayer::set_user_filters(const std::string &where, const std::optional<Box> &box) {
    QuietGdal quiet;
    impl_->user_where = where;
    impl_->user_box = box;
    if (!impl_->apply_attribute_filter()) {
        throw GdalError(QuietGdal::last_message());
    }
    if (!where.empty()) {
        // Some drivers (GeoPackage, PostGIS) hand the clause to their database at the first
        // read: read one feature now, so that a bad clause is the user's error, said at once.
        CPLErrorReset();
        impl_->layer->ResetReading();
        OGRFeatureUniquePtr first(impl_->layer->GetNextFeature());
        impl_->layer->ResetReading();
        if (CPLGetLastErrorType() >= CE_Failure) {
            throw GdalError(QuietGdal::last_message());
        }
    }
    set_spatial_filter(std::nullopt);
}

std::optional<std::int64_t> VectorLayer::known_feature_count() const {
    QuietGdal quiet;
    const GIntBig count = impl_->layer->GetFeatureCount(FALSE);
    if (count < 0) {
        return std::nullopt;
    }
    return static_cast<std::int64_t>(count);
}

std::optional<Box> VectorLayer::known_extent() const {
    QuietGdal quiet;
    OGREnvelope envelope;
    if (impl_->layer->GetExtent(&envelope, FALSE) != OGRERR_NONE || !envelope.IsInit()) {
        return std::nullopt;
    }
    return Box{envelope.MinX, envelope.MinY, envelope.MaxX, envelope.MaxY};
}

namespace {
// "name" as an SQL identifier.
std::string quoted_identifier(const std::string &name) {
    std::string out = "\"";
    for (const char c : name) {
        out += c;
        if (c == '"') {
            out += '"';
        }
    }
    return out + "\"";
}
} // namespace

std::optional<std::pair<std::int64_t, std::int64_t>> VectorLayer::fid_bounds() const {
    QuietGdal quiet;
    GDALDataset &dataset = *impl_->owner->dataset;
    const char *fid_column = impl_->layer->GetFIDColumn();
    // A GeoPackage's FID is its table's integer primary key: MIN, MAX and a range are read
    // from the table's b-tree.
    if (impl_->from_sql || !EQUAL(dataset.GetDriverName(), "GPKG") || fid_column == nullptr ||
        *fid_column == 0) {
        return std::nullopt;
    }
    // One aggregate per query: SQLite answers a lone MIN or MAX of the key from the b-tree's
    // ends, but scans the whole table for MIN and MAX together.
    auto one = [&](const char *aggregate) -> std::optional<std::int64_t> {
        const std::string sql = std::string("SELECT ") + aggregate + "(" +
                                quoted_identifier(fid_column) + ") FROM " +
                                quoted_identifier(impl_->layer->GetName());
        OGRLayer *result = dataset.ExecuteSQL(sql.c_str(), nullptr, nullptr);
        if (result == nullptr) {
            return std::nullopt;
        }
        std::optional<std::int64_t> value;
        if (OGRFeatureUniquePtr row(result->GetNextFeature());
            row && row->IsFieldSetAndNotNull(0)) {
            value = static_cast<std::int64_t>(row->GetFieldAsInteger64(0));
        }
        dataset.ReleaseResultSet(result);
        return value;
    };
    const std::optional<std::int64_t> least = one("MIN");
    const std::optional<std::int64_t> greatest = least ? one("MAX") : std::nullopt;
    std::optional<std::pair<std::int64_t, std::int64_t>> bounds;
    if (least && greatest) {
        bounds = std::make_pair(*least, *greatest);
    }
    return bounds;
}

void VectorLayer::set_fid_range(const std::optional<std::pair<std::int64_t, std::int64_t>> &range) {
    QuietGdal quiet;
    impl_->range_filter.clear();
    if (range) {
        const std::string column = quoted_identifier(impl_->layer->GetFIDColumn());
        impl_->range_filter = column + " >= " + std::to_string(range->first) + " AND " + column +
                              " <= " + std::to_string(range->second);
    }
    if (!impl_->apply_attribute_filter()) {
        throw GdalError("layer '" + name() + "': cannot read a range of FIDs (" +
                        QuietGdal::last_message() + ")");
    }
}

void VectorLayer::set_columnar_reading(bool enabled) { impl_->columnar = enabled; }

bool VectorLayer::fast_columnar_reading() const {
    return impl_->layer->TestCapability(OLCFastGetArrowStream) != 0;
}

bool VectorLayer::fast_spatial_filter() const {
    return impl_->layer->TestCapability(OLCFastSpatialFilter) != 0;
}

void VectorLayer::for_each(const std::vector<std::string> &fields, GeometryKind wanted,
                           const std::function<void(FeatureRecord &)> &sink) {
    if (impl_->nothing) {
        return;
    }
    QuietGdal quiet;
    OGRLayer &layer = *impl_->layer;
    std::vector<int> indices;
    for (const std::string &field : fields) {
        const int index = layer.GetLayerDefn()->GetFieldIndex(field.c_str());
        if (index < 0) {
            throw GdalError("layer '" + name() + "' has no field '" + field + "'");
        }
        indices.push_back(index);
    }
    // Only the wanted fields are fetched (a GeoPackage selects just those columns).
    std::vector<const char *> ignored;
    const OGRFeatureDefn *defn = layer.GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        if (std::find(indices.begin(), indices.end(), i) == indices.end()) {
            ignored.push_back(defn->GetFieldDefn(i)->GetNameRef());
        }
    }
    ignored.push_back(nullptr);
    layer.SetIgnoredFields(ignored.data());
    const bool columnar =
        impl_->columnar &&
        detail::for_each_columnar(
            layer, indices, [&](FeatureRecord &record, const unsigned char *wkb, std::size_t size) {
                if (wkb != nullptr && detail::read_common_wkb(wkb, size, wanted, record)) {
                    sink(record);
                    return;
                }
                OGRGeometry *g = nullptr;
                std::size_t consumed = 0;
                const bool read = wkb == nullptr || OGRGeometryFactory::createFromWkb(
                                                        wkb, nullptr, &g, size, wkbVariantIso,
                                                        consumed) == OGRERR_NONE;
                const std::unique_ptr<OGRGeometry> owned(g);
                set_geometry(read ? g : nullptr, wanted, record);
                if (!read) {
                    record.skip_reason = "invalid_geometry";
                }
                sink(record);
            });
    if (!columnar) {
        layer.ResetReading();
        FeatureRecord record;
        for (auto &feature : layer) {
            record.fid = feature->GetFID();
            record.values.assign(indices.size(), std::string());
            for (std::size_t i = 0; i < indices.size(); ++i) {
                if (feature->IsFieldSetAndNotNull(indices[i])) {
                    record.values[i] = feature->GetFieldAsString(indices[i]);
                }
            }
            set_geometry(feature->GetGeometryRef(), wanted, record);
            sink(record);
        }
    }
    if (CPLGetLastErrorType() >= CE_Failure) {
        throw GdalError("reading layer '" + name() + "': " + QuietGdal::last_message());
    }
}

} // namespace adressage::geo
