#include "adressage/geo/geopackage_writer.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <memory>

#include "adressage/error.hpp"
#include "quiet_gdal.hpp"

namespace adressage::geo {

namespace {

std::string gdal_message(const std::string &what) {
    const char *msg = CPLGetLastErrorMsg();
    return what + (msg != nullptr && *msg != '\0' ? ": " + std::string(msg) : "");
}

OGRwkbGeometryType ogr_type(LayerGeometry g) {
    switch (g) {
    case LayerGeometry::point:
        return wkbPoint;
    case LayerGeometry::multilinestring:
        return wkbMultiLineString;
    case LayerGeometry::multipolygon:
        return wkbMultiPolygon;
    case LayerGeometry::none:
        break;
    }
    return wkbNone;
}

OGRFieldType ogr_field_type(FieldType t) {
    switch (t) {
    case FieldType::integer:
        return OFTInteger64;
    case FieldType::real:
        return OFTReal;
    case FieldType::boolean:
        return OFTInteger; // with the boolean subtype
    case FieldType::datetime:
        return OFTDateTime;
    case FieldType::text:
        break;
    }
    return OFTString;
}

OGRLinearRing ring_of(const Ring &ring) {
    OGRLinearRing out;
    out.setNumPoints(static_cast<int>(ring.size()), false);
    for (std::size_t i = 0; i < ring.size(); ++i) {
        out.setPoint(static_cast<int>(i), ring[i].x, ring[i].y);
    }
    return out;
}

std::unique_ptr<OGRGeometry> geometry_of(LayerGeometry g, const OutputFeature &f) {
    if (g == LayerGeometry::point) {
        return std::make_unique<OGRPoint>(f.point->x, f.point->y);
    }
    if (g == LayerGeometry::multilinestring) {
        auto multi = std::make_unique<OGRMultiLineString>();
        for (const Polyline &line : f.lines) {
            OGRLineString ls;
            ls.setNumPoints(static_cast<int>(line.size()), false);
            for (std::size_t i = 0; i < line.size(); ++i) {
                ls.setPoint(static_cast<int>(i), line[i].x, line[i].y);
            }
            multi->addGeometry(&ls);
        }
        return multi;
    }
    auto multi = std::make_unique<OGRMultiPolygon>();
    for (const Polygon &polygon : f.polygons) {
        OGRPolygon p;
        OGRLinearRing outer = ring_of(polygon.outer);
        p.addRing(&outer);
        for (const Ring &hole : polygon.holes) {
            OGRLinearRing inner = ring_of(hole);
            p.addRing(&inner);
        }
        multi->addGeometry(&p);
    }
    return multi;
}

void set_value(OGRFeature &feature, int i, const FieldValue &value) {
    if (const auto *n = std::get_if<std::int64_t>(&value)) {
        feature.SetField(i, static_cast<GIntBig>(*n));
    } else if (const auto *d = std::get_if<double>(&value)) {
        feature.SetField(i, *d);
    } else if (const auto *s = std::get_if<std::string>(&value)) {
        feature.SetField(i, s->c_str());
    } else {
        feature.SetFieldNull(i);
    }
}

void write_layer(GDALDataset &ds, OGRSpatialReference &srs, const OutputLayer &layer) {
    const bool spatial = layer.geometry != LayerGeometry::none;
    char **options = nullptr;
    // No R-tree: it was 30 of the 75 ms La Turbie's review took, and QGIS draws a commune's
    // few thousand features without one.
    options = CSLSetNameValue(options, "SPATIAL_INDEX", "NO");
    if (!layer.description.empty()) {
        options = CSLSetNameValue(options, "DESCRIPTION", layer.description.c_str());
    }
    OGRLayer *out = ds.CreateLayer(layer.name.c_str(), spatial ? &srs : nullptr,
                                   ogr_type(layer.geometry), options);
    CSLDestroy(options);
    if (out == nullptr) {
        throw GdalError(gdal_message("cannot create layer " + layer.name));
    }
    for (const FieldDef &f : layer.fields) {
        OGRFieldDefn d(f.name.c_str(), ogr_field_type(f.type));
        if (f.type == FieldType::boolean) {
            d.SetSubType(OFSTBoolean);
        }
        if (out->CreateField(&d) != OGRERR_NONE) {
            throw GdalError(gdal_message("cannot create field " + layer.name + "." + f.name));
        }
    }
    for (const OutputFeature &f : layer.features) {
        OGRFeature feature(out->GetLayerDefn());
        for (std::size_t i = 0; i < f.values.size() && i < layer.fields.size(); ++i) {
            set_value(feature, static_cast<int>(i), f.values[i]);
        }
        const bool empty = (layer.geometry == LayerGeometry::point && !f.point) ||
                           (layer.geometry == LayerGeometry::multilinestring && f.lines.empty()) ||
                           (layer.geometry == LayerGeometry::multipolygon && f.polygons.empty());
        if (spatial && !empty) { // an empty collection is a null geometry
            feature.SetGeometryDirectly(geometry_of(layer.geometry, f).release());
        }
        if (out->CreateFeature(&feature) != OGRERR_NONE) {
            throw GdalError(gdal_message("cannot write a feature of " + layer.name));
        }
    }
}

// A GDAL configuration option for this thread only, restored after.
class ThreadOption {
  public:
    ThreadOption(const char *key, const std::string &value)
        : key_(key), previous_(CPLGetThreadLocalConfigOption(key, "")) {
        CPLSetThreadLocalConfigOption(key, value.c_str());
    }
    ~ThreadOption() {
        CPLSetThreadLocalConfigOption(key_, previous_.empty() ? nullptr : previous_.c_str());
    }
    ThreadOption(const ThreadOption &) = delete;
    ThreadOption &operator=(const ThreadOption &) = delete;

