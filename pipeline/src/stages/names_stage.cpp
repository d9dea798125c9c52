#include <map>

#include "adressage/names/normaliser.hpp"
#include "adressage/names/placeholder.hpp"
#include "stages/stages.hpp"

namespace adressage::pipeline {

void NamesStage::prepare(RunContext &ctx) {
    if (ctx.shared_dictionaries != nullptr) {
        return; // lent by the batch
    }
    ctx.name_dictionaries = std::make_unique<names::Dictionaries>(
        names::Dictionaries::load(names::DictionaryPaths::defaults(
            ctx.options.data_dir.empty() ? default_data_dir() : ctx.options.data_dir)));
}

void NamesStage::run(CommuneModel &model, RunContext &ctx) {
    const names::NameNormaliser normaliser(
        ctx.shared_dictionaries != nullptr ? *ctx.shared_dictionaries : *ctx.name_dictionaries);
    // Each distinct raw name once; std::map keeps the report in a stable order.
    std::map<std::string, names::NormalisedName> done;
    std::map<std::string, bool> placeholders; // by display form
    std::int64_t placeholder_pieces = 0;
    for (RoadSegment &road : model.roads) {
        if (road.name.empty()) {
            continue; // unnamed (naming/)
        }
        auto it = done.find(road.name);
        if (it == done.end()) {
            it = done.emplace(road.name, normaliser.normalise(road.name)).first;
        }
        road.name = it->second.text;
        auto [p, added] = placeholders.try_emplace(road.name, false);
        if (added) {
            p->second = names::placeholder_name(road.name).has_value();
        }
        if (p->second) { // N-06: not a name; the label is the voie à nommer's hint
            road.hint = std::move(road.name);
            road.name.clear();
            ++placeholder_pieces;
        }
    }
    if (placeholder_pieces > 0) {
        ctx.diagnostics.count("names", "placeholder_road_pieces", placeholder_pieces);
    }
    for (Toponyme &toponyme : model.toponymes) { // lieux-dits are written like voies
        auto it = done.find(toponyme.nom);
        if (it == done.end()) {
            it = done.emplace(toponyme.nom, normaliser.normalise(toponyme.nom)).first;
        }
        toponyme.nom = it->second.text;
    }
    nlohmann::json changed = nlohmann::json::array();
    nlohmann::json flagged = nlohmann::json::array();
    for (const auto &[raw, result] : done) {
        const nlohmann::json entry = {{"raw", raw},
                                      {"display", result.text},
                                      {"rules", names::rules_to_string(result.rules)},
                                      {"flags", result.flags},
                                      {"confidence", result.confidence}};
        if (result.changed) {
            changed.push_back(entry);
        }
        if (!result.flags.empty()) {
            flagged.push_back(entry);
        }
    }
    ctx.diagnostics.count("names", "distinct_names", static_cast<std::int64_t>(done.size()));
    ctx.diagnostics.count("names", "changed", static_cast<std::int64_t>(changed.size()));
    ctx.diagnostics.count("names", "flagged", static_cast<std::int64_t>(flagged.size()));
    ctx.results.report_sections["names"] = {{"changed", changed}, {"flagged", flagged}};
}

} // namespace adressage::pipeline
