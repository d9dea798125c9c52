// One voie name, several voie codes: the rows whose code is not the most used one, when a row of
// another code of that name lies within 500 m (or either has no position). Further apart, they
// are homonymous voies, each with its code, as a commune may have (the run's geometric check
// adressage.voie.homonyme_proche has the same distance).
#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "adressage_cross_checks.hpp"

namespace adressage::validator::detail {

namespace {

// A voie's most used code, and whether it has several.
struct BestCode {
    std::uint32_t code = 0;
    Usage usage;
    bool several = false;
};

std::vector<BestCode> best_codes(const std::deque<RowFacts> &rows, std::size_t voie_count) {
    std::unordered_map<std::uint64_t, Usage> usage; // (voie, code)
    for (const RowFacts &f : rows) {
        if (f.code != 0) {
            usage[(std::uint64_t{f.voie} << 32) | f.code].add(f.line);
        }
    }
    std::vector<BestCode> best(voie_count + 1);
    for (const auto &[key, u] : usage) {
        BestCode &b = best[key >> 32];
        b.several = b.code != 0;
        if (b.code == 0 || u.more_than(b.usage)) {
            b = {static_cast<std::uint32_t>(key & 0xFFFFFFFFU), u, b.several};
        }
    }
    return best;
}

bool located(const RowFacts &f) { return !std::isnan(f.x) && !std::isnan(f.y); }

// The rows with a code of the voies with several codes, by voie then x (rows without a position
// first).
std::vector<std::uint32_t> by_voie_and_x(const std::deque<RowFacts> &rows,
                                         const std::vector<BestCode> &best) {
    std::vector<std::uint32_t> order;
    for (std::uint32_t r = 0; r < rows.size(); ++r) {
        if (rows[r].code != 0 && best[rows[r].voie].several) {
            order.push_back(r);
        }
    }
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        const RowFacts &fa = rows[a], &fb = rows[b];
        const double xa = located(fa) ? fa.x : -std::numeric_limits<double>::infinity();
        const double xb = located(fb) ? fb.x : -std::numeric_limits<double>::infinity();
        return std::tie(fa.voie, xa, a) < std::tie(fb.voie, xb, b);
    });
    return order;
}

// By row: a row of another code of its voie lies within 500 m, found in a window of 500 m
// along x. Empty when no voie has several codes.
std::vector<bool> near_another_code(const std::deque<RowFacts> &rows,
                                    const std::vector<BestCode> &best) {
    const std::vector<std::uint32_t> order = by_voie_and_x(rows, best);
    if (order.empty()) {
        return {};
    }
    constexpr double near = 500.0;
    std::vector<bool> close(rows.size(), false);
    for (std::size_t i = 0; i < order.size(); ++i) {
        const RowFacts &f = rows[order[i]];
        for (std::size_t j = i + 1; j < order.size(); ++j) {
            const RowFacts &g = rows[order[j]];
            if (g.voie != f.voie || (located(f) && located(g) && g.x - f.x > near)) {
                break;
            }
            if (g.code == f.code) {
                continue;
            }
            if (!located(f) || !located(g) || std::hypot(g.x - f.x, g.y - f.y) <= near) {
                close[order[i]] = true;
                close[order[j]] = true;
            }
        }
    }
    return close;
}

} // namespace

void flag_several_codes(const std::deque<RowFacts> &rows, std::size_t voie_count,
                        ExtraAlerts &alerts) {
    const std::vector<BestCode> best = best_codes(rows, voie_count);
    const std::vector<bool> close = near_another_code(rows, best);
    if (close.empty()) {
        return;
    }
    for (std::uint32_t r = 0; r < rows.size(); ++r) {
        const RowFacts &f = rows[r];
        if (f.code != 0 && f.code != best[f.voie].code && close[r]) {
            alerts.add(f.line, ExtraCode::voie_codes_multiples);
        }
    }
}

} // namespace adressage::validator::detail
