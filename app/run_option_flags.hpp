#pragma once
// The flags of the run options, declared from the option table (run_option_table.hpp): each
// flag's name, help and default come from there, and a typed value (option_values.hpp) is parsed
// as the flag is read, so a bad value is refused before anything runs.
#include <CLI/CLI.hpp>

#include "adressage/pipeline/run_options.hpp"

namespace adressage::app {

enum class FlagsFor {
    run,   // every option with a flag
    batch, // the options a batch takes for all its communes (the others are per commune)
};

void add_run_option_flags(CLI::App &command, pipeline::RunOptions &o, FlagsFor which);

} // namespace adressage::app
