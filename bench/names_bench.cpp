// Name normalisation speed on the golden set (tests/names/golden.tsv), one core.
#include <benchmark/benchmark.h>

#include <fstream>

#include "adressage/names/normaliser.hpp"

using namespace adressage::names;

namespace {

std::vector<std::string> golden_raw_names() {
    std::ifstream in(ADRESSAGE_BENCH_SOURCE "/tests/names/golden.tsv");
    std::vector<std::string> names;
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.front() != '#') {
            names.push_back(line.substr(0, line.find('\t')));
        }
    }
    return names;
}

void BM_normalise_golden_set(benchmark::State &state) {
    static const Dictionaries dictionaries =
        Dictionaries::load(DictionaryPaths::defaults(ADRESSAGE_BENCH_DATA));
    const NameNormaliser normaliser(dictionaries);
    const std::vector<std::string> names = golden_raw_names();
    for (auto _ : state) {
        for (const std::string &name : names) {
            benchmark::DoNotOptimize(normaliser.normalise(name));
        }
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(names.size()));
}
BENCHMARK(BM_normalise_golden_set)->Unit(benchmark::kMillisecond);

void BM_load_dictionaries(benchmark::State &state) {
    for (auto _ : state) {
        benchmark::DoNotOptimize(
            Dictionaries::load(DictionaryPaths::defaults(ADRESSAGE_BENCH_DATA)));
    }
}
BENCHMARK(BM_load_dictionaries)->Unit(benchmark::kMillisecond);

} // namespace
