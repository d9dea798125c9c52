#pragma once
// The rules of check_commune (geometric_checks.hpp), one function each, and what they share:
// the model, the options, where each position lies on its own voie, and the alerts so far.
// check_commune runs them in the order below; each appends its alerts in model order.
#include <string>
#include <vector>

#include "checks/geometric_checks.hpp"

namespace adressage::pipeline {

class CommuneChecks {
  public:
    // Locates every position on its own voie once.
    CommuneChecks(geo::GeosContext &geos, const CommuneModel &model,
                  const GeometricCheckOptions &options);

    geo::GeosContext &geos;
    const CommuneModel &model;
    const GeometricCheckOptions &options;
    std::vector<VoieLocation> located; // per position, on its own voie
    std::vector<GeometricAlert> alerts;

    // The building's assignment, null when it has none.
    const Assignment *assignment(BuildingIdx b) const {
        return b < assignment_of_.size() ? assignment_of_[b] : nullptr;
    }

    // Appends an alert, `metres` rounded to the centimetre; `numero` null for a voie alert.
    void alert(GeometricCheck check, const Numero *numero, geo::XY xy, double metres,
               std::string other, const std::string &voie_nom);

  private:
    std::vector<const Assignment *> assignment_of_; // per building
};

// Positions (position_checks.cpp).
void check_parity_side(CommuneChecks &checks);       // adressage.numero.cote_parite
void check_order(CommuneChecks &checks);             // adressage.numero.ordre
void check_nearer_other_voie(CommuneChecks &checks); // adressage.position.autre_voie(_parcelle)
void check_outside_commune(CommuneChecks &checks);   // adressage.position.hors_commune
void check_too_close(CommuneChecks &checks);         // adressage.position.trop_proche

// Voies (voie_checks.cpp).
void check_trace_crossings(CommuneChecks &checks); // adressage.voie.trace_croise
void check_close_homonyms(CommuneChecks &checks);  // adressage.voie.homonyme_proche

} // namespace adressage::pipeline
