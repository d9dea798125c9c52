#pragma once
// An alert of the run's geometric checks (checks/geometric_checks.hpp, where the rules, codes
// and labels are): here so that the stages after the checks can carry them (StageResults).
#include <cstddef>
#include <cstdint>
#include <string>

#include "adressage/geo/xy.hpp"

namespace adressage::pipeline {

enum class GeometricCheck : std::uint8_t {
    cote_parite,
    ordre,
    autre_voie,
    autre_voie_parcelle,
    hors_commune,
    trop_proche,
    trace_croise,
    homonyme_proche,
};
inline constexpr std::size_t geometric_check_count = 8;

struct GeometricAlert {
    GeometricCheck check;
    std::string voie_nom;
    int numero = 0;      // 0 for a voie-level alert
    geo::XY xy;          // the position, or where the trace crosses / the voies come close
    double metres = 0.0; // autre_voie: how much nearer; trop_proche, homonyme_proche: distance
    std::string other;   // the other voie, or "numero N" of the other address
    friend bool operator==(const GeometricAlert &, const GeometricAlert &) = default;
};

} // namespace adressage::pipeline
