#include "naming/voie_names_stage.hpp"

#include <map>
#include <set>

#include "adressage/error.hpp"
#include "adressage/names/grouping_key.hpp"
#include "adressage/names/placeholder.hpp"
#include "name_proposals/name_proposals.hpp"
#include "naming/candidate_voies.hpp"

namespace adressage::pipeline {

namespace {

// The name a line gives: a proposal's rank, or the name as written.
std::string chosen_name(const VoieNameLine &line, const std::vector<NameProposal> &proposals,
                        const std::string &input) {
    const std::string at = "line " + std::to_string(line.line) + ": ";
    if (line.nom == "1" || line.nom == "2" || line.nom == "3") {
        const std::size_t rank = static_cast<std::size_t>(line.nom[0] - '0');
        if (rank > proposals.size()) {
            throw InputError(input, at + line.id + " has " + std::to_string(proposals.size()) +
                                        " proposal(s), not a rank " + line.nom +
                                        "; write the name chosen");
        }
        return proposals[rank - 1].nom;
    }
    // The council's spelling is the name: not put through the normaliser (N-03: the same
    // label in the délibération, on the plate and in the BAL).
    const std::string &nom = line.nom;
    if (names::placeholder_name(nom)) {
        throw InputError(input, at + "'" + line.nom +
                                    "' is a placeholder, not a name (rule N-06); write the name "
                                    "the council chose");
    }
    return nom;
}

} // namespace

void VoieNamesStage::prepare(RunContext &ctx) {
    lines_.clear();
    if (!ctx.options.voie_names.empty()) {
        lines_ = read_voie_names(ctx.options.voie_names);
    }
}

void VoieNamesStage::run(CommuneModel &model, RunContext &ctx) {
    if (lines_.empty()) {
        return;
    }
    const std::string input = "--voie-names " + ctx.options.voie_names;
    const std::vector<VoieANommer> candidates = candidate_voies(model.roads);
    const auto proposals = commune_proposals(ctx.geos, candidates, model, ctx.options.data_dir);
    std::map<std::string, std::size_t> by_id;
    for (std::size_t c = 0; c < candidates.size(); ++c) {
        by_id.emplace(candidates[c].id, c);
    }
    std::map<std::string, std::string> taken; // grouping key → who has it
    for (const RoadSegment &road : model.roads) {
        if (!road.name.empty()) {
            taken.emplace(names::grouping_key(road.name), "the voie '" + road.name + "'");
        }
    }
    nlohmann::json named = nlohmann::json::array();
    for (const VoieNameLine &line : lines_) {
        const std::string at = "line " + std::to_string(line.line) + ": ";
        const auto it = by_id.find(line.id);
        if (it == by_id.end()) {
            throw InputError(input, at + line.id + " is not a voie à nommer of " + model.insee +
                                        "; copy the id from this commune's report.json "
                                        "voies_a_nommer");
        }
        const std::string nom = chosen_name(line, proposals[it->second], input);
        const auto [other, added] =
            taken.emplace(names::grouping_key(nom), "line " + std::to_string(line.line));
        if (!added) {
            throw InputError(input, at + "'" + nom + "' is already the name of " + other->second +
                                        " (rule N-01); choose another name");
        }
        for (const std::size_t r : candidates[it->second].roads) {
            model.roads[r].name = nom;
        }
        named.push_back({{"id", line.id}, {"nom", nom}, {"line", line.line}});
    }
    ctx.diagnostics.count("voie_names", "voies_named", static_cast<std::int64_t>(named.size()));
    ctx.results.report_sections["voie_names"] = {{"file", ctx.options.voie_names},
                                                 {"named", std::move(named)}};
}

} // namespace adressage::pipeline
