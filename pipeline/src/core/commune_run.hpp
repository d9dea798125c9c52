#pragma once
// One commune of a batch: its inputs given in memory and what the batch lends its communes.
#include "adressage/formats/commune_list.hpp"
#include "adressage/names/dictionaries.hpp"
#include "adressage/pipeline/runner.hpp"
#include "core/commune_inputs.hpp"

namespace adressage::pipeline {

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

} // namespace adressage::pipeline
