#include "rules/classic_numbering.hpp"

#include <algorithm>
#include <cmath>

namespace adressage::pipeline {

std::optional<int> ClassicNumbering::process_one(double along, geo::Side side,
                                                 const std::optional<Previous> &previous,
                                                 double gap_metres) {
    // Before the first number of a side stands a virtual 0 at the origin: -1 on the odd side.
    const int before = previous ? previous->numero : (side == geo::Side::right ? 0 : -1);
    const double from = previous ? previous->along : 0.0;
    long long slots = 1;
    if (gap_metres > 0.0) {
        const double stretch = std::max(0.0, along - from);
        slots = std::max(1LL, static_cast<long long>(std::floor(stretch / gap_metres)));
    }
    const long long n = before + 2 * slots;
    if (n > max_numero) {
        return std::nullopt;
    }
    return static_cast<int>(n);
}

} // namespace adressage::pipeline
