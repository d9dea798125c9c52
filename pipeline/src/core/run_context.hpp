#pragma once
// What the stages of one commune share besides the model: options, the commune list, the
// opened inputs, the thread's GEOS context, the diagnostics, and the named results a stage
// passes on to later ones (declared in each stage's reads()/writes(), stage.hpp).
#include <memory>

#include "adressage/formats/commune_list.hpp"
#include "adressage/formats/ogr_inputs.hpp"
#include "adressage/formats/preset.hpp"
#include "adressage/geo/geos_context.hpp"
#include "adressage/names/dictionaries.hpp"
#include "adressage/pipeline/run_options.hpp"
#include "adressage/pipeline/skipped_features.hpp"
#include "core/commune_inputs.hpp"
#include "core/diagnostics.hpp"
#include "core/geometric_alert.hpp"
#include "options/voie_options.hpp"

namespace adressage::pipeline {

struct UpdateState; // update_stage.hpp

// What stages pass on besides the model's tables; each has its bit in stage.hpp's Table.
struct StageResults {
    // update_result: the existing BAL, its matches and the ledger (the existing stage).
    std::shared_ptr<UpdateState> update;
    // report_result: the report's sections, by stage (the topo stage renames codes in them).
    nlohmann::json report_sections = nlohmann::json::object();
    // bal_result: the rows of the BAL written (the write stage).
    std::size_t rows_written = 0;
    // bal_result: every alert on a row of the BAL written, the official validator's and the
    // project's adressage.* checks (the write stage validates before writing).
    struct RowAlert {
        std::size_t line = 0; // 0-based data row
        std::string code;
        char level = 'I'; // E, W, I
    };
    std::vector<RowAlert> row_alerts;
    // report_result: every alert of the geometric checks, in the order found (their stage).
    std::vector<GeometricAlert> geometric_alerts;
};

struct RunContext {
    explicit RunContext(const RunOptions &o) : options(o) {}

    const RunOptions &options;
    formats::Preset preset;
    // The COG: the batch's, shared by its communes, or `communes` loaded for one run.
    formats::CommuneList communes;
    const formats::CommuneList *shared_communes = nullptr;
    const formats::CommuneList &cog() const {
        return shared_communes != nullptr ? *shared_communes : communes;
    }
    const formats::CogEntry *commune = nullptr;
    bool one_thread = false; // RunShared::one_thread

    // Inputs, not results: the commune's inputs given in memory (a batch), or null: the ingest
    // stage reads the sources.
    CommuneInputs *preloaded = nullptr;
    // A batch reading its layers: every road and building skipped goes here too.
    std::vector<SkippedFeature> *skipped_features = nullptr;

    // One per source given, in the order given.
    std::vector<std::unique_ptr<formats::RoadInput>> roads;
    std::vector<std::unique_ptr<formats::PolygonInput>> buildings;
    std::vector<std::unique_ptr<formats::PolygonInput>> boundary;
    std::vector<std::unique_ptr<formats::PolygonInput>> parcels;
    std::vector<std::unique_ptr<formats::PlaceInput>> places;
    std::vector<std::unique_ptr<formats::PolygonInput>> communes_deleguees;

    std::string output_dir; // <out>/<insee>
    std::string bal_path;
    bool created_output_dir = false; // removed again if the run fails

    std::unique_ptr<names::Dictionaries> name_dictionaries;
    const names::Dictionaries *shared_dictionaries = nullptr; // lent by a batch: not loaded
    VoieOptions voie_options; // --voie-options, empty when not given

    geo::GeosContext geos;
    Diagnostics diagnostics;
    StageResults results;
};

} // namespace adressage::pipeline
