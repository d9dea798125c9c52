#include "rules/assigner.hpp"

#include <algorithm>

#include "adressage/geo/geometry_ops.hpp"
#include "adressage/geo/linear_ref.hpp"

namespace adressage::pipeline {

namespace {
// Footprints closer than this touch (digitised shared walls rarely coincide exactly).
constexpr double touching_distance = 0.5;
// The sight line stops this far short of the voie, so that a road meeting the voie at the
// foot does not hide it.
constexpr double sight_margin = 0.5;
} // namespace

const char *outcome_name(AssignOutcome outcome) {
    switch (outcome) {
    case AssignOutcome::assigned:
        return "assigned";
    case AssignOutcome::annex_small:
        return "annex_small";
    case AssignOutcome::annex_attached:
        return "annex_attached";
    case AssignOutcome::no_voie_near:
        return "no_voie_near";
    case AssignOutcome::no_voie_in_sight:
        return "no_voie_in_sight";
    }
    return "unknown";
}

Assigner::Assigner(geo::GeosContext &ctx, const CommuneModel &model, const AssignRules &rules)
    : ctx_(ctx), model_(model), rules_(rules) {
    std::vector<geo::Polyline> lines;
    for (VoieIdx v = 0; v < model.voies.size(); ++v) {
        for (std::size_t p = 0; p < model.voies[v].parts.size(); ++p) {
            lines.push_back(model.voies[v].parts[p]);
            owner_.emplace_back(v, p);
            measures_.push_back(geo::measure(model.voies[v].parts[p]));
        }
    }
    lines_ = std::make_unique<geo::NearestLineIndex>(ctx, std::move(lines));

    area_.reserve(model.buildings.size());
    for (const Building &b : model.buildings) {
        area_.push_back(geo::area(b.footprint));
    }
    // Only the parcel rule (annexes attached on the same parcel) looks for touching footprints.
    if (!model.parcels.empty()) {
        std::vector<geo::MultiPolygon> footprints;
        footprints.reserve(model.buildings.size());
        for (const Building &b : model.buildings) {
            footprints.push_back(b.footprint);
        }
        footprints_ = std::make_unique<geo::PolygonIndex>(ctx, footprints);
    }

    parcel_of_.assign(model.buildings.size(), std::nullopt);
    if (!model.parcels.empty()) {
        std::vector<geo::MultiPolygon> outlines;
        outlines.reserve(model.parcels.size());
        for (const Parcel &p : model.parcels) {
            outlines.push_back(p.outline);
        }
        const geo::PolygonIndex parcels(ctx, outlines);
        for (BuildingIdx b = 0; b < model.buildings.size(); ++b) {
            const auto found = parcels.containing(model.buildings[b].anchor);
            if (!found.empty()) {
                parcel_of_[b] = found.front();
            }
        }
    }
    numbered_group_.assign(model.buildings.size(), 0);
}

Assigner::~Assigner() = default;

std::vector<BuildingIdx> Assigner::order() const {
    // Largest first, equal areas in building order; keys beside the indices, not looked up.
    std::vector<std::pair<double, BuildingIdx>> keyed(model_.buildings.size());
    for (BuildingIdx b = 0; b < keyed.size(); ++b) {
        keyed[b] = {-area_[b], b};
    }
    std::sort(keyed.begin(), keyed.end());
    std::vector<BuildingIdx> out(keyed.size());
    for (std::size_t i = 0; i < keyed.size(); ++i) {
        out[i] = keyed[i].second;
    }
    return out;
}

bool Assigner::sees(VoieIdx voie, geo::XY from, geo::XY foot) const {
    const double length = geo::distance(from, foot);
    if (length <= sight_margin) {
        return true;
    }
    const double k = (length - sight_margin) / length;
    const geo::XY to{from.x + (foot.x - from.x) * k, from.y + (foot.y - from.y) * k};
    for (std::size_t line : lines_->crossing(from, to)) {
        if (owner_[line].first != voie) {
            return false;
        }
    }
    return true;
}

double Assigner::parcel_to_voie(std::size_t parcel, VoieIdx voie) {
    const auto key = std::make_pair(parcel, voie);
    if (const auto it = frontage_cache_.find(key); it != frontage_cache_.end()) {
        return it->second;
    }
    const double d = geo::distance(ctx_, model_.parcels[parcel].outline, model_.voies[voie].parts);
    frontage_cache_.emplace(key, d);
    return d;
}

std::optional<AssignOutcome> Assigner::annex_outcome(BuildingIdx b) {
    if (area_[b] < rules_.min_building_area) {
        return AssignOutcome::annex_small;
    }
    if (parcel_of_[b]) {
        for (std::size_t other :
             footprints_->near(model_.buildings[b].footprint, touching_distance)) {
            if (other != b && numbered_group_[other] != 0 && parcel_of_[other] == parcel_of_[b]) {
                numbered_group_[b] = 1;
                return AssignOutcome::annex_attached;
            }
        }
    }
    return std::nullopt;
}

std::optional<double> Assigner::next_reach(double done_to,
                                           const std::vector<Candidate> &visible) const {
    if (visible.size() == 1) {
        // A second voie farther than ambiguity_ratio times the first is no rival.
        const double rival_reach = rules_.ambiguity_ratio * visible.front().distance;
        if (rival_reach <= done_to) {
            return std::nullopt;
        }
        return std::min(rival_reach, rules_.max_distance);
    }
    return done_to > 0.0 ? std::min(2.0 * done_to, rules_.max_distance) : rules_.max_distance;
}

Assigner::InSight Assigner::voies_in_sight(BuildingIdx b) const {
    const geo::XY anchor = model_.buildings[b].anchor;
    InSight sight;
    std::vector<Candidate> &visible = sight.visible;
    std::vector<char> seen(model_.voies.size(), 0);
    // Without a parcel only the nearest two visible voies count (the voie, its rival): look near
    // first, and farther only as far as the rival could still be. The hits past a reach come
    // after its own, in the same order, so the voies seen are those of one search to
    // max_distance (a line's distance does not depend on the reach).
    const bool two_suffice = !parcel_of_[b];
    double reach =
        two_suffice ? std::min(rules_.first_reach, rules_.max_distance) : rules_.max_distance;
    double done_to = -1.0; // the hits at most this far were looked at
    while (done_to < rules_.max_distance) {
        if (done_to >= 0.0) { // a search done, no rival yet: how far the next one goes
            const std::optional<double> next = next_reach(done_to, visible);
            if (!next) {
                break;
            }
            reach = *next;
        }
        for (const geo::NearestLineIndex::Hit &hit : lines_->within(anchor, reach)) {
            if (hit.distance <= done_to) {
                continue;
            }
            const auto [v, p] = owner_[hit.index];
            if (seen[v] != 0) {
                continue;
            }
            seen[v] = 1;
            sight.any_near = true;
            const geo::LinePosition at =
                geo::locate(model_.voies[v].parts[p], measures_[hit.index], anchor, hit.distance);
            if (sees(v, anchor, at.foot)) {
                visible.push_back(Candidate{v, p, hit.distance, at});
                if (two_suffice && visible.size() == 2) {
                    return sight;
                }
            } else if (visible.empty()) {
                ++sight.hidden;
            }
        }
        done_to = reach;
    }
    return sight;
}

std::vector<Assigner::Candidate>
Assigner::fronted_by_parcel(BuildingIdx b, const std::vector<Candidate> &visible) {
    std::vector<Candidate> fronted;
    if (parcel_of_[b]) {
        for (const Candidate &c : visible) {
            if (parcel_to_voie(*parcel_of_[b], c.voie) <= rules_.frontage_distance) {
                fronted.push_back(c);
            }
        }
    }
    return fronted;
}

void Assigner::assign(BuildingIdx b, const std::vector<Candidate> &candidates,
                      AssignDecision &decision) {
    const Candidate &chosen = candidates.front();
    const Voie &voie = model_.voies[chosen.voie];
    decision.outcome = AssignOutcome::assigned;
    decision.assignment = Assignment{b,
                                     chosen.voie,
                                     voie.part_start[chosen.part] + chosen.at.along,
                                     chosen.at.offset,
                                     chosen.at.side,
                                     chosen.part,
                                     decision.by_parcel};
    if (candidates.size() > 1 &&
        candidates[1].distance < rules_.ambiguity_ratio * chosen.distance) {
        decision.rival = candidates[1].voie;
        decision.rival_distance = candidates[1].distance;
        decision.assignment.rival = decision.rival;
        decision.assignment.rival_distance = decision.rival_distance;
    }
    numbered_group_[b] = 1;
}

AssignDecision Assigner::decide(BuildingIdx b) {
    AssignDecision decision;
    if (const std::optional<AssignOutcome> annex = annex_outcome(b)) {
        decision.outcome = *annex;
        return decision;
    }
    const InSight sight = voies_in_sight(b);
    decision.hidden_voies = sight.hidden;
    if (sight.visible.empty()) {
        decision.outcome =
            sight.any_near ? AssignOutcome::no_voie_in_sight : AssignOutcome::no_voie_near;
        return decision;
    }
    const std::vector<Candidate> fronted = fronted_by_parcel(b, sight.visible);
    if (fronted.empty()) {
        assign(b, sight.visible, decision);
        return decision;
    }
    decision.by_parcel = true;
    decision.parcel_overrode_nearest = fronted.front().voie != sight.visible.front().voie;
    assign(b, fronted, decision);
    return decision;
}

} // namespace adressage::pipeline
