#include "update/address_matching.hpp"

#include <algorithm>
#include <utility>

#include "adressage/geo/polygon_locator.hpp"
#include "adressage/names/grouping_key.hpp"

namespace adressage::pipeline {

namespace {

// A position outside every footprint (an entrance on the façade) stands for the building whose
// outline is within this distance. Small: the neighbour of a demolished building must not
// inherit its address.
constexpr double nearest_building_metres = 1.0;
// An address matched by its voie and number stands at most this far from the building.
constexpr double by_number_metres = 25.0;

geo::PolygonLocator building_locator(const std::vector<Building> &buildings) {
    std::vector<geo::MultiPolygon> footprints;
    std::vector<geo::XY> anchors;
    footprints.reserve(buildings.size());
    anchors.reserve(buildings.size());
    for (const Building &b : buildings) {
        footprints.push_back(b.footprint);
        anchors.push_back(b.anchor);
    }
    return geo::PolygonLocator(std::move(footprints), std::move(anchors));
}

// Each position may stand on its own building (homonym voies share one BAN address): every
// building found is addressed, the address takes the first.
void match_by_position(const CommuneModel &model, std::vector<ExistingAddress> &addresses,
                       AddressMatches &matches) {
    const geo::PolygonLocator locator = building_locator(model.buildings);
    for (ExistingAddress &a : addresses) {
        for (geo::XY p : a.points) {
            if (auto b = locator.locate(p, nearest_building_metres)) {
                a.building = a.building ? a.building : b;
                matches.addressed[*b] = true;
            }
        }
        matches.by_position += a.building ? 1 : 0;
    }
}

// An address without a position, or whose position is near the building (a parcel or segment
// point); a position far from it is a building that is gone.
void match_by_number(const CommuneModel &model, std::vector<ExistingAddress> &addresses,
                     AddressMatches &matches) {
    std::map<std::pair<std::string, int>, BuildingIdx> numbered; // (voie name key, numero)
    for (const Numero &n : model.numeros) {
        numbered.emplace(std::make_pair(names::grouping_key(model.voies[n.voie].nom), n.numero),
                         n.building);
    }
    for (ExistingAddress &a : addresses) {
        if (a.building || !a.suffixe.empty()) {
            continue;
        }
        const auto it = numbered.find({names::grouping_key(a.voie_nom), a.numero});
        if (it == numbered.end() || matches.addressed[it->second]) {
            continue;
        }
        const geo::XY anchor = model.buildings[it->second].anchor;
        const bool near =
            a.points.empty() || std::any_of(a.points.begin(), a.points.end(), [&](geo::XY p) {
                return geo::distance(p, anchor) <= by_number_metres;
            });
        if (near) {
            a.building = it->second;
            a.by_number = true;
            matches.addressed[it->second] = true;
            ++matches.by_number;
        }
    }
}

} // namespace

AddressMatches match_addresses(const CommuneModel &model, std::vector<ExistingAddress> &addresses) {
    AddressMatches matches;
    matches.addressed.assign(model.buildings.size(), false);
    match_by_position(model, addresses, matches);
    match_by_number(model, addresses, matches);
    return matches;
}

AssignmentsByBuilding assignments_by_building(const CommuneModel &model) {
    AssignmentsByBuilding assignment_of;
    for (const Assignment &a : model.assignments) {
        assignment_of[a.building] = &a;
    }
    return assignment_of;
}

std::vector<std::optional<ExistingVoie>>
continued_voies(const CommuneModel &model, const std::vector<ExistingAddress> &addresses,
                const AssignmentsByBuilding &assignment_of) {
    std::vector<std::map<ExistingVoie, int>> votes(model.voies.size());
    std::map<std::string, ExistingVoie> by_name;
    for (const ExistingAddress &a : addresses) {
        by_name.emplace(names::grouping_key(a.voie_nom), voie_of(a));
        if (a.building) {
            const auto it = assignment_of.find(*a.building);
            if (it != assignment_of.end()) {
                ++votes[it->second->voie][voie_of(a)];
            }
        }
    }
    std::vector<std::optional<ExistingVoie>> continued(model.voies.size());
    for (VoieIdx v = 0; v < model.voies.size(); ++v) {
        int best = 0;
        for (const auto &[voie, n] : votes[v]) {
            if (n > best) {
                best = n;
                continued[v] = voie;
            }
        }
        if (!continued[v]) {
            const auto it = by_name.find(names::grouping_key(model.voies[v].nom));
            if (it != by_name.end()) {
                continued[v] = it->second;
            }
        }
    }
    return continued;
}

Orphans find_orphans(const std::vector<ExistingAddress> &addresses, bool drop,
                     std::vector<bool> &keep_row) {
    Orphans orphans;
    for (const ExistingAddress &a : addresses) {
        if (a.building) {
            continue;
        }
        ++orphans.count;
        if (orphans.examples.size() < 200) {
            orphans.examples.push_back(a.voie_nom + " " + std::to_string(a.numero) +
                                       (a.suffixe.empty() ? "" : " " + a.suffixe));
        }
        if (drop) {
            for (std::size_t r : a.rows) {
                keep_row[r] = false;
            }
        }
    }
    return orphans;
}

} // namespace adressage::pipeline
