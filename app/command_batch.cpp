// `adressage batch`: many communes from batch-wide layers (batch.hpp). Exit 0 when every commune
// succeeded, 1 when any failed (the summary says which and why), 2 for bad options or inputs.
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "adressage/error.hpp"
#include "batch_result.hpp"
#include "command.hpp"
#include "config_file.hpp"
#include "run_module.hpp"
#include "run_option_flags.hpp"

namespace adressage::app {

namespace {

struct BatchArgs {
    pipeline::BatchOptions options;
    std::string config;
};

// Which communes, and the boundaries they are cut by.
void add_communes(CLI::App &batch, pipeline::BatchOptions &o) {
    batch.add_option("--communes", o.communes, "INSEE codes, comma-separated (e.g. 06012,06032)")
        ->delimiter(',');
    batch.add_option("--departement", o.departement,
                     "every commune of this département in --boundaries (e.g. 06)");
    batch.add_option("--communes-file", o.communes_file,
                     "file of INSEE codes, one per line ('#' starts a comment)");
    batch.add_option("--boundaries", o.boundaries,
                     "commune boundaries: GDAL vector source(s) with an INSEE code field");
    batch.add_option("--insee-field", o.insee_field,
                     "field of --boundaries holding the INSEE code (default: detected)");
}

// What differs by commune beyond the files named with {insee}: a table of communes.
void add_per_commune_options(CLI::App &batch, pipeline::BatchOptions &o) {
    batch.add_option("--commune-options", o.commune_options,
                     "CSV of per-commune options: insee;numerotation (metrique, classique);"
                     "mairie_lon;mairie_lat (the town hall, WGS84);id_ban_commune;siren");
}

// How the batch runs: parallelism, resumption, shards, progress, how the layers are read.
void add_execution_options(CLI::App &batch, pipeline::BatchOptions &o) {
    batch.add_option("--jobs,-j", o.jobs, "communes run in parallel (default: the cores)");
    batch.add_flag("--resume", o.resume,
                   "skip the communes whose manifest entry matches their inputs and output");
    batch.add_flag("--review", o.review,
                   "write review.gpkg (the review layers for QGIS) beside each commune's BAL");
    batch.add_option("--shard", o.shard, "K/N: run only share K of N of the communes");
    batch
        .add_option("--progress", o.progress,
                    "auto (a bar on a terminal, JSON lines otherwise), json, bar or none")
        ->capture_default_str();
    batch
        .add_option("--read-layers", o.read_layers,
                    "how the roads and buildings are read (same outputs): whole (once, held; "
                    "a GeoPackage in --jobs parts at once), by-area (per group of neighbouring "
                    "communes, from the spatial index: less memory) or auto (whole when the "
                    "communes cover most of indexed layers of at most 5 million features)")
        ->check(CLI::IsMember({"auto", "whole", "by-area"}))
        ->capture_default_str();
}

void add_batch_options(CLI::App &batch, BatchArgs &a) {
    // Read before the command line (config_file.hpp), so flags override the file.
    batch.add_option("--config", a.config,
                     "TOML file of options: every flag is also a key (communes = [\"06012\"], "
                     "jobs = 2...)");
    add_communes(batch, a.options);
    add_run_option_flags(batch, a.options.run, FlagsFor::batch);
    add_per_commune_options(batch, a.options);
    add_execution_options(batch, a.options);
}

// The values of a --config file, as a separate parser reads them; the command line is then
// parsed over them.
void read_config(const std::string &file, BatchArgs &args) {
    CLI::App from_file{"", "batch"};
    BatchArgs file_args;
    add_batch_options(from_file, file_args);
    parse_config(file, from_file);
    args = std::move(file_args);
}

int execute_batch(const BatchArgs &a) {
    if (a.options.jobs > pipeline::max_batch_jobs()) {
        std::cerr << "adressage: --jobs " << a.options.jobs << " is more than 4 threads per core "
                  << "of this machine; running " << pipeline::max_batch_jobs() << "\n";
    }
    pipeline::BatchResult result = run_batch_in_module(a.options);
    // Left to the operating system, still reachable, never freed (see BatchResult).
    static const auto *left = new std::shared_ptr<const void>(std::move(result.working_set));
    static_cast<void>(left);
    return print_batch_result(result);
}

} // namespace

Command declare_batch(CLI::App &adressage) {
    auto args = std::make_shared<BatchArgs>();
    CLI::App *cli = adressage.add_subcommand(
        "batch", "number many communes from batch-wide layers split by commune boundaries, in "
                 "parallel; exit 1 when any commune failed");
    add_batch_options(*cli, *args);
    auto before_parse = [args](int argc, char **argv) {
        if (argc > 1 && std::string(argv[1]) == "batch") {
            for (const std::string &file : config_files(argc, argv)) {
                read_config(file, *args);
            }
        }
    };
    return {.cli = cli, .help = "batch", .before_parse = before_parse, .execute = [args] {
                return execute_batch(*args);
            }};
}

} // namespace adressage::app
