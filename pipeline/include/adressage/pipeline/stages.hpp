#pragma once
// The stages of `adressage run`, in order.
#include <memory>
#include <vector>

#include "adressage/geo/transformer.hpp"
#include "adressage/pipeline/metric_numbering.hpp"
#include "adressage/pipeline/stage.hpp"

namespace adressage::pipeline {

// Reads roads, buildings and the boundary, reprojects them to the legal CRS, repairs invalid
// footprints and computes each building's anchor. Unusable features are counted and skipped.
class IngestStage final : public Stage {
  public:
    std::string_view name() const override { return "ingest"; }
    Tables needs() const override { return no_table; }
    Tables provides() const override { return roads_table | buildings_table | boundary_table; }
    void prepare(RunContext &ctx) override;
    void run(CommuneModel &model, RunContext &ctx) override;

    // Per-record work: one line reprojected in place.
    static void process_one(const geo::Transformer &to_legal, geo::Polyline &line);

  private:
    // One per input, parallel to RunContext's inputs (null for a source without the layer).
    std::vector<std::unique_ptr<geo::Transformer>> roads_to_legal_;
    std::vector<std::unique_ptr<geo::Transformer>> buildings_to_legal_;
    std::vector<std::unique_ptr<geo::Transformer>> boundary_to_legal_;
};

// Rewrites every road name in its display form ("CHE DE L EGLISE" → "Chemin de l’Église") and
// reports each name it changed or could not decide.
class NamesStage final : public Stage {
  public:
    std::string_view name() const override { return "names"; }
    Tables needs() const override { return roads_table; }
    Tables provides() const override { return no_table; }
    void prepare(RunContext &ctx) override;
    void run(CommuneModel &model, RunContext &ctx) override;
};

// Keeps the road pieces inside the boundary and the buildings whose anchor is inside it.
class ClipStage final : public Stage {
  public:
    std::string_view name() const override { return "clip"; }
    Tables needs() const override { return roads_table | buildings_table | boundary_table; }
    Tables provides() const override { return no_table; }
    void run(CommuneModel &model, RunContext &ctx) override;
};

// Groups named road segments into voies (see Voie).
class VoiesStage final : public Stage {
  public:
    std::string_view name() const override { return "voies"; }
    Tables needs() const override { return roads_table; }
    Tables provides() const override { return voies_table; }
    void run(CommuneModel &model, RunContext &ctx) override;
};

// Gives each building its nearest voie within the maximum distance.
class AssignStage final : public Stage {
  public:
    std::string_view name() const override { return "assign"; }
    Tables needs() const override { return buildings_table | voies_table; }
    Tables provides() const override { return assignments_table; }
    void run(CommuneModel &model, RunContext &ctx) override;
};

// Metric numbering of each voie's buildings; voies that get numbers get a voie code.
class NumberStage final : public Stage {
  public:
    std::string_view name() const override { return "number"; }
    Tables needs() const override { return assignments_table | voies_table; }
    Tables provides() const override { return numeros_table; }
    void run(CommuneModel &model, RunContext &ctx) override;
};

// One `bâtiment` position per numero, at the building's anchor.
class PositionStage final : public Stage {
  public:
    std::string_view name() const override { return "position"; }
    Tables needs() const override { return numeros_table | buildings_table; }
    Tables provides() const override { return positions_table; }
    void run(CommuneModel &model, RunContext &ctx) override;
};

// Writes <out>/<insee>/bal-<insee>.csv (BAL 1.4) through a temporary file.
class WriteStage final : public Stage {
  public:
    std::string_view name() const override { return "write"; }
    Tables needs() const override { return positions_table | numeros_table | voies_table; }
    Tables provides() const override { return no_table; }
    void run(CommuneModel &model, RunContext &ctx) override;
};

std::vector<std::unique_ptr<Stage>> standard_stages();

} // namespace adressage::pipeline
