#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "adressage/error.hpp"
#include "adressage/names/normaliser.hpp"
#include "adressage/names/placeholder.hpp"
#include "stages/stages.hpp"

namespace adressage::pipeline {

namespace {

constexpr const char *not_utf8 = "voie_nom_not_utf8";

// Why the BAL cannot hold `name` as a voie_nom or toponyme (UTF-8, without U+FFFD, 3 to 200
// characters counted in UTF-16 code units as the official validator counts them), or nullptr.
const char *unwritable_name(const std::string &name) {
    std::size_t units = 0;
    const auto size = static_cast<std::int32_t>(name.size());
    for (std::int32_t i = 0; i < size;) {
        UChar32 c = 0;
        U8_NEXT(name.data(), i, size, c);
        if (c < 0 || c == 0xFFFD) { // an unpaired surrogate, a Latin-1 byte...
            return not_utf8;
        }
        units += c > 0xFFFF ? 2 : 1;
    }
    if (units > 200) {
        return "voie_nom_trop_long";
    }
    return units < 3 ? "voie_nom_trop_court" : nullptr;
}

// Road pieces and lieux-dits whose name the BAL cannot hold are bad records: counted, listed
// with their reason (the report's skipped features, the batch's list) and left out, so that
// one of them does not make the whole commune's file refused. When a tenth or more of the
// named pieces are not UTF-8, the source is in another encoding: refused, with the fix, rather
// than a commune written without its accented names.
void drop_unwritable_names(CommuneModel &model, RunContext &ctx) {
    std::vector<const char *> reasons(model.roads.size(), nullptr); // each piece's, once
    std::size_t named = 0;
    std::size_t encoding = 0;
    const RoadSegment *first_bad = nullptr;
    for (std::size_t r = 0; r < model.roads.size(); ++r) {
        const RoadSegment &road = model.roads[r];
        if (road.name.empty()) {
            continue;
        }
        ++named;
        reasons[r] = unwritable_name(road.name);
        if (reasons[r] == not_utf8) {
            first_bad = first_bad != nullptr ? first_bad : &road;
            ++encoding;
        }
    }
    if (first_bad != nullptr && encoding * 10 >= named) {
        const std::vector<std::string> &roads = ctx.options.roads;
        throw InputError("--roads " + (first_bad->source < roads.size() ? roads[first_bad->source]
                                                                        : std::string()),
                         std::to_string(encoding) + " of " + std::to_string(named) +
                             " road names are not UTF-8 (e.g. fid " +
                             std::to_string(first_bad->fid) +
                             "): the source has another encoding; give a Shapefile its .cpg "
                             "(e.g. LATIN1) or convert the source to UTF-8");
    }
    std::size_t kept = 0;
    for (std::size_t r = 0; r < model.roads.size(); ++r) {
        RoadSegment &road = model.roads[r];
        if (const char *reason = reasons[r]; reason != nullptr) {
            ctx.diagnostics.skip("names.roads", reason, "fid " + std::to_string(road.fid));
            if (ctx.skipped_features != nullptr) {
                ctx.skipped_features->push_back(
                    SkippedFeature{"roads", road.source, road.fid, reason});
            }
            continue;
        }
        if (kept != r) {
            model.roads[kept] = std::move(road);
        }
        ++kept;
    }
    model.roads.resize(kept);
    std::erase_if(model.toponymes, [&](const Toponyme &toponyme) {
        const char *reason = unwritable_name(toponyme.nom);
        if (reason != nullptr) {
            ctx.diagnostics.skip("names.toponymes", reason,
                                 "at " + std::to_string(std::lround(toponyme.xy.x)) + " " +
                                     std::to_string(std::lround(toponyme.xy.y)));
        }
        return reason != nullptr;
    });
}

} // namespace

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
    drop_unwritable_names(model, ctx);
    ctx.diagnostics.count("names", "distinct_names", static_cast<std::int64_t>(done.size()));
    ctx.diagnostics.count("names", "changed", static_cast<std::int64_t>(changed.size()));
    ctx.diagnostics.count("names", "flagged", static_cast<std::int64_t>(flagged.size()));
    ctx.results.report_sections["names"] = {{"changed", changed}, {"flagged", flagged}};
}

} // namespace adressage::pipeline
