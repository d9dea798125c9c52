#pragma once
// Which voie a building's address belongs to (issue 4 item 3). The nearest named voie is the
// start, not the end:
//  1. annexes get no number: a building smaller than the minimum area, or one that touches a
//     larger building of the same parcel that is numbered (or is itself such an annex);
//  2. the building must see its voie: the segment from its anchor to the anchor's projection
//     on the voie crosses no other named voie;
//  3. with parcels, the voies the building's parcel fronts (parcel within `frontage_distance`
//     of the voie) come first, the nearest of them wins;
//  4. when a second candidate is less than `ambiguity_ratio` times as far as the chosen one,
//     the choice is kept but flagged as ambiguous, with both voies, for the report.
#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "adressage/geo/geos_context.hpp"
#include "adressage/geo/nearest_line_index.hpp"
#include "adressage/geo/polygon_index.hpp"
#include "core/model.hpp"

namespace adressage::pipeline {

struct AssignRules {
    double max_distance = 150.0;
    double min_building_area = 20.0;
    double ambiguity_ratio = 1.2;
    // Metres between a parcel and a voie's centreline for the parcel to front the voie: half a
    // wide street with its pavements (cadastre parcels stop at the public road).
    double frontage_distance = 15.0;
    // Speed only, never the result: without a parcel the search for a voie and its rival looks
    // this far first, then farther (doubling, or out to the rival's reach once a voie is seen).
    double first_reach = 25.0;
};

enum class AssignOutcome {
    assigned,
    annex_small,     // smaller than min_building_area
    annex_attached,  // touches a larger, numbered building of the same parcel
    no_voie_near,    // no named voie within max_distance
    no_voie_in_sight // every voie within max_distance is behind another named voie
};

// The reason's spelling in the report ("annex_small", ...).
const char *outcome_name(AssignOutcome outcome);

struct AssignDecision {
    AssignOutcome outcome = AssignOutcome::no_voie_near;
    Assignment assignment;                // when assigned
    bool by_parcel = false;               // the voie came from the parcel's frontage
    bool parcel_overrode_nearest = false; // ... and it is not the nearest visible voie
    std::size_t hidden_voies = 0;         // nearer voies that were not in sight
    std::optional<VoieIdx> rival;         // the second candidate when ambiguous
    double rival_distance = 0.0;
    bool ambiguous() const { return rival.has_value(); }
};

class Assigner {
  public:
    // Keeps references to `model` and `ctx`: both must outlive the assigner.
    Assigner(geo::GeosContext &ctx, const CommuneModel &model, const AssignRules &rules);
    ~Assigner();
    Assigner(const Assigner &) = delete;
    Assigner &operator=(const Assigner &) = delete;

    // The order in which decide() must see the buildings: largest first (then by index), so
    // that a main building is decided before the annexes attached to it.
    std::vector<BuildingIdx> order() const;

    // Per-record work: the decision for one building, given those decided before it.
    AssignDecision decide(BuildingIdx b);

    // The parcel that holds the building's anchor (lowest index when parcels overlap).
    std::optional<std::size_t> parcel_of(BuildingIdx b) const { return parcel_of_[b]; }

  private:
    // A voie in sight of a building: its nearest part within reach and where the anchor falls.
    struct Candidate {
        VoieIdx voie;
        std::size_t part;
        double distance;
        geo::LinePosition at;
    };
    struct InSight {
        std::vector<Candidate> visible; // nearest voie first
        bool any_near = false;          // a voie within max_distance, in sight or not
        std::size_t hidden = 0;         // voies nearer than the first visible one, not in sight
    };

    // The rule of annexes: annex_small, annex_attached, or nullopt when not an annex.
    std::optional<AssignOutcome> annex_outcome(BuildingIdx b);
    // The voies in sight of the building's anchor.
    InSight voies_in_sight(BuildingIdx b) const;
    // How far the search for voies in sight goes after looking `done_to` far; nullopt when it
    // stops.
    std::optional<double> next_reach(double done_to, const std::vector<Candidate> &visible) const;
    // Of the visible voies, those the building's parcel fronts (none without a parcel).
    std::vector<Candidate> fronted_by_parcel(BuildingIdx b, const std::vector<Candidate> &visible);
    // The building numbered on the first candidate, flagged when the second is a rival.
    void assign(BuildingIdx b, const std::vector<Candidate> &candidates, AssignDecision &decision);
    bool sees(VoieIdx voie, geo::XY from, geo::XY foot) const;
    double parcel_to_voie(std::size_t parcel, VoieIdx voie);

    geo::GeosContext &ctx_;
    const CommuneModel &model_;
    AssignRules rules_;
    std::vector<std::pair<VoieIdx, std::size_t>> owner_; // (voie, part) per indexed line
    std::vector<geo::LineMeasures> measures_;            // per indexed line
    std::unique_ptr<geo::NearestLineIndex> lines_;
    std::unique_ptr<geo::PolygonIndex> footprints_;
    std::vector<double> area_;
    std::vector<std::optional<std::size_t>> parcel_of_;
    std::vector<char> numbered_group_; // decided: numbered, or an annex attached to one
    std::map<std::pair<std::size_t, VoieIdx>, double> frontage_cache_; // (parcel, voie) → m
};

} // namespace adressage::pipeline
