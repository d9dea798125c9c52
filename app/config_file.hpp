#pragma once
// --config FILE for `run` and `batch`: a TOML file (read by toml++) whose keys are the command's
// flags, `max_distance = 120` or `max-distance = 120` for --max-distance 120; an array is one
// value per element (`roads = ["a.gpkg:roads", "b.gpkg:roads"]`, over several lines if need be);
// `true` sets a flag, `false` leaves it unset. Flags on the command line override the file.
// CLI11 2.1 reads a config file for the top-level app only, with its own TOML subset (no
// multi-line array), so the file is read here and its keys turned into the command's arguments.
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace adressage::app {

// The files of every --config on the command line, in order (argv scanned: the file must be
// read before the command line is parsed).
std::vector<std::string> config_files(int argc, char **argv);

// The arguments `file` stands for, as `command` would read them on its command line. Throws
// InputError("--config FILE", ...) naming the line and key of a TOML error, an unknown key, a
// table or an array of arrays.
std::vector<std::string> config_arguments(const std::string &file, CLI::App &command);

// Parses the arguments of `file` into `command` (declared on the caller's own values): what the
// file sets, before the command line. A value CLI11 refuses is an InputError naming the file.
void parse_config(const std::string &file, CLI::App &command);

} // namespace adressage::app