  private:
    const char *key_;
    std::string previous_;
};

// The GeoPackage written at `path` itself; it may be partly written when this throws.
void write_in_place(const std::string &path, int epsg, const std::vector<OutputLayer> &layers,
                    const std::string &timestamp) {
    GDALAllRegister();
    const QuietGdal quiet; // GDAL's message goes in the exception, not on stderr
    const ThreadOption date("OGR_CURRENT_DATE", timestamp);
    // No fsync per transaction: the file is written under a temporary name and renamed, so a
    // crash leaves no file that looks complete.
    const ThreadOption sync("OGR_SQLITE_SYNCHRONOUS", "OFF");
    GDALDriver *driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (driver == nullptr) {
        throw GdalError("the GDAL in use has no GPKG driver");
    }
    std::error_code ec;
    std::filesystem::remove(path, ec);
    std::unique_ptr<GDALDataset> ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) {
        throw GdalError(gdal_message("cannot create " + path));
    }
    OGRSpatialReference srs;
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (srs.importFromEPSG(epsg) != OGRERR_NONE) {
        throw GdalError(gdal_message("unknown CRS EPSG:" + std::to_string(epsg)));
    }
    // One transaction for the whole file: outside one, each layer's and field's creation is
    // its own, with its journal created and removed (half the time of a commune's review).
    if (ds->StartTransaction() != OGRERR_NONE) {
        throw GdalError(gdal_message("cannot start a transaction on " + path));
    }
    for (const OutputLayer &layer : layers) {
        write_layer(*ds, srs, layer);
    }
    if (ds->CommitTransaction() != OGRERR_NONE) {
        throw GdalError(gdal_message("cannot write " + path));
    }
    CPLErrorReset(); // GDAL 3.6 has no GDALDataset::Close(): a failed close is an error raised
    ds.reset();
    if (CPLGetLastErrorType() >= CE_Failure) {
        throw GdalError(gdal_message("cannot finish " + path));
    }
}

} // namespace

void write_geopackage(const std::string &path, int epsg, const std::vector<OutputLayer> &layers,
                      const std::string &timestamp) {
    const std::filesystem::path target(path);
    // GDAL picks the driver by the extension: the temporary name ends in .gpkg too.
    const std::filesystem::path partial =
        target.parent_path() / ("." + target.stem().string() + "-partial.gpkg");
    try {
        write_in_place(partial.string(), epsg, layers, timestamp);
        std::filesystem::rename(partial, target);
    } catch (const std::exception &e) {
        std::error_code ec;
        std::filesystem::remove(partial, ec);
        if (dynamic_cast<const GdalError *>(&e) != nullptr) {
            throw;
        }
        throw GdalError(e.what()); // the rename's
    }
}

} // namespace adressage::geo
