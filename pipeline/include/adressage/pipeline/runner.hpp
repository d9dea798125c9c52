#pragma once
// Runs one commune: checks the stage chain, prepares every stage, runs them in order with
// timings, writes the report, and leaves nothing half-written when something fails.
#include <string>

#include <nlohmann/json.hpp>

#include "adressage/formats/commune_list.hpp"
#include "adressage/formats/preset.hpp"
#include "adressage/names/dictionaries.hpp"
#include "adressage/pipeline/commune_inputs.hpp"
#include "adressage/pipeline/run_options.hpp"

namespace adressage::pipeline {

struct RunResult {
    std::string bal_path;
    std::string report_path;
    nlohmann::json report;
};

RunResult run_commune(RunOptions options);

// What a batch loads once and lends to every commune it runs (read-only, shared across threads);
// a null member is loaded by the run itself.
struct RunShared {
    const formats::CommuneList *communes = nullptr;    // the COG list
    const names::Dictionaries *dictionaries = nullptr; // the names stage's word lists
    // Every core already has a worker (a batch with --jobs > 1): the commune starts no thread
    // of its own (the validator does not read ahead).
    bool one_thread = false;
};

// The same run on inputs given in memory (a batch's share of larger layers) instead of reading
// the sources; `options.roads`, `buildings` and `boundary` are not opened.
RunResult run_commune(RunOptions options, CommuneInputs inputs, const RunShared &shared = {});

// The preset of the options, with --road-name-field and --road-kind-field applied.
formats::Preset preset_for(const RunOptions &options);

} // namespace adressage::pipeline
