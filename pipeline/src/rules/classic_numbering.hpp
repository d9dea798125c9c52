#pragma once
// Classic numbering (guide des bonnes pratiques, "Gestion des numéros"): from the voie's
// origin outwards, odd numbers on the left 1, 3, 5... and even on the right 2, 4, 6...,
// without suffixes (suffixes only insert a number between existing ones; see the update
// issue).
//
// Gaps for future buildings (`--classic-gap-metres G`, 0 turns them off): a stretch of D
// metres without buildings on one side, between two numbered buildings or from the origin to
// the first one, holds floor(D / G) - 1 plots of G metres that may be built later; each gets a
// number left free. With G = 30, buildings at 10, 25 and 130 m on the left are 1, 3 and 9 (5
// and 7 wait for the 105 m in between). A voie side whose numbers would exceed 9999 with gaps
// is numbered without them (the stage reports it).
#include <optional>

#include "adressage/geo/linear_ref.hpp"

namespace adressage::pipeline {

struct ClassicNumbering {
    static constexpr int max_numero = 9999;

    // The previous numbered building on the same side of the voie.
    struct Previous {
        int numero = 0;
        double along = 0.0;
    };

    // The number of a building `along` metres from the origin on `side` (`on` counts as
    // left), after `previous` on that side (nullopt for the first), or nullopt above 9999.
    static std::optional<int> process_one(double along, geo::Side side,
                                          const std::optional<Previous> &previous,
                                          double gap_metres);
};

} // namespace adressage::pipeline
