#pragma once
// Numbering the current buildings that no existing address stands for.
#include <cstdint>
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/diagnostics.hpp"
#include "core/model.hpp"
#include "update/address_matching.hpp"
#include "update/existing_bal.hpp"

namespace adressage::pipeline {

struct UpdateNumbers {
    std::vector<Numero> numeros;                      // the numbers to write as new rows
    nlohmann::json created = nlohmann::json::array(); // "voie numero [suffixe]" of each
    std::int64_t with_suffix = 0;
    std::int64_t unnumbered = 0; // no free number on their voie
};

// The run's numbers of the buildings without an address. On a current voie that continues an
// existing one (`continued`), the voie takes that one's name, code and commune déléguée, and
// its buildings get the numbers ExistingStage::process_one gives them, from the origin on,
// around the numbers already there (its addresses', those given to the other current voies that
// continue it, and those of its homonyms). A current voie that continues none keeps this run's
// numbers under a code from `codes`.
UpdateNumbers number_new_buildings(CommuneModel &model,
                                   const std::vector<ExistingAddress> &addresses,
                                   const AddressMatches &matches,
                                   const std::vector<std::optional<ExistingVoie>> &continued,
                                   const AssignmentsByBuilding &assignment_of, VoieCodes &codes,
                                   Diagnostics &diag);

} // namespace adressage::pipeline
