#pragma once
// Metric numbering (guide des bonnes pratiques, "Gestion des numéros"): the number is the
// distance from the voie's origin, in metres (decametres on a voie longer than 9,999 m), odd on
// the left and even on the right, no suffixes, 1..9999.
//
// Collisions: the guide says "add or remove a metre", but one metre changes the parity, and
// the parity must keep telling the side. A number already taken moves to the nearest free
// number of the same parity that keeps the numbers of that side increasing along the voie:
// buildings are numbered from the origin outwards, so that is the next free one, +2, +4...
// (never -2: it would put the building before one nearer the origin). The move is at most the
// number of buildings that share a few metres, and the report counts every moved number.
#include <optional>
#include <set>

#include "adressage/geo/linear_ref.hpp"

namespace adressage::pipeline {

struct MetricNumbering {
    static constexpr int max_numero = 9999;
    // A voie longer than this is numbered in decametres (its numbers would exceed 9999).
    static constexpr double max_metric_length = 9999.0;

    // Metres per number on a voie of `length` metres: 1, or 10 beyond 9,999 m.
    static int metres_per_unit(double length) { return length > max_metric_length ? 10 : 1; }

    // The number for a building `along` metres from the origin on `side` (`on` counts as left),
    // `taken` the numbers already given on the voie (all nearer the origin), or nullopt when
    // none is free in 1..9999.
    static std::optional<int> process_one(double along, geo::Side side, const std::set<int> &taken,
                                          int metres_per_unit = 1);
};

} // namespace adressage::pipeline
