// Whole runs of `adressage run` on the shipped communes, and the numbering rule alone.
#include <benchmark/benchmark.h>

#include <filesystem>

#include "adressage/pipeline/runner.hpp"
#include "rules/metric_numbering.hpp"

using namespace adressage::pipeline;
namespace fs = std::filesystem;

namespace {

RunOptions commune_options(const std::string &insee) {
    const std::string data = ADRESSAGE_BENCH_DATA;
    RunOptions o;
    o.data_dir = data;
    o.insee = insee;
    o.date = "2026-11-20";
    o.out_dir = (fs::temp_directory_path() / "adressage_bench").string();
    if (insee == "25354") {
        const std::string g = data + "/cadastre-25354-luxiol/luxiol-25354.gpkg";
        o.preset = "cadastre";
        o.roads = {g + ":voie_zoncommuni"};
        o.buildings = {g + ":batiment"};
        o.boundary = {g + ":commune"};
    } else {
        const std::string osm = data + "/osm-alpes-maritimes-2016/";
        o.roads = {osm + "osm-" + insee + ".gpkg:roads"};
        o.buildings = {osm + "osm-" + insee + ".gpkg:buildings"};
        o.boundary = {osm + "boundary-" + insee + ".geojson"};
    }
    return o;
}

void BM_run_commune(benchmark::State &state, const std::string &insee) {
    const RunOptions options = commune_options(insee);
    std::int64_t buildings = 0;
    for (auto _ : state) {
        const RunResult result = run_commune(options);
        buildings = result.report["summary"]["buildings_read"].get<std::int64_t>();
        benchmark::DoNotOptimize(buildings);
    }
    state.counters["buildings"] = static_cast<double>(buildings);
    state.counters["buildings_per_s"] = benchmark::Counter(
        static_cast<double>(buildings), benchmark::Counter::kIsIterationInvariantRate);
    fs::remove_all(options.out_dir);
}
BENCHMARK_CAPTURE(BM_run_commune, beausoleil_06012, std::string("06012"))
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_run_commune, cap_d_ail_06032, std::string("06032"))
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_run_commune, la_turbie_06150, std::string("06150"))
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_run_commune, luxiol_25354, std::string("25354"))
    ->Unit(benchmark::kMillisecond);

void BM_metric_numbering_one_voie(benchmark::State &state) {
    const int buildings = static_cast<int>(state.range(0));
    for (auto _ : state) {
        std::set<int> taken;
        for (int i = 0; i < buildings; ++i) {
            const auto side = (i % 2) ? adressage::geo::Side::left : adressage::geo::Side::right;
            if (auto n = MetricNumbering::process_one(i * 3.7, side, taken)) {
                taken.insert(*n);
            }
        }
        benchmark::DoNotOptimize(taken.size());
    }
    state.SetItemsProcessed(state.iterations() * buildings);
}
BENCHMARK(BM_metric_numbering_one_voie)->Arg(100)->Arg(1000);

} // namespace
