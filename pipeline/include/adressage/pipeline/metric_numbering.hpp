#pragma once
// Metric numbering (guide des bonnes pratiques, "Gestion des numéros"): the number is the
// distance in metres from the voie's origin, odd on the left and even on the right, no
// suffixes, 1..9999. A number already taken on the voie moves to the nearest free metre of
// the same parity (+2, -2, +4, ...), so parity always tells the side.
#include <optional>
#include <set>

#include "adressage/geo/linear_ref.hpp"

namespace adressage::pipeline {

struct MetricNumbering {
    static constexpr int max_numero = 9999;

    // The number for a building `along` metres from the origin on `side` (`on` counts as left),
    // or nullopt when none is free in 1..9999 (a voie longer than 10 km).
    static std::optional<int> process_one(double along, geo::Side side, const std::set<int> &taken);
};

} // namespace adressage::pipeline
