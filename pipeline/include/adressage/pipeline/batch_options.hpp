#pragma once
// Everything `adressage batch` needs from the user: the run options shared by every commune,
// which communes, the boundaries layer, and how to run them. Plain values: the executable parses
// them without loading the pipeline.
#include <algorithm>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "adressage/pipeline/run_options.hpp"

namespace adressage::pipeline {

// The most --jobs a batch runs: four threads per core (at least 8). More only add memory (each
// thread holds a commune group's layers) and, in the thousands, fail to start.
inline unsigned max_batch_jobs() { return std::max(8u, 4u * std::thread::hardware_concurrency()); }

struct BatchOptions {
    // Every commune runs with these (insee and boundary are set per commune); roads and
    // buildings are the batch-wide layers, read once; existing, ledger and voie_options are
    // patterns with {insee} (batch_commune_options.hpp).
    RunOptions run;

    // Which communes (exactly one of the three).
    std::vector<std::string> communes; // --communes 06012,06032
    std::string departement;           // --departement 06: its communes in the boundaries layer
    std::string communes_file;         // --communes-file: one INSEE code per line, '#' comments

    std::vector<std::string> boundaries; // commune boundaries layer(s) with an INSEE code field
    std::string insee_field;             // "": detected
    // Per-commune numbering, town hall, BAN id and SIREN (batch_commune_options.hpp); "": none.
    std::string commune_options;

    unsigned jobs = 0;   // 0: the number of cores; at most max_batch_jobs()
    bool resume = false; // keep the communes whose manifest entry still matches
    // --review: a review.gpkg beside each commune's BAL. Off by default: it costs about half
    // a commune's run time in GDAL's GeoPackage writer, and 1 to 2 MB a commune.
    bool review = false;
    std::string shard; // "K/N": only the communes of share K (1-based) of N; "": all
    std::string progress =
        "auto"; // auto (bar on a terminal, JSON lines otherwise), json, bar or none
    // How the roads and buildings are read (batch_layers.hpp): auto, whole or by-area.
    std::string read_layers = "auto";
};

// What `adressage batch` reports back to the command line.
struct BatchResult {
    std::size_t communes = 0;
    std::size_t succeeded = 0;
    std::size_t failed = 0;
    std::size_t reused = 0; // --resume: unchanged communes not run again
    std::int64_t rows = 0;
    double seconds = 0.0;
    std::string summary_json;
    std::string summary_csv;
    std::string manifest;
    std::string dashboard;            // batch-review.gpkg: the communes as a map; "" after a merge
    std::size_t skipped_features = 0; // roads and buildings of the layers skipped as read
    std::string skipped_csv;          // their list, when there are any
    bool progress_json = false;       // the progress went to stdout as JSON lines
    // The layers the batch held and its dictionaries: freed with the result. The command line
    // leaves them to the operating system at exit, as compilers leave their trees: freeing two
    // million footprints one by one takes a tenth of a second on one core, after the last
    // commune is written.
    std::shared_ptr<const void> working_set;
};

} // namespace adressage::pipeline
