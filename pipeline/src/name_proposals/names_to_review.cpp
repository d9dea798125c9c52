#include "name_proposals/names_to_review.hpp"

#include <map>
#include <set>

#include "adressage/names/grouping_key.hpp"
#include "name_proposals/name_proposals.hpp"

namespace adressage::pipeline {

std::vector<NamesToReview> names_to_review(const std::vector<Voie> &voies) {
    std::map<std::string, std::set<std::string>> names_by_specific;
    std::map<std::string, std::size_t> voies_by_specific;
    std::map<std::string, std::pair<std::string, std::size_t>> voies_by_key; // name, count
    for (const Voie &voie : voies) {
        const std::string specific = specific_key(voie.nom);
        if (!specific.empty()) {
            names_by_specific[specific].insert(voie.nom);
            ++voies_by_specific[specific];
        }
        auto &[name, count] = voies_by_key[names::grouping_key(voie.nom)];
        name = name.empty() ? voie.nom : name;
        ++count;
    }
    std::vector<NamesToReview> out;
    for (const auto &[specific, names] : names_by_specific) {
        std::set<std::string> keys;
        for (const std::string &n : names) {
            keys.insert(names::grouping_key(n));
        }
        if (keys.size() >= 2) {
            out.push_back(
                {"same_specific_part", {names.begin(), names.end()}, voies_by_specific[specific]});
        }
    }
    for (const auto &[key, entry] : voies_by_key) {
        if (entry.second >= 2) {
            out.push_back({"homonyms_far_apart", {entry.first}, entry.second});
        }
    }
    return out;
}

} // namespace adressage::pipeline
