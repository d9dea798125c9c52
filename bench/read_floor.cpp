// The read floor of bench/batch-departement: the time GDAL alone takes to read every feature of
// the given layers (geometry decoded into points, every field fetched), with nothing else done.
// Usage: read_floor SOURCE:LAYER... ; prints "features points seconds".
// Built by bench/batch-departement with g++ and gdal-config (not part of the CMake build).
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include <gdal_priv.h>
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

} // namespace

int main(int argc, char **argv) {
    GDALAllRegister();
    const auto start = std::chrono::steady_clock::now();
    std::size_t features = 0;
    std::size_t total_points = 0;
    std::size_t chars = 0;
    std::vector<OGRRawPoint> buffer;
    for (int i = 1; i < argc; ++i) {
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
