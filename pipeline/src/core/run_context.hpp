#pragma once
// What the stages of one commune share besides the model: options, the commune list, the
// opened inputs, the thread's GEOS context and the diagnostics.
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
#include "options/voie_options.hpp"

namespace adressage::pipeline {

struct UpdateState; // update_stage.hpp

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

    // The commune's inputs given in memory (a batch), or null: the ingest stage reads them.
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
    std::size_t rows_written = 0;
    bool created_output_dir = false; // removed again if the run fails

    std::unique_ptr<names::Dictionaries> name_dictionaries;
    const names::Dictionaries *shared_dictionaries = nullptr; // lent by a batch: not loaded
    VoieOptions voie_options; // --voie-options, empty when not given

    geo::GeosContext geos;
    Diagnostics diagnostics;
    nlohmann::json report_sections = nlohmann::json::object(); // extra report parts, by stage
    std::shared_ptr<UpdateState> update; // set by the existing stage (update_stage.hpp)
};

} // namespace adressage::pipeline
