// The geometry kernels of the assign stage: nearest voie and linear referencing.
#include <benchmark/benchmark.h>

#include <cmath>

#include "adressage/geo/linear_ref.hpp"
#include "adressage/geo/nearest_line_index.hpp"

using namespace adressage::geo;

namespace {

// A grid of `n` wiggly streets, 1 km long, 50 m apart.
std::vector<Polyline> streets(int n) {
    std::vector<Polyline> lines;
    for (int s = 0; s < n; ++s) {
        Polyline line;
        for (int i = 0; i <= 50; ++i) {
            line.push_back({i * 20.0, s * 50.0 + 3.0 * std::sin(i * 0.7 + s)});
        }
        lines.push_back(std::move(line));
    }
    return lines;
}

void BM_nearest_line(benchmark::State &state) {
    GeosContext ctx;
    const auto lines = streets(static_cast<int>(state.range(0)));
    const NearestLineIndex index(ctx, lines);
    int i = 0;
    for (auto _ : state) {
        const XY p{(i * 37) % 1000 + 0.5, (i * 53) % (50 * static_cast<int>(state.range(0))) + 0.5};
        benchmark::DoNotOptimize(index.nearest(p, 150.0));
        ++i;
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_nearest_line)->Arg(100)->Arg(1000);

void BM_locate(benchmark::State &state) {
    const Polyline line = streets(1).front();
    int i = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(locate(line, {(i * 37) % 1000 + 0.5, 12.0}));
        ++i;
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_locate);

} // namespace
