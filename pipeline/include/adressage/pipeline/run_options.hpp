#pragma once
// Everything a run needs from the user, declared once; defaults are the embedded commune.
#include <optional>
#include <string>
#include <vector>

namespace adressage::pipeline {

struct RunOptions {
    std::string insee;
    // Vector source specs (path, path:layer, PG:...:layer); several sources are read in order,
    // e.g. one per cadastre sheet.
    std::vector<std::string> roads;
    std::vector<std::string> buildings;
    std::vector<std::string> boundary; // optional
    std::string preset = "osm";
    std::optional<std::string> road_name_field; // overrides the preset
    std::optional<std::string> road_kind_field; // "" disables the kind filter
    std::string out_dir = "out";
    double max_distance = 150.0;     // metres from a building to its voie
    double homonym_distance = 500.0; // same-name roads further apart are separate voies
    std::string source = "adressage";
    std::string date;     // date_der_maj, YYYY-MM-DD; empty: today (UTC)
    std::string data_dir; // empty: ADRESSAGE_DATA or the build's datasets/
};

// The shipped datasets folder.
std::string default_data_dir();

// Options for the embedded default commune, Beausoleil (06012, OSM 2016).
RunOptions default_commune_options(const std::string &data_dir);

// Checks values and combinations; fills the date. Throws ConfigError.
void check_options(RunOptions &options);

} // namespace adressage::pipeline
