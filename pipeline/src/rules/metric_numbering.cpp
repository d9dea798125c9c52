#include "rules/metric_numbering.hpp"

#include <algorithm>
#include <cmath>

namespace adressage::pipeline {

namespace {

int parity_of(int n) { return ((n % 2) + 2) % 2; }

} // namespace

std::optional<int> MetricNumbering::process_one(double along, geo::Side side,
                                                const std::set<int> &taken, int metres_per_unit) {
    const int parity = side == geo::Side::right ? 0 : 1; // even on the right, odd on the left
    const int lowest = parity == 0 ? 2 : 1;
    const int highest = parity_of(max_numero) == parity ? max_numero : max_numero - 1;
    const double position = along / metres_per_unit;
    const double rounded = std::round(position);
    if (rounded > max_numero) {
        return std::nullopt; // beyond what the numbers allow in this unit
    }
    int n = static_cast<int>(rounded);
    if (parity_of(n) != parity) {
        n += position >= rounded ? 1 : -1; // the nearer unit of the right parity
    }
    n = std::clamp(n, lowest, highest); // 0 and 10000 are no numbers
    // Above every number of this side already given (they are all nearer the origin).
    for (auto it = taken.rbegin(); it != taken.rend(); ++it) {
        if (parity_of(*it) == parity) {
            n = std::max(n, *it + 2);
            break;
        }
    }
    if (n > highest) {
        return std::nullopt;
    }
    return n;
}

} // namespace adressage::pipeline
