// The run module itself: the one symbol the executable looks up.
#include "run_module.hpp"

#include "adressage/formats/bal_diff_layer.hpp"
#include "adressage/pipeline/batch.hpp"
#include "adressage/pipeline/trace_checks.hpp"

extern "C" __attribute__((visibility("default"))) void
adressage_run_commune(const adressage::pipeline::RunOptions &options,
                      adressage::pipeline::RunResult &result) {
    result = adressage::pipeline::run_commune(options);
}

extern "C" __attribute__((visibility("default"))) void
adressage_run_batch(const adressage::pipeline::BatchOptions &options,
                    adressage::pipeline::BatchResult &result) {
    result = adressage::pipeline::run_batch(options);
}

extern "C" __attribute__((visibility("default"))) void
adressage_batch_merge(const std::string &out_dir, adressage::pipeline::BatchResult &result) {
    result = adressage::pipeline::merge_shards(out_dir);
}

extern "C" __attribute__((visibility("default"))) void
adressage_check_traces(const std::string &path, const adressage::pipeline::RunOptions &options,
                       adressage::pipeline::TraceCheckResult &result) {
    result = adressage::pipeline::check_traces(path, options);
}

extern "C" __attribute__((visibility("default"))) void
adressage_write_diff_gpkg(const std::string &path, const adressage::formats::BalTable &old_table,
                          const adressage::formats::BalTable &new_table,
                          const adressage::formats::BalDiff &diff) {
    adressage::formats::write_bal_diff_geopackage(path, old_table, new_table, diff);
}
