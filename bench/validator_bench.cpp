// The adressage.* checks over a generated BAL 1.4 of N rows (the layout of bench/make-bal:
// voies of 200 numbers in Beausoleil, some suffixes and names the checks flag), rows already
// in memory: what the checks add to `adressage validate`.
#include <benchmark/benchmark.h>

#include <string>
#include <string_view>
#include <vector>

#include "adressage/formats/bal_format.hpp"
#include "adressage/validator/adressage_checks.hpp"

namespace {

const std::vector<std::string> header(adressage::formats::bal14_columns.begin(),
                                      adressage::formats::bal14_columns.end());

std::vector<std::vector<std::string>> make_rows(std::size_t n) {
    static const char *const names[] = {"Rue du Bench ", "Av. du Bench ", "Chemin  du Bench ",
                                        "Impasse du BENCH ", "Allée du Bench "};
    std::vector<std::vector<std::string>> rows;
    rows.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t voie = i / 200 + 1;
        const std::size_t numero = i % 200 + 1;
        std::string code = std::to_string(voie % 1000);
        code = "x" + std::string(3 - code.size(), '0') + code;
        std::string padded = std::to_string(numero);
        padded = std::string(5 - padded.size(), '0') + padded;
        const char *suffixe = i % 37 == 0 ? "bis" : i % 53 == 0 ? "A" : "";
        rows.push_back({"",
                        "",
                        "",
                        "06012_" + code + "_" + padded,
                        "06012",
                        "Beausoleil",
                        "",
                        "",
                        names[voie % 5] + std::to_string(voie),
                        "",
                        std::to_string(numero),
                        suffixe,
                        "bâtiment",
                        "1055012.34",
                        "6303012.34",
                        "7.4246277",
                        "43.7420459",
                        "",
                        "adressage bench",
                        "2026-01-15",
                        "0"});
    }
    return rows;
}

void BM_adressage_checks(benchmark::State &state) {
    const auto rows = make_rows(static_cast<std::size_t>(state.range(0)));
    std::vector<std::string_view> cells;
    std::size_t alerts = 0;
    for (auto _ : state) {
        adressage::validator::AdressageChecks checks(header);
        for (std::size_t r = 0; r < rows.size(); ++r) {
            cells.assign(rows[r].begin(), rows[r].end());
            checks.add_row(r, cells);
        }
        alerts = checks.finish().size();
        benchmark::DoNotOptimize(alerts);
    }
    state.counters["alerts"] = static_cast<double>(alerts);
}
BENCHMARK(BM_adressage_checks)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond);

} // namespace
