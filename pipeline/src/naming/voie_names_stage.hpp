#pragma once
// The council's answer (--voie-names): before the voies are built, each voie à nommer named in
// the file gets its name on its road pieces, so it is made, numbered and written like any
// other voie. The voies à nommer and their proposals are found again from the same roads and
// places (candidate_voies.hpp, name_proposals.hpp), so an id and a rank mean what the report
// of an earlier run said. Refused, with the file's line: an id that is not a voie à nommer of
// this commune, a rank without its proposal, a placeholder label (N-06), a name a named road
// of the commune or another line already has (N-01).
#include <string>
#include <vector>

#include "core/stage.hpp"
#include "naming/voie_names_file.hpp"

namespace adressage::pipeline {

class VoieNamesStage final : public Stage {
  public:
    std::string_view name() const override { return "voie_names"; }
    Tables reads() const override { return roads_table | toponymes_table; }
    Tables writes() const override { return roads_table | report_result; }
    void prepare(RunContext &ctx) override; // reads --voie-names
    void run(CommuneModel &model, RunContext &ctx) override;

  private:
    std::vector<VoieNameLine> lines_;
};

} // namespace adressage::pipeline
