#pragma once
// Matching the existing addresses to this run: each address to the current building it stands
// for, each current voie to the existing voie it continues, and the addresses left (orphans).
#include <compare>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/model.hpp"
#include "update/update_stage.hpp"

namespace adressage::pipeline {

struct AddressMatches {
    std::vector<bool> addressed; // per current building: an existing address stands for it
    std::int64_t by_position = 0;
    std::int64_t by_number = 0;
};

// Sets ExistingAddress::building: by position first (a footprint holding one of its points,
// else an outline within 1 m), then, for the addresses left without a suffix, by voie name
// (names::grouping_key) and number among the buildings left: the building this run numbers so,
// when it stands within 25 m of one of the address's points or the address has none.
AddressMatches match_addresses(const CommuneModel &model, std::vector<ExistingAddress> &addresses);

// A voie of the existing BAL: homonyms differ by their code.
struct ExistingVoie {
    std::string commune_deleguee_insee;
    std::string nom;
    std::string code;
    friend auto operator<=>(const ExistingVoie &, const ExistingVoie &) = default;
};

inline ExistingVoie voie_of(const ExistingAddress &a) {
    return {a.commune_deleguee_insee, a.voie_nom, a.voie_code};
}

using AssignmentsByBuilding = std::map<BuildingIdx, const Assignment *>;
AssignmentsByBuilding assignments_by_building(const CommuneModel &model);

// Per current voie, the existing voie it continues: the most common among the addresses of its
// buildings (the first in ExistingVoie order on a tie), else the first existing voie of its name
// (names::grouping_key); none for a new voie.
std::vector<std::optional<ExistingVoie>>
continued_voies(const CommuneModel &model, const std::vector<ExistingAddress> &addresses,
                const AssignmentsByBuilding &assignment_of);

struct Orphans {
    std::int64_t count = 0;
    nlohmann::json examples = nlohmann::json::array(); // the first 200
};

// The addresses whose building is gone; their rows no longer kept when `drop` (--drop-orphans).
Orphans find_orphans(const std::vector<ExistingAddress> &addresses, bool drop,
                     std::vector<bool> &keep_row);

} // namespace adressage::pipeline
