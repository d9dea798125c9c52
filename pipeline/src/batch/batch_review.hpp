#pragma once
// batch-review.gpkg: the batch as a map for its coordinator (issue 22). Layer `communes`: one
// polygon per commune of the batch (its parts in --boundaries, in EPSG:4326 since a batch may
// span several legal CRS; none when the commune has no boundary) with the counts of its line
// of batch-summary.csv, styled by status (datasets/review-styles/communes.qml, stored in
// layer_styles). Same inputs, same bytes: no timing field, timestamps from the batch's date.
#include <filesystem>
#include <string>
#include <vector>

#include "adressage/geo/geopackage_writer.hpp"
#include "batch/batch_run.hpp"

namespace adressage::pipeline {

geo::OutputLayer communes_layer(const BatchRun &run);
std::vector<geo::FieldDef> communes_fields();

// Writes <out>/batch-review<suffix>.gpkg through a temporary name; returns its path. Throws
// InputError naming --out when it cannot be written (nothing is left behind).
std::string write_batch_review(const BatchRun &run);

// batch-merge: the communes of the shards' maps (`shards`, batch-review-shard-K-of-N.gpkg)
// joined by INSEE code into <out>/batch-review.gpkg, as one batch writes it. Throws InputError
// naming a shard's file that cannot be read.
std::string merge_batch_reviews(const std::filesystem::path &out,
                                const std::vector<std::filesystem::path> &shards,
                                const std::string &style, const std::string &date);

} // namespace adressage::pipeline
