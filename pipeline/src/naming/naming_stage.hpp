#pragma once
// The voies à nommer of the commune (issue 21): the candidates of candidate_voies.hpp that are
// the access of buildings no named voie serves. A building the assign stage left without a voie
// (none within --max-distance, or none in sight) goes to the candidate of its nearest unnamed
// road piece within --max-distance; a candidate serving at least --naming-min-buildings of them
// is a voie à nommer (a lane to one house is not: rule V-06 names the lanes that serve plots).
// Footways, paths and steps (access_only) are looked at only for a building with no unnamed
// road within --max-distance: they are voies à nommer only as the sole access (V-01 leaves
// footpaths out otherwise).
#include <optional>
#include <vector>

#include "adressage/geo/nearest_line_index.hpp"
#include "core/stage.hpp"

namespace adressage::pipeline {

class NamingStage final : public Stage {
  public:
    std::string_view name() const override { return "naming"; }
    Tables reads() const override {
        return roads_table | buildings_table | toponymes_table | voies_table | unserved_table;
    }
    Tables writes() const override { return voies_a_nommer_table | report_result; }
    void run(CommuneModel &model, RunContext &ctx) override;

    // Unnamed pieces of one class (roads, or access-only ways) and the candidate of each.
    struct Pieces {
        geo::NearestLineIndex index;
        std::vector<std::size_t> candidate; // of the i-th line of `index`
    };

    // Per-record work: the candidate (index in `candidates`) serving a building at `anchor`: of
    // the nearest unnamed road piece within `max_distance`, else of the nearest access-only one.
    static std::optional<std::size_t> process_one(const Pieces &roads, const Pieces &access,
                                                  geo::XY anchor, double max_distance);
};

} // namespace adressage::pipeline
