#include "checks/geometric_checks.hpp"

#include <algorithm>
#include <limits>

#include "adressage/geo/linear_ref.hpp"
#include "checks/commune_checks.hpp"

namespace adressage::pipeline {

namespace {

struct CheckInfo {
    std::string_view code;
    std::string_view label; // in French
    std::string_view label_en;
    char level = 'W';
};

// In the order of GeometricCheck.
constexpr std::array<CheckInfo, geometric_check_count> infos = {{
    {"adressage.numero.cote_parite",
     "Numéro impair à droite de la voie ou pair à gauche (impairs à gauche, pairs à droite)",
     "odd number right of its voie or even number left of it (odd left, even right)"},
    {"adressage.numero.ordre",
     "Numéro plus petit que le précédent du même côté, dans le sens de la voie",
     "number smaller than the one before it on the same side, along the voie"},
    {"adressage.position.autre_voie",
     "La position est plus proche d’une autre voie que de la sienne",
     "the position is nearer to another voie than to its own"},
    {"adressage.position.autre_voie_parcelle",
     "La position est plus proche d’une autre voie que de la sienne, sur laquelle donne la "
     "parcelle du bâtiment",
     "the position is nearer to another voie than to its own", 'I'},
    {"adressage.position.hors_commune", "La position est hors du contour de la commune",
     "the position is outside the commune boundary"},
    {"adressage.position.trop_proche", "Deux adresses à moins d’un mètre l’une de l’autre",
     "two addresses less than a metre apart"},
    {"adressage.voie.trace_croise", "Le tracé de la voie se croise lui-même",
     "the voie trace crosses itself"},
    {"adressage.voie.homonyme_proche", "Deux voies de même nom à moins de 500 m l’une de l’autre",
     "two voies of the same name less than 500 m apart"},
}};

} // namespace

std::vector<geo::LineMeasures> measure_parts(const Voie &voie) {
    std::vector<geo::LineMeasures> measures;
    measures.reserve(voie.parts.size());
    for (const geo::Polyline &part : voie.parts) {
        measures.push_back(geo::measure(part));
    }
    return measures;
}

VoieLocation locate_on(const Voie &voie, const std::vector<geo::LineMeasures> &measures,
                       geo::XY p) {
    VoieLocation best;
    best.offset = std::numeric_limits<double>::infinity();
    // The nearest point is no farther than any vertex: a part farther than the nearest first
    // or last vertex, or than the best part so far, is not measured to the end (it cannot win;
    // the part that wins is measured in full).
    double reach = std::numeric_limits<double>::infinity();
    for (const geo::Polyline &part : voie.parts) {
        if (!part.empty()) {
            reach =
                std::min({reach, geo::distance(p, part.front()), geo::distance(p, part.back())});
        }
    }
    for (std::size_t i = 0; i < voie.parts.size(); ++i) {
        const geo::LinePosition at =
            geo::locate(voie.parts[i], measures[i], p, std::min(reach, best.offset));
        if (at.offset < best.offset) {
            best = {voie.part_start[i] + at.along, at.offset, at.side};
        }
    }
    return best;
}

std::string_view geometric_check_code(GeometricCheck check) {
    return infos[static_cast<std::size_t>(check)].code;
}

std::string_view geometric_check_label(GeometricCheck check) {
    return infos[static_cast<std::size_t>(check)].label;
}

std::string_view geometric_check_label_en(GeometricCheck check) {
    return infos[static_cast<std::size_t>(check)].label_en;
}

char geometric_check_level(GeometricCheck check) {
    return infos[static_cast<std::size_t>(check)].level;
}

bool wrong_parity_side(int numero, geo::Side side) {
    const bool odd = numero % 2 != 0;
    return (odd && side == geo::Side::right) || (!odd && side == geo::Side::left);
}

std::vector<std::size_t> out_of_order(const std::vector<double> &along,
                                      const std::vector<int> &numeros) {
    std::vector<std::size_t> out;
    // The largest number among the points strictly before the current distance.
    std::optional<int> before;
    std::optional<int> at_current; // the largest at the current distance
    double current = -std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < along.size(); ++i) {
        if (along[i] > current) {
            if (at_current) {
                before = before ? std::max(*before, *at_current) : *at_current;
            }
            at_current.reset();
            current = along[i];
        }
        if (before && numeros[i] < *before) {
            out.push_back(i);
        }
        at_current = at_current ? std::max(*at_current, numeros[i]) : numeros[i];
    }
    return out;
}

std::vector<geo::XY> trace_crossings(const Voie &voie) { return geo::crossings(voie.parts); }

std::vector<GeometricAlert> check_commune(geo::GeosContext &geos, const CommuneModel &model,
                                          const GeometricCheckOptions &options) {
    CommuneChecks checks(geos, model, options);
    check_parity_side(checks);
    check_order(checks);
    check_nearer_other_voie(checks);
    check_outside_commune(checks);
    check_too_close(checks);
    check_trace_crossings(checks);
    check_close_homonyms(checks);
    std::vector<GeometricAlert> &alerts = checks.alerts;
    std::stable_sort(alerts.begin(), alerts.end(),
                     [](const GeometricAlert &a, const GeometricAlert &b) {
                         return static_cast<int>(a.check) < static_cast<int>(b.check);
                     });
    return std::move(alerts);
}

} // namespace adressage::pipeline
