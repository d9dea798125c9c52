#pragma once
// What a batch, or a merge of its shards, did: printed the same way by both commands.
#include "adressage/pipeline/batch_options.hpp"

namespace adressage::app {

// Prints the counts and the files written; returns exit_failure when any commune failed.
int print_batch_result(const pipeline::BatchResult &r);

} // namespace adressage::app
