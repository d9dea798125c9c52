#pragma once
// Runs one commune: checks the stage chain, prepares every stage, runs them in order with
// timings, writes the report, and leaves nothing half-written when something fails.
#include <string>

#include <nlohmann/json.hpp>

#include "adressage/formats/preset.hpp"
#include "adressage/pipeline/run_options.hpp"

namespace adressage::pipeline {

struct RunResult {
    std::string bal_path;
    std::string report_path;
    nlohmann::json report;
};

RunResult run_commune(RunOptions options);

// The preset of the options, with --road-name-field and --road-kind-field applied.
formats::Preset preset_for(const RunOptions &options);

} // namespace adressage::pipeline
