#include <dlfcn.h>

#include <string>

#include "adressage/error.hpp"
#include "adressage/install_paths.hpp"
#include "run_module.hpp"

namespace adressage::app {

namespace {

void *load_symbol(const char *symbol) {
    // Beside the executable in a build tree, in lib/adressage/ when installed.
    const std::string path = beside_executable(run_module_file, {".", "../lib/adressage"});
    if (path.empty()) {
        throw Error(std::string("cannot find the run module ") + run_module_file + " in " +
                    executable_dir() + " or " + executable_dir() +
                    "/../lib/adressage; rebuild with scripts/setup or reinstall adressage");
    }
    // RTLD_GLOBAL: the module's type information is shared with the executable, so the
    // exceptions it throws are caught by type in main.cpp.
    void *handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_GLOBAL);
    if (handle == nullptr) {
        const char *why = ::dlerror();
        throw Error("cannot load the run module " + path + " (" + (why ? why : "unknown") +
                    "); rebuild with scripts/setup or reinstall adressage");
    }
    void *entry = ::dlsym(handle, symbol);
    if (entry == nullptr) {
        throw Error("the run module " + path + " has no " + symbol +
                    "; rebuild with scripts/setup");
    }
    return entry;
}

} // namespace

pipeline::RunResult run_commune_in_module(const pipeline::RunOptions &options) {
    // The module stays loaded until exit.
    static const auto entry = reinterpret_cast<RunCommuneFn>(load_symbol(run_module_entry));
    pipeline::RunResult result;
    entry(options, result);
    return result;
}

pipeline::BatchResult run_batch_in_module(const pipeline::BatchOptions &options) {
    static const auto entry = reinterpret_cast<RunBatchFn>(load_symbol(batch_module_entry));
    pipeline::BatchResult result;
    entry(options, result);
    return result;
}

pipeline::BatchResult batch_merge_in_module(const std::string &out_dir) {
    static const auto entry = reinterpret_cast<BatchMergeFn>(load_symbol(batch_merge_entry));
    pipeline::BatchResult result;
    entry(out_dir, result);
    return result;
}

pipeline::TraceCheckResult check_traces_in_module(const std::string &path,
                                                  const pipeline::RunOptions &options) {
    static const auto entry = reinterpret_cast<CheckTracesFn>(load_symbol(check_traces_entry));
    pipeline::TraceCheckResult result;
    entry(path, options, result);
    return result;
}

void write_diff_gpkg_in_module(const std::string &path, const formats::BalTable &old_table,
                               const formats::BalTable &new_table, const formats::BalDiff &diff) {
    static const auto entry = reinterpret_cast<WriteDiffFn>(load_symbol(write_diff_entry));
    entry(path, old_table, new_table, diff);
}

} // namespace adressage::app
