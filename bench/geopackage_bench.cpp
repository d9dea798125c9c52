// The review GeoPackage's writer (geo/geopackage_writer.hpp): a commune-sized file, 3,000
// building polygons and 2,000 address points with a few fields each, written to a new file.
// Arg: 0 the whole file; 1 an empty layer only (what creating a GeoPackage costs).
#include <benchmark/benchmark.h>

#include <filesystem>

#include "adressage/geo/geopackage_writer.hpp"

using namespace adressage::geo;

namespace {

std::vector<OutputLayer> commune_layers(bool empty) {
    OutputLayer buildings{"batiments", LayerGeometry::multipolygon, {}, {}, {}};
    buildings.fields = {{"batiment_fid", FieldType::integer}, {"devenir", FieldType::text}};
    OutputLayer addresses{"adresses", LayerGeometry::point, {}, {}, {}};
    addresses.fields = {{"numero", FieldType::integer},
                        {"voie_nom", FieldType::text},
                        {"distance_voie_m", FieldType::real}};
    for (int i = 0; !empty && i < 3000; ++i) {
        const int column = i % 60;
        const int row = i / 60;
        const double x = 1000.0 + column * 30.0;
        const double y = 2000.0 + row * 30.0;
        OutputFeature f;
        f.values = {std::int64_t{i}, std::string("numerote")};
        f.polygons = {{{{x, y}, {x + 12, y}, {x + 12, y + 9}, {x, y + 9}, {x, y}}, {}}};
        buildings.features.push_back(std::move(f));
        if (i < 2000) {
            OutputFeature a;
            a.values = {std::int64_t{i + 1}, std::string("Avenue de la République"), 12.5};
            a.point = XY{x + 6, y + 4};
            addresses.features.push_back(std::move(a));
        }
    }
    return {addresses, buildings};
}

void BM_write_geopackage(benchmark::State &state) {
    const auto layers = commune_layers(state.range(0) == 1);
    const std::string path =
        (std::filesystem::temp_directory_path() / "adressage-bench.gpkg").string();
    for (auto _ : state) {
        write_geopackage(path, 2154, layers, "2026-11-20T00:00:00.000Z");
    }
    std::filesystem::remove(path);
}
BENCHMARK(BM_write_geopackage)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

} // namespace
