#pragma once
// `adressage run` needs GDAL, GEOS and PROJ: about a hundred shared libraries that take 30 ms
// and 36 MB to load before main(). The other commands (validate, names) need none of them, so
// the run lives in a module, libadressage_run.so beside the executable, loaded on first use
// (the way GDAL loads its driver plugins and PDAL its kernels). The module's entry point is
// `adressage_run_commune` (and `adressage_run_batch` for `adressage batch`); exceptions cross
// them unchanged, so exit codes are still decided in main.cpp only.
#include "adressage/formats/bal_diff.hpp"
#include "adressage/pipeline/batch_options.hpp"
#include "adressage/pipeline/runner.hpp"
#include "adressage/pipeline/trace_checks.hpp"

namespace adressage::app {

// The entry point's signature, shared by the module and the loader.
using RunCommuneFn = void (*)(const pipeline::RunOptions &options, pipeline::RunResult &result);
inline constexpr const char *run_module_file = "libadressage_run.so";
inline constexpr const char *run_module_entry = "adressage_run_commune";
using RunBatchFn = void (*)(const pipeline::BatchOptions &options, pipeline::BatchResult &result);
inline constexpr const char *batch_module_entry = "adressage_run_batch";
using BatchMergeFn = void (*)(const std::string &out_dir, pipeline::BatchResult &result);
inline constexpr const char *batch_merge_entry = "adressage_batch_merge";
using CheckTracesFn = void (*)(const std::string &path, const pipeline::RunOptions &options,
                               pipeline::TraceCheckResult &result);
inline constexpr const char *check_traces_entry = "adressage_check_traces";
using WriteDiffFn = void (*)(const std::string &path, const formats::BalTable &old_table,
                             const formats::BalTable &new_table, const formats::BalDiff &diff);
inline constexpr const char *write_diff_entry = "adressage_write_diff_gpkg";

// Loads the module once and runs one commune through it. Throws Error when the module cannot
// be loaded (a broken build or install), and whatever the run throws.
pipeline::RunResult run_commune_in_module(const pipeline::RunOptions &options);
// The same for a batch (batch.hpp).
pipeline::BatchResult run_batch_in_module(const pipeline::BatchOptions &options);
pipeline::BatchResult batch_merge_in_module(const std::string &out_dir);
// `adressage validate FILE --roads SRC` (trace_checks.hpp).
pipeline::TraceCheckResult check_traces_in_module(const std::string &path,
                                                  const pipeline::RunOptions &options);
// `adressage diff --gpkg` (formats/bal_diff_layer.hpp).
void write_diff_gpkg_in_module(const std::string &path, const formats::BalTable &old_table,
                               const formats::BalTable &new_table, const formats::BalDiff &diff);

} // namespace adressage::app
