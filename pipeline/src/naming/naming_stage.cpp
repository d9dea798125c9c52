#include "naming/naming_stage.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "adressage/error.hpp"
#include "adressage/geo/nearest_line_index.hpp"
#include "name_proposals/name_proposals.hpp"
#include "name_proposals/names_to_review.hpp"
#include "naming/building_fates.hpp"
#include "naming/candidate_voies.hpp"
#include "naming/provisional_numbers.hpp"

namespace adressage::pipeline {

namespace {

double round1(double v) { return std::round(v * 10.0) / 10.0; }

// The voie's pieces as WKT in the commune's legal CRS, to the decimetre.
std::string trace_wkt(const CommuneModel &model, const VoieANommer &voie) {
    std::string out = "MULTILINESTRING (";
    char number[32];
    for (std::size_t k = 0; k < voie.roads.size(); ++k) {
        out += k == 0 ? "(" : ", (";
        const geo::Polyline &line = model.roads[voie.roads[k]].line;
        for (std::size_t i = 0; i < line.size(); ++i) {
            std::snprintf(number, sizeof number, "%s%.1f %.1f", i == 0 ? "" : ", ", line[i].x,
                          line[i].y);
            out += number;
        }
        out += ")";
    }
    return out + ")";
}

nlohmann::json voie_report(const CommuneModel &model, const VoieANommer &voie,
                           const std::vector<NameProposal> &proposals,
                           const std::vector<std::pair<BuildingIdx, int>> &numbers) {
    nlohmann::json provisional = nlohmann::json::array();
    for (const auto &[b, numero] : numbers) {
        provisional.push_back({{"building", model.buildings[b].fid}, {"numero", numero}});
    }
    nlohmann::json names = nlohmann::json::array();
    for (std::size_t rank = 0; rank < proposals.size(); ++rank) {
        names.push_back({{"rank", rank + 1},
                         {"nom", proposals[rank].nom},
                         {"reason", proposals[rank].reason},
                         {"rules", proposals[rank].rule}});
    }
    nlohmann::json fids = nlohmann::json::array();
    for (const BuildingIdx b : voie.buildings) {
        fids.push_back(model.buildings[b].fid);
    }
    return {
        {"id", voie.id},
        {"length_m", round1(voie.length)},
        {"kind", voie.kind},
        {"access_only", voie.access_only},
        {"placeholder", voie.hint.empty() ? nlohmann::json(nullptr) : nlohmann::json(voie.hint)},
        {"ends_on_named_voies", voie.named_ends},
        {"ends_on_voies_a_nommer", voie.unnamed_ends},
        {"dead_ends", voie.free_ends},
        {"buildings_served", voie.buildings.size()},
        {"buildings", fids},
        {"proposals", std::move(names)},
        {"provisional_numbers", std::move(provisional)},
        {"trace_wkt", trace_wkt(model, voie)}};
}

// Every building of the commune the run gives no address, by fid, under its reason (see
// building_fates.hpp). None is left out.
nlohmann::json unaddressed(const CommuneModel &model) {
    nlohmann::json out = {{"annex", nlohmann::json::array()},
                          {"waiting_for_a_name", nlohmann::json::array()},
                          {"lane_below_min_buildings", nlohmann::json::array()},
                          {"no_road_within_max_distance", nlohmann::json::array()}};
    const std::vector<BuildingFate> fates = building_fates(model);
    for (BuildingIdx b = 0; b < model.buildings.size(); ++b) {
        const std::int64_t fid = model.buildings[b].fid;
        switch (fates[b]) {
        case BuildingFate::annex:
            out["annex"].push_back(fid);
            break;
        case BuildingFate::waiting:
            out["waiting_for_a_name"].push_back(fid);
            break;
        case BuildingFate::lane:
            out["lane_below_min_buildings"].push_back(fid);
            break;
        case BuildingFate::no_road:
            out["no_road_within_max_distance"].push_back(fid);
            break;
        case BuildingFate::numbered:
            break;
        }
    }
    return out;
}

nlohmann::json review_report(const std::vector<Voie> &voies) {
    nlohmann::json out = nlohmann::json::array();
    for (const NamesToReview &r : names_to_review(voies)) {
        out.push_back({{"kind", r.kind}, {"names", r.names}, {"voies", r.voies}, {"rule", "N-01"}});
    }
    return out;
}

} // namespace

std::optional<std::size_t> NamingStage::process_one(const Pieces &roads, const Pieces &access,
                                                    geo::XY anchor, double max_distance) {
    // within() measures with point_line_distance (the assigner's query); nearest() goes through
    // GEOS's STRtree distance callback, four times slower on a département's 97,000 buildings
    // without a named voie.
    for (const Pieces *pieces : {&roads, &access}) {
        const auto hits = pieces->index.within(anchor, max_distance);
        if (!hits.empty()) {
            return pieces->candidate[hits.front().index];
        }
    }
    return std::nullopt;
}

namespace {

NamingStage::Pieces pieces_of(geo::GeosContext &geos, const CommuneModel &model,
                              const std::vector<VoieANommer> &candidates, bool access_only) {
    std::vector<geo::Polyline> lines;
    std::vector<std::size_t> candidate;
    for (std::size_t c = 0; c < candidates.size(); ++c) {
        if (candidates[c].access_only != access_only) {
            continue;
        }
        for (const std::size_t r : candidates[c].roads) {
            lines.push_back(model.roads[r].line);
            candidate.push_back(c);
        }
    }
    return {geo::NearestLineIndex(geos, std::move(lines)), std::move(candidate)};
}

} // namespace

void NamingStage::run(CommuneModel &model, RunContext &ctx) {
    std::vector<VoieANommer> candidates = candidate_voies(model.roads);
    const Pieces roads = pieces_of(ctx.geos, model, candidates, false);
    const Pieces access = pieces_of(ctx.geos, model, candidates, true);
    std::size_t without_road = 0;
    for (const BuildingIdx b : model.unserved) {
        const auto c =
            process_one(roads, access, model.buildings[b].anchor, ctx.options.max_distance);
        if (c) {
            candidates[*c].buildings.push_back(b);
        } else {
            ++without_road;
        }
    }
    const auto min_buildings = static_cast<std::size_t>(ctx.options.naming_min_buildings);
    std::size_t waiting = 0;
    std::vector<std::size_t> kept;
    for (std::size_t c = 0; c < candidates.size(); ++c) {
        const VoieANommer &candidate = candidates[c];
        if (candidate.buildings.size() >= min_buildings) {
            kept.push_back(c);
        } else {
            model.on_lanes.insert(model.on_lanes.end(), candidate.buildings.begin(),
                                  candidate.buildings.end());
        }
    }
    std::sort(model.on_lanes.begin(), model.on_lanes.end());
    // Proposals for every candidate (their ranks must not depend on the buildings), but only
    // where there is a voie à nommer (a town whose streets all have names, Bondy, has none).
    const auto proposals =
        kept.empty() ? std::vector<std::vector<NameProposal>>(candidates.size())
                     : commune_proposals(ctx.geos, candidates, model, ctx.options.data_dir);
    nlohmann::json voies = nlohmann::json::array();
    std::size_t without_proposal = 0;
    for (const std::size_t c : kept) {
        VoieANommer &candidate = candidates[c];
        waiting += candidate.buildings.size();
        without_proposal += proposals[c].empty() ? 1 : 0;
        const auto numbers =
            provisional_numbers(ctx.geos, model, candidate, model.centre, ctx.options.numbering,
                                ctx.options.classic_gap_metres);
        voies.push_back(voie_report(model, candidate, proposals[c], numbers));
        model.voies_a_nommer.push_back(std::move(candidate));
    }
    Diagnostics &diag = ctx.diagnostics;
    diag.count("naming", "candidates", static_cast<std::int64_t>(candidates.size()));
    diag.count("naming", "voies_a_nommer", static_cast<std::int64_t>(model.voies_a_nommer.size()));
    diag.count("naming", "buildings_waiting_for_a_name", static_cast<std::int64_t>(waiting));
    ctx.results.report_sections["voies_a_nommer"] = {
        {"rules",
         {{"max_distance_m", ctx.options.max_distance},
          {"min_buildings", ctx.options.naming_min_buildings}}},
        {"unnamed_road_candidates", candidates.size()},
        {"buildings_without_named_voie", model.unserved.size()},
        {"buildings_waiting_for_a_name", waiting},
        {"buildings_on_lanes_below_min_buildings", model.on_lanes.size()},
        {"buildings_without_any_road", without_road},
        {"voies_without_proposal", without_proposal},
        {"voies", std::move(voies)},
        {"buildings_without_address", unaddressed(model)},
        {"names_to_review", review_report(model.voies)}};
}

} // namespace adressage::pipeline
