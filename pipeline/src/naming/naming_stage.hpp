#pragma once
// The voies à nommer of the commune (issue 21): the candidates of candidate_voies.hpp that are
// the access of buildings no named voie serves. A building the assign stage left without a voie
// (none within --max-distance, or none in sight) goes to the candidate of its nearest unnamed
// road piece within --max-distance; a candidate serving at least --naming-min-buildings of them
// is a voie à nommer (a lane to one house is not: rule V-06 names the lanes that serve plots).
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

    // Per-record work: the candidate (index in `candidates`) serving a building at `anchor`, from
    // the nearest unnamed piece within `max_distance`; `piece_candidate[i]` is the candidate of
    // the i-th line of `index`.
    static std::optional<std::size_t> process_one(const geo::NearestLineIndex &index,
                                                  const std::vector<std::size_t> &piece_candidate,
                                                  geo::XY anchor, double max_distance);
};

} // namespace adressage::pipeline
