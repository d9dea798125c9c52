#pragma once
// `adressage batch`: many communes through the pipeline of `adressage run`. The road and
// building layers and the commune boundaries are read once and split by commune; the communes
// run in parallel (one worker per job, each with its own GEOS and PROJ contexts); a commune that
// fails is reported and never stops the others. Outputs are those of `adressage run` for each
// commune (<out>/<insee>/), plus a summary (batch-summary.json, .csv) and a manifest
// (batch-manifest.json) that --resume reads to skip the communes already done.
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "adressage/formats/commune_list.hpp"
#include "adressage/pipeline/batch_options.hpp"
#include "adressage/pipeline/skipped_features.hpp"

namespace adressage::pipeline {

// Runs the batch. Throws ConfigError or InputError (before any commune runs) when the options
// or a batch-wide source are not usable; a commune's failure is in the result, not thrown.
BatchResult run_batch(BatchOptions options);

// The communes the options name, sorted, each once, checked against the COG (ConfigError for
// an unknown or former code). --departement takes those of `boundary_codes` in the département.
std::vector<std::string> batch_communes(const BatchOptions &options,
                                        const formats::CommuneList &cog,
                                        const std::vector<std::string> &boundary_codes);

// Share K of N ("K/N", 1-based) of sorted communes: every N-th from the K-th, so shares are
// disjoint, cover the list and do not depend on the machine. "": all.
std::vector<std::string> shard_of(const std::vector<std::string> &communes,
                                  const std::string &shard);

// batch-summary.csv from the "results" of batch-summary.json.
std::string summary_csv(const nlohmann::json &results);

// The summary's "skipped_features" ({"count", "reasons", "file"}); the list of the skipped
// features written to <out_dir>/skipped-features<suffix>.csv when there are any, and counted
// in `result`.
nlohmann::json skipped_summary(const SkippedRows &rows, const std::filesystem::path &out_dir,
                               const std::string &suffix, BatchResult &result);

// `adressage batch-merge`: joins the manifests and summaries that the N shards of a batch
// (`--shard K/N`, each with the same options) wrote in `out_dir` into batch-manifest.json and
// batch-summary.json/.csv and skipped-features.csv, as one unsharded batch would have written
// them. Throws InputError
// when a shard is missing, repeated or ran with other options.
BatchResult merge_shards(const std::string &out_dir);

} // namespace adressage::pipeline
