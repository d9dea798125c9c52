// The rules of check_commune about the voies (commune_checks.hpp). Only the voies written (with
// a code) are the BAL's.
#include <limits>
#include <map>

#include "adressage/geo/geometry_ops.hpp"
#include "adressage/names/grouping_key.hpp"
#include "checks/commune_checks.hpp"

namespace adressage::pipeline {

namespace {

// The written voies by commune déléguée and name. The same name in two communes déléguées is
// two voies by design (one per former commune, each with its code), however close.
std::map<std::pair<std::string, std::string>, std::vector<VoieIdx>>
written_voies_by_name(const CommuneModel &model) {
    std::map<std::pair<std::string, std::string>, std::vector<VoieIdx>> by_name;
    for (VoieIdx v = 0; v < model.voies.size(); ++v) {
        const Voie &voie = model.voies[v];
        if (!voie.code.empty()) {
            by_name[{voie.commune_deleguee_insee, names::grouping_key(voie.nom)}].push_back(v);
        }
    }
    return by_name;
}

// The shortest distance between the traces of two voies.
double trace_distance(geo::GeosContext &geos, const Voie &a, const Voie &b) {
    double d = std::numeric_limits<double>::infinity();
    for (const geo::Polyline &pa : a.parts) {
        for (const geo::Polyline &pb : b.parts) {
            d = std::min(d, geo::distance(geos, pa, pb));
        }
    }
    return d;
}

// Every pair of `voies` (of one name) closer than the homonym distance.
void check_homonyms_of_one_name(CommuneChecks &checks, const std::vector<VoieIdx> &voies) {
    const CommuneModel &model = checks.model;
    const double homonym_distance = checks.options.homonym_distance;
    std::vector<geo::Box> boxes(voies.size());
    for (std::size_t a = 0; a < voies.size(); ++a) {
        for (const geo::Polyline &part : model.voies[voies[a]].parts) {
            boxes[a].extend(geo::box_of(part));
        }
    }
    for (std::size_t a = 0; a < voies.size(); ++a) {
        for (std::size_t b = a + 1; b < voies.size(); ++b) {
            // No nearer than their boxes: voies whose boxes are farther apart are not measured.
            if (boxes[a].farther_than(boxes[b], homonym_distance)) {
                continue;
            }
            const Voie &va = model.voies[voies[a]];
            const Voie &vb = model.voies[voies[b]];
            const double d = trace_distance(checks.geos, va, vb);
            if (d < homonym_distance) {
                checks.alert(GeometricCheck::homonyme_proche, nullptr, va.origin(), d,
                             vb.nom + " (" + vb.code + ")", va.nom);
            }
        }
    }
}

} // namespace

void check_trace_crossings(CommuneChecks &checks) {
    for (const Voie &voie : checks.model.voies) {
        if (voie.code.empty()) {
            continue;
        }
        for (const geo::XY &at : trace_crossings(voie)) {
            checks.alert(GeometricCheck::trace_croise, nullptr, at, 0.0, "", voie.nom);
        }
    }
}

void check_close_homonyms(CommuneChecks &checks) {
    for (const auto &[name, voies] : written_voies_by_name(checks.model)) {
        check_homonyms_of_one_name(checks, voies);
    }
}

} // namespace adressage::pipeline
