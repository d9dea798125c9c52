#pragma once
// Where a voie's numbering starts (guide des bonnes pratiques, "Gestion des numéros"): at the
// end nearer the commune centre (the town hall when given), so numbers run from the centre
// outwards; when both ends are about as far from it, East→West, then North→South; a voie
// named in --voie-options starts at the end it gives. The rule that chose is reported.
#include <optional>
#include <string_view>

#include "adressage/geo/xy.hpp"

namespace adressage::pipeline {

enum class OriginRule {
    centre,         // the end nearer the commune centre (centroid of the boundary)
    town_hall,      // the end nearer the town hall (--town-hall)
    east_to_west,   // ambiguous, the voie runs rather east-west: starts at its east end
    north_to_south, // ambiguous, the voie runs rather north-south: starts at its north end
    voie_options,   // the end named in --voie-options
};

// Spelled in the report: "centre", "town_hall", "east_to_west", "north_to_south",
// "voie_options".
std::string_view origin_rule_name(OriginRule rule);

// An end of a voie named by where it lies: the northernmost, southernmost... end.
enum class Cardinal { north, south, east, west };

struct OriginChoice {
    bool reverse = false; // true: the origin is the voie's last point, reverse the voie
    OriginRule rule = OriginRule::centre;
};

struct VoieOrigin {
    // The ends' distances to the reference differ by less than this fraction of the distance
    // between the ends: the voie runs across the way out from the centre, not along it, and
    // "from the centre outwards" does not tell its direction.
    static constexpr double ambiguity_ratio = 0.1;

    // `first` and `last`: the voie's two ends; `reference`: the commune centre or the town
    // hall (`town_hall` says which); `forced`: the end given in --voie-options.
    static OriginChoice process_one(geo::XY first, geo::XY last, geo::XY reference, bool town_hall,
                                    std::optional<Cardinal> forced);
};

} // namespace adressage::pipeline
