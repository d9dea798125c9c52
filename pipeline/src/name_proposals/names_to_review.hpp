#pragma once
// Existing voie names the council should look at (rule N-01: names unique in the commune, not
// differing only by type or article), listed, never changed (N-02):
//  - names that share their specific part: "Moyenne Corniche" and "Route de la Moyenne
//    Corniche", "Rue du Port" and "Avenue du Port" (key: specific_key, name_proposals.hpp);
//  - homonyms far apart: one name on voies more than --homonym-distance apart, which the BAN
//    takes for one voie (their numbers are shared, number stage).
#include <string>
#include <vector>

#include "core/model.hpp"

namespace adressage::pipeline {

struct NamesToReview {
    std::string kind;               // "same_specific_part" or "homonyms_far_apart"
    std::vector<std::string> names; // sorted; a homonym once
    std::size_t voies = 0;          // the voies that carry them
};

// By kind, then by first name.
std::vector<NamesToReview> names_to_review(const std::vector<Voie> &voies);

} // namespace adressage::pipeline
