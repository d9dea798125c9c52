#pragma once
// One commune of a batch: its inputs given in memory and what the batch lends its communes.
#include <functional>

#include "adressage/formats/commune_list.hpp"
#include "adressage/names/dictionaries.hpp"
#include "adressage/pipeline/runner.hpp"
#include "core/commune_inputs.hpp"
#include "core/stage.hpp"

namespace adressage::pipeline {

// What a batch loads once and lends to every commune it runs (read-only, shared across threads);
// a null member is loaded by the run itself.
struct RunShared {
    const formats::CommuneList *communes = nullptr;    // the COG list
    const names::Dictionaries *dictionaries = nullptr; // the names stage's word lists
    // Every core already has a worker (a batch with --jobs > 1): the commune starts no thread
    // of its own (the validator does not read ahead).
    bool one_thread = false;
    // Called once before the stages are prepared (stage null), then after each stage's
    // prepare() and after its run(): stage_declarations_test compares what changed with what
    // the stage declares. Empty: not called.
    std::function<void(const Stage *stage, const CommuneModel &, const RunContext &)> observe;
};

// The same run on inputs given in memory (a batch's share of larger layers) instead of reading
// the sources; `options.roads`, `buildings` and `boundary` are not opened.
RunResult run_commune(RunOptions options, CommuneInputs inputs, const RunShared &shared = {});

// The run of runner.hpp (the sources read) with what `shared` lends or observes.
RunResult run_commune(RunOptions options, const RunShared &shared);

} // namespace adressage::pipeline
