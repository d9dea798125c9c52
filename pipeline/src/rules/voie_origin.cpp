#include "rules/voie_origin.hpp"

#include <cmath>

namespace adressage::pipeline {

std::string_view origin_rule_name(OriginRule rule) {
    switch (rule) {
    case OriginRule::centre:
        return "centre";
    case OriginRule::town_hall:
        return "town_hall";
    case OriginRule::east_to_west:
        return "east_to_west";
    case OriginRule::north_to_south:
        return "north_to_south";
    case OriginRule::voie_options:
        return "voie_options";
    }
    return "centre";
}

namespace {

// True when `last` lies further towards `direction` than `first` (ties: false, keep the order).
bool last_is_further(geo::XY first, geo::XY last, Cardinal direction) {
    switch (direction) {
    case Cardinal::north:
        return last.y > first.y;
    case Cardinal::south:
        return last.y < first.y;
    case Cardinal::east:
        return last.x > first.x;
    case Cardinal::west:
        return last.x < first.x;
    }
    return false;
}

} // namespace

OriginChoice VoieOrigin::process_one(geo::XY first, geo::XY last, geo::XY reference, bool town_hall,
                                     std::optional<Cardinal> forced) {
    if (forced) {
        return {last_is_further(first, last, *forced), OriginRule::voie_options};
    }
    const double d_first = geo::distance(first, reference);
    const double d_last = geo::distance(last, reference);
    const double span = geo::distance(first, last);
    if (std::abs(d_first - d_last) > ambiguity_ratio * span) {
        return {d_last < d_first, town_hall ? OriginRule::town_hall : OriginRule::centre};
    }
    // Ambiguous: East→West for a voie that runs rather east-west, else North→South.
    if (std::abs(last.x - first.x) >= std::abs(last.y - first.y)) {
        return {last_is_further(first, last, Cardinal::east), OriginRule::east_to_west};
    }
    return {last_is_further(first, last, Cardinal::north), OriginRule::north_to_south};
}

} // namespace adressage::pipeline
