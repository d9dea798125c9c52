#pragma once
// The options that mean the same for one commune (`run`) and for each commune of a batch,
// declared once: field mapping, output, assignment, numbering, positions, the place radius and
// the update's orphans, BAL version and producer.
#include <string>

#include <CLI/CLI.hpp>

#include "adressage/pipeline/run_options.hpp"

namespace adressage::app {

// --road-name-field and --road-kind-field replace the preset's fields only when given: an empty
// kind field is a value ('' keeps every line), so whether one was given is the option's count.
struct RoadFields {
    std::string name;
    std::string kind;
};

void add_pipeline_options(CLI::App &app, pipeline::RunOptions &o, RoadFields &fields);

// The road fields given on `command`'s command line, over the preset's.
void apply_road_fields(const CLI::App &command, const RoadFields &fields, pipeline::RunOptions &o);

} // namespace adressage::app
