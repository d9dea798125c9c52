#pragma once
// Geometric checks of the addresses about to be written, where the geometry is known (the
// official validator has no rule for any of them; peer-tools section 3.5). They never block the
// write: each is an `adressage.*` alert at level W in report.json ("geometric_checks": counts per
// code with the first examples).
//
//  adressage.numero.cote_parite       odd number right of its voie or even number left of it
//                                     (side of the written position, by geo::locate)
//  adressage.numero.ordre             a number smaller than the one before it on the same side,
//                                     in order along the voie (per position type)
//  adressage.position.autre_voie      the position is nearer to another voie than to its own
//                                     (by how much, in metres)
//  adressage.position.autre_voie_parcelle  (level I) the same, for a building numbered on the
//                                     voie its parcel fronts (assignment by parcel, by design:
//                                     a corner parcel's house nearer the side street)
//  adressage.position.hors_commune    the position lies outside the commune boundary
//  adressage.position.trop_proche     two addresses (different numbers or voies) closer than
//                                     1 m, for the same position type (not segment: facing
//                                     houses share their projection on the axis)
//  adressage.voie.trace_croise        the voie trace crosses itself
//  adressage.voie.homonyme_proche     two voies of the same name closer than 500 m (in one
//                                     commune déléguée: across two, they are distinct by design)
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "adressage/geo/geos_context.hpp"
#include "adressage/geo/linear_ref.hpp"
#include "core/geometric_alert.hpp"
#include "core/model.hpp"
#include "core/stage.hpp"

namespace adressage::pipeline {

std::string_view geometric_check_code(GeometricCheck check);  // "adressage.numero.cote_parite"...
std::string_view geometric_check_label(GeometricCheck check); // in French
std::string_view geometric_check_label_en(GeometricCheck check);
char geometric_check_level(GeometricCheck check); // 'W', or 'I' (informational)

struct GeometricCheckOptions {
    double min_spacing = 1.0;        // metres between two addresses
    double homonym_distance = 500.0; // metres between two voies of the same name
    double nearer_tolerance = 0.01;  // metres: nearer to another voie by less is not reported
    double on_voie_tolerance = 0.01; // metres: a position this near its voie is on it (no side)
};

// Per-record rules, called by the unit tests.
//
// Odd numbers go on the left of the voie, even ones on the right; a point on the voie says
// nothing.
bool wrong_parity_side(int numero, geo::Side side);

// The numbers of one side of one voie in order along it (`along` strictly or loosely increasing):
// the indices whose number is smaller than the number of the point before them with a smaller
// `along` (equal distances are not ordered).
std::vector<std::size_t> out_of_order(const std::vector<double> &along,
                                      const std::vector<int> &numeros);

// Where a point projects on the nearest part of a voie: metres from the voie's origin,
// distance to the voie, side.
struct VoieLocation {
    double along = 0.0;
    double offset = 0.0;
    geo::Side side = geo::Side::on;
};

// geo::measure of each part of `voie`, for locate_on (measured once per voie).
std::vector<geo::LineMeasures> measure_parts(const Voie &voie);

// The location of `p` on `voie`, whose parts have the `measures`.
VoieLocation locate_on(const Voie &voie, const std::vector<geo::LineMeasures> &measures, geo::XY p);

// Where a voie's trace crosses itself (its parts with one another or themselves).
std::vector<geo::XY> trace_crossings(const Voie &voie);

// Every alert of the commune, in the order of the checks then of the model (deterministic).
std::vector<GeometricAlert> check_commune(geo::GeosContext &geos, const CommuneModel &model,
                                          const GeometricCheckOptions &options = {});

// Runs check_commune on the written rows before the write; the report's "geometric_checks"
// section counts each code and gives the first examples.
class GeometricChecksStage final : public Stage {
  public:
    std::string_view name() const override { return "checks"; }
    Tables reads() const override {
        return boundary_table | buildings_table | voies_table | assignments_table | numeros_table |
               positions_table;
    }
    Tables writes() const override { return report_result; }
    void run(CommuneModel &model, RunContext &ctx) override;
};

} // namespace adressage::pipeline
