#pragma once
// The run options as the batch's resume fingerprint and the run report see them, both from
// the option table (adressage/pipeline/run_option_table.hpp).
#include <nlohmann/json.hpp>

#include "adressage/pipeline/run_options.hpp"

namespace adressage::pipeline {

// Every option whose Fingerprint is not `none`, by key, and the program's version: a commune
// whose fingerprint changed runs again under --resume. `date_given`: --date was on the
// command line (else the date is today's and not a change).
nlohmann::json options_fingerprint(const RunOptions &options, bool date_given);

// report.json's `options`: the options the table gives a report key.
nlohmann::json report_options(const RunOptions &options);

} // namespace adressage::pipeline
