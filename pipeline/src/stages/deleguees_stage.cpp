#include <algorithm>
#include <map>
#include <set>

#include "adressage/geo/linear_ref.hpp"
#include "rules/communes_deleguees.hpp"
#include "stages/stages.hpp"

namespace adressage::pipeline {

namespace {

// The point half-way along the voie.
geo::XY middle_of(const Voie &voie) {
    const double half = voie.length / 2.0;
    std::size_t part = 0;
    while (part + 1 < voie.parts.size() && voie.part_start[part + 1] <= half) {
        ++part;
    }
    return geo::point_at(voie.parts[part], half - voie.part_start[part]);
}

} // namespace

void DelegueesStage::run(CommuneModel &model, RunContext &ctx) {
    if (model.communes_deleguees.empty()) {
        return;
    }
    const std::vector<CommuneDeleguee> &deleguees = model.communes_deleguees;
    const DelegueeLocator locator(ctx.geos, deleguees);

    // The communes déléguées of each voie's buildings.
    std::vector<std::size_t> of_assignment(model.assignments.size());
    std::vector<std::set<std::size_t>> of_voie(model.voies.size());
    for (std::size_t i = 0; i < model.assignments.size(); ++i) {
        const Assignment &a = model.assignments[i];
        of_assignment[i] = locator.locate(model.buildings[a.building].anchor);
        of_voie[a.voie].insert(of_assignment[i]);
    }

    // The voies again, in the same order, each followed by its copies for its other communes
    // déléguées (by code).
    std::vector<Voie> voies;
    voies.reserve(model.voies.size());
    std::map<std::pair<VoieIdx, std::size_t>, VoieIdx> split_index;
    std::vector<std::size_t> voies_of(deleguees.size(), 0);
    nlohmann::json split = nlohmann::json::array();
    for (VoieIdx v = 0; v < model.voies.size(); ++v) {
        const Voie &voie = model.voies[v];
        std::set<std::size_t> parts = of_voie[v];
        if (parts.empty()) {
            parts.insert(locator.locate(middle_of(voie)));
        }
        if (parts.size() > 1) {
            nlohmann::json in = nlohmann::json::array();
            for (std::size_t d : parts) {
                in.push_back(deleguees[d].insee);
            }
            split.push_back({{"voie_nom", voie.nom}, {"communes_deleguees", in}});
        }
        for (std::size_t d : parts) {
            split_index[{v, d}] = voies.size();
            ++voies_of[d];
            Voie &copy = voies.emplace_back(voie);
            copy.commune_deleguee_insee = deleguees[d].insee;
            copy.commune_deleguee_nom = deleguees[d].nom;
        }
    }
    std::vector<std::size_t> buildings_of(deleguees.size(), 0);
    for (std::size_t i = 0; i < model.assignments.size(); ++i) {
        Assignment &a = model.assignments[i];
        a.voie = split_index.at({a.voie, of_assignment[i]});
        ++buildings_of[of_assignment[i]];
    }
    model.voies = std::move(voies);

    std::vector<std::size_t> toponymes_of(deleguees.size(), 0);
    for (Toponyme &t : model.toponymes) {
        const std::size_t d = locator.locate(t.xy);
        t.commune_deleguee_insee = deleguees[d].insee;
        t.commune_deleguee_nom = deleguees[d].nom;
        ++toponymes_of[d];
    }

    nlohmann::json per = nlohmann::json::array();
    for (std::size_t d = 0; d < deleguees.size(); ++d) {
        per.push_back({{"insee", deleguees[d].insee},
                       {"nom", deleguees[d].nom},
                       {"voies", voies_of[d]},
                       {"buildings", buildings_of[d]},
                       {"toponymes", toponymes_of[d]}});
    }
    ctx.diagnostics.count("deleguees", "voies_split", static_cast<std::int64_t>(split.size()));
    ctx.results.report_sections["communes_deleguees"] = {{"communes_deleguees", per},
                                                         {"voies_split", split}};
}

} // namespace adressage::pipeline
