#include "adressage/pipeline/metric_numbering.hpp"

#include <algorithm>
#include <cmath>

namespace adressage::pipeline {

std::optional<int> MetricNumbering::process_one(double along, geo::Side side,
                                                const std::set<int> &taken) {
    const int parity = side == geo::Side::right ? 0 : 1; // even on the right, odd on the left
    const int lowest = parity == 0 ? 2 : 1;
    const double rounded = std::round(along);
    if (rounded > max_numero) {
        return std::nullopt; // the voie is longer than the numbers allow
    }
    int n = static_cast<int>(rounded);
    if ((n % 2 + 2) % 2 != parity) {
        n += along >= rounded ? 1 : -1; // the nearer metre of the right parity
    }
    n = std::max(n, lowest);
    const int highest = max_numero - ((max_numero % 2) != parity ? 1 : 0);
    n = std::min(n, highest);
    // Nearest free number of the same parity: n, n+2, n-2, n+4, n-4...
    for (int step = 0; n + step <= highest || n - step >= lowest; step += 2) {
        if (n + step <= highest && !taken.contains(n + step)) {
            return n + step;
        }
        if (step > 0 && n - step >= lowest && !taken.contains(n - step)) {
            return n - step;
        }
    }
    return std::nullopt;
}

} // namespace adressage::pipeline
