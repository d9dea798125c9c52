// The rules of check_commune about the positions (commune_checks.hpp).
#include <algorithm>
#include <cstdint>
#include <map>
#include <numeric>
#include <tuple>

#include "adressage/geo/geometry_ops.hpp"
#include "adressage/geo/nearest_line_index.hpp"
#include "checks/commune_checks.hpp"

namespace adressage::pipeline {

namespace {

std::string address_of(const CommuneModel &model, NumeroIdx n) {
    const Numero &numero = model.numeros[n];
    return model.voies[numero.voie].nom + " " + std::to_string(numero.numero);
}

// The positions of each side of each voie, per position type: (voie, parity, type) → indices.
std::map<std::tuple<VoieIdx, int, int>, std::vector<std::size_t>>
positions_by_side(const CommuneModel &model) {
    std::map<std::tuple<VoieIdx, int, int>, std::vector<std::size_t>> sides;
    for (std::size_t i = 0; i < model.positions.size(); ++i) {
        const Position &p = model.positions[i];
        const Numero &numero = model.numeros[p.numero];
        sides[{numero.voie, numero.numero % 2, static_cast<int>(p.type)}].push_back(i);
    }
    return sides;
}

// Every pair (i, j), i < j, of positions closer than min_spacing that may not be, sorted: a
// sweep along x finds every pair less than min_spacing apart in x (any closer pair is one).
std::vector<std::pair<std::size_t, std::size_t>> close_pairs(const CommuneModel &model,
                                                             double min_spacing) {
    const std::vector<Position> &positions = model.positions;
    std::vector<std::size_t> by_x(positions.size());
    std::iota(by_x.begin(), by_x.end(), std::size_t{0});
    std::sort(by_x.begin(), by_x.end(), [&](std::size_t a, std::size_t b) {
        return positions[a].xy.x != positions[b].xy.x ? positions[a].xy.x < positions[b].xy.x
                                                      : a < b;
    });
    std::vector<std::pair<std::size_t, std::size_t>> close;
    for (std::size_t s = 0; s < by_x.size(); ++s) {
        for (std::size_t t = s + 1;
             t < by_x.size() && positions[by_x[t]].xy.x - positions[by_x[s]].xy.x < min_spacing;
             ++t) {
            const std::size_t i = std::min(by_x[s], by_x[t]);
            const std::size_t j = std::max(by_x[s], by_x[t]);
            const Position &p = positions[i];
            const Position &q = positions[j];
            const Numero &a = model.numeros[p.numero];
            const Numero &b = model.numeros[q.numero];
            // Segment positions are projections on the axis: facing houses, and houses
            // one behind the other, share theirs by construction.
            if (q.type != p.type || p.type == formats::PositionType::segment ||
                (a.voie == b.voie && a.numero == b.numero)) {
                continue;
            }
            if (geo::distance(p.xy, q.xy) < min_spacing) {
                close.emplace_back(i, j);
            }
        }
    }
    std::sort(close.begin(), close.end());
    return close;
}

} // namespace

void check_parity_side(CommuneChecks &checks) {
    const CommuneModel &model = checks.model;
    for (std::size_t i = 0; i < model.positions.size(); ++i) {
        const Position &p = model.positions[i];
        const Numero &numero = model.numeros[p.numero];
        const VoieLocation &at = checks.located[i];
        // A position on the axis (segment: the projection itself, left or right of it by
        // rounding) says nothing about the side.
        if (at.offset > checks.options.on_voie_tolerance &&
            wrong_parity_side(numero.numero, at.side)) {
            checks.alert(GeometricCheck::cote_parite, &numero, p.xy, 0.0,
                         at.side == geo::Side::left ? "gauche" : "droite",
                         model.voies[numero.voie].nom);
        }
    }
}

void check_order(CommuneChecks &checks) {
    const CommuneModel &model = checks.model;
    const std::vector<VoieLocation> &located = checks.located;
    for (auto &[key, members] : positions_by_side(model)) {
        std::stable_sort(members.begin(), members.end(), [&](std::size_t a, std::size_t b) {
            return located[a].along < located[b].along;
        });
        std::vector<double> along;
        std::vector<int> numeros;
        for (std::size_t i : members) {
            along.push_back(located[i].along);
            numeros.push_back(model.numeros[model.positions[i].numero].numero);
        }
        for (std::size_t k : out_of_order(along, numeros)) {
            const Position &p = model.positions[members[k]];
            // The largest number met before it (the one it should follow).
            int before = numeros[0];
            for (std::size_t j = 0; j < k && along[j] < along[k]; ++j) {
                before = std::max(before, numeros[j]);
            }
            const Numero &numero = model.numeros[p.numero];
            checks.alert(GeometricCheck::ordre, &numero, p.xy, 0.0,
                         "numero " + std::to_string(before) + " avant",
                         model.voies[numero.voie].nom);
        }
    }
}

void check_nearer_other_voie(CommuneChecks &checks) {
    const CommuneModel &model = checks.model;
    std::vector<geo::Polyline> lines;
    std::vector<std::uint32_t> owner;
    for (VoieIdx v = 0; v < model.voies.size(); ++v) {
        for (const geo::Polyline &part : model.voies[v].parts) {
            lines.push_back(part);
            owner.push_back(static_cast<std::uint32_t>(v));
        }
    }
    if (lines.empty()) {
        return;
    }
    const geo::NearestLineIndex index(checks.geos, std::move(lines));
    for (std::size_t i = 0; i < model.positions.size(); ++i) {
        const Position &p = model.positions[i];
        const Numero &numero = model.numeros[p.numero];
        const double own = checks.located[i].offset;
        // The nearest other voie only.
        const auto hit =
            index.nearest_outside(p.xy, own, owner, static_cast<std::uint32_t>(numero.voie));
        if (hit && hit->distance < own - checks.options.nearer_tolerance) {
            // Numbered on the voie its parcel fronts: for information.
            const Assignment *a = checks.assignment(numero.building);
            checks.alert(a != nullptr && a->by_parcel ? GeometricCheck::autre_voie_parcelle
                                                      : GeometricCheck::autre_voie,
                         &numero, p.xy, own - hit->distance, model.voies[owner[hit->index]].nom,
                         model.voies[numero.voie].nom);
        }
    }
}

void check_outside_commune(CommuneChecks &checks) {
    const CommuneModel &model = checks.model;
    if (!model.boundary) {
        return;
    }
    const geo::PreparedArea area(checks.geos, *model.boundary);
    for (const Position &p : model.positions) {
        if (!area.contains(p.xy)) {
            const Numero &numero = model.numeros[p.numero];
            checks.alert(GeometricCheck::hors_commune, &numero, p.xy, 0.0, "",
                         model.voies[numero.voie].nom);
        }
    }
}

void check_too_close(CommuneChecks &checks) {
    const CommuneModel &model = checks.model;
    const std::vector<Position> &positions = model.positions;
    // In position order, as pairs (i, j) with i < j.
    for (const auto &[i, j] : close_pairs(model, checks.options.min_spacing)) {
        const Position &p = positions[i];
        const Numero &a = model.numeros[p.numero];
        checks.alert(GeometricCheck::trop_proche, &a, p.xy, geo::distance(p.xy, positions[j].xy),
                     address_of(model, positions[j].numero), model.voies[a.voie].nom);
    }
}

} // namespace adressage::pipeline
