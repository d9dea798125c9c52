// The read floor of bench/batch-departement: the time GDAL alone takes to read every feature of
// the given layers (geometry decoded into points, every field fetched), with nothing else done.
// Usage: read_floor [--columnar] SOURCE:LAYER... ; prints "features points seconds".
// --columnar reads through GDAL's columnar (Arrow) stream instead, as adressage reads a
// GeoPackage: every column of each batch, each geometry decoded from its WKB by
// OGRGeometryFactory::createFromWkb into points, each string field's bytes counted.
// Built by bench/batch-departement with g++ and gdal-config (not part of the CMake build).
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include <gdal_priv.h>
#include <ogr_recordbatch.h>
#include <ogrsf_frmts.h>

namespace {

std::size_t points(const OGRGeometry *g, std::vector<OGRRawPoint> &buffer) {
    if (g == nullptr) {
        return 0;
    }
    const OGRwkbGeometryType type = wkbFlatten(g->getGeometryType());
    if (OGR_GT_IsSubClassOf(type, wkbCurve) != 0 && type != wkbCompoundCurve &&
        type != wkbCircularString) {
        const auto *curve = g->toSimpleCurve();
        buffer.resize(static_cast<std::size_t>(curve->getNumPoints()));
        curve->getPoints(buffer.data());
        return buffer.size();
    }
    if (type == wkbPolygon) {
        const auto *polygon = g->toPolygon();
        std::size_t n = 0;
        for (const OGRLinearRing *ring : *polygon) {
            n += points(ring, buffer);
        }
        return n;
    }
    if (OGR_GT_IsSubClassOf(type, wkbGeometryCollection) != 0) {
        std::size_t n = 0;
        for (const OGRGeometry *part : *g->toGeometryCollection()) {
            n += points(part, buffer);
        }
        return n;
    }
    return 0;
}

// The features of `layer` through its Arrow stream; adds their points and text bytes.
std::size_t read_columnar(OGRLayer &layer, std::vector<OGRRawPoint> &buffer,
                          std::size_t &total_points, std::size_t &chars) {
    ArrowArrayStream stream;
    if (!layer.GetArrowStream(&stream, nullptr)) {
        return 0;
    }
    ArrowSchema schema;
    stream.get_schema(&stream, &schema);
    std::size_t features = 0;
    for (;;) {
        ArrowArray batch;
        if (stream.get_next(&stream, &batch) != 0 || batch.release == nullptr) {
            break;
        }
        features += static_cast<std::size_t>(batch.length);
        for (std::int64_t c = 0; c < schema.n_children; ++c) {
            const std::string format = schema.children[c]->format;
            const ArrowArray &column = *batch.children[c];
            if (format != "z" && format != "u") {
                continue;
            }
            const auto *offsets = static_cast<const std::int32_t *>(column.buffers[1]);
            const auto *data = static_cast<const unsigned char *>(column.buffers[2]);
            for (std::int64_t i = column.offset; i < column.offset + batch.length; ++i) {
                const auto size = static_cast<std::size_t>(offsets[i + 1] - offsets[i]);
                if (format == "u") {
                    chars += size;
                    continue;
                }
                OGRGeometry *g = nullptr;
                std::size_t consumed = 0;
                if (size > 0 &&
                    OGRGeometryFactory::createFromWkb(data + offsets[i], nullptr, &g, size,
                                                      wkbVariantIso, consumed) == OGRERR_NONE) {
                    total_points += points(g, buffer);
                    delete g;
                }
            }
        }
        batch.release(&batch);
    }
    schema.release(&schema);
    stream.release(&stream);
    return features;
}

} // namespace

int main(int argc, char **argv) {
    GDALAllRegister();
    const auto start = std::chrono::steady_clock::now();
    std::size_t features = 0;
    std::size_t total_points = 0;
    std::size_t chars = 0;
    std::vector<OGRRawPoint> buffer;
    const bool columnar = argc > 1 && std::string(argv[1]) == "--columnar";
    for (int i = columnar ? 2 : 1; i < argc; ++i) {
        const std::string spec = argv[i];
        const auto colon = spec.rfind(':');
        GDALDatasetUniquePtr ds(
            GDALDataset::Open(spec.substr(0, colon).c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
        if (!ds) {
            std::fprintf(stderr, "cannot open %s\n", spec.c_str());
            return 2;
        }
        OGRLayer *layer = ds->GetLayerByName(spec.substr(colon + 1).c_str());
        if (layer == nullptr) {
            std::fprintf(stderr, "no layer in %s\n", spec.c_str());
            return 2;
        }
        if (columnar) {
            features += read_columnar(*layer, buffer, total_points, chars);
            continue;
        }
        for (const auto &feature : *layer) {
            ++features;
            total_points += points(feature->GetGeometryRef(), buffer);
            for (int f = 0; f < feature->GetFieldCount(); ++f) {
                if (feature->IsFieldSetAndNotNull(f)) {
                    chars += std::string(feature->GetFieldAsString(f)).size();
                }
            }
        }
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("%zu %zu %.3f\n", features, total_points + (chars == 0 ? 0 : 0), seconds);
    return 0;
}
