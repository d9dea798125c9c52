#pragma once
// What differs from one commune of a batch to the next:
//  - file patterns: --existing, --ledger and --voie-options name one file per commune with
//    "{insee}" in the path (bal/{insee}.csv); a commune whose --existing or --voie-options file
//    is absent runs without it (a département where some communes have a BAL and some do not);
//  - the table of --commune-options, one line per commune:
//
//      insee;numerotation;mairie_lon;mairie_lat;id_ban_commune;siren
//      06012;classique;7.4197;43.7366;0ba0c1a2-...;210600128
//
//    every column but `insee` may be absent or empty (then the batch's option holds);
//    `numerotation` metrique or classique, `mairie_lon`/`mairie_lat` the town hall in WGS84
//    degrees, `id_ban_commune` the BAN's id of the commune, `siren` for the upload file name
//    (with --producteur). Delimiter ';' or ',' (the header's); lines of communes outside the
//    batch are ignored.
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "adressage/pipeline/run_options.hpp"

namespace adressage::pipeline {

struct CommuneOption {
    std::string insee;
    std::size_t line = 0;                   // in the file, for messages
    std::optional<NumberingMode> numbering; // none: the batch's --numbering
    std::optional<geo::XY> town_hall;       // longitude, latitude; none: no town hall
    std::string id_ban_commune;
    std::string siren;
};

class CommuneOptions {
  public:
    // Throws InputError("--commune-options PATH", what is wrong and how to fix it).
    static CommuneOptions load(const std::string &path);

    const CommuneOption *find(const std::string &insee) const;
    std::size_t size() const { return by_insee_.size(); }

  private:
    std::map<std::string, CommuneOption> by_insee_;
};

// `pattern` with every "{insee}" replaced by `insee`.
std::string expand_insee(const std::string &pattern, const std::string &insee);

// Checks the per-commune options of a batch before any commune runs: --ledger must hold
// "{insee}" (a ledger belongs to one commune), so must --existing (one current BAL per
// commune), and --existing must find the file of at least one of `communes`; a --voie-options
// file without "{insee}" serves every commune and is read once here. Throws ConfigError or
// InputError.
void check_commune_patterns(const RunOptions &base, const std::vector<std::string> &communes);

// The options of commune `insee`: `base` with the patterns expanded (an absent --existing or
// --voie-options file is left out) and the commune's line of `table` applied (null: none).
// Throws ConfigError when a value of the line is not valid.
RunOptions commune_run_options(const RunOptions &base, const std::string &insee,
                               const CommuneOption *line);

// What of the per-commune options changes the commune's output, for the --resume manifest:
// the files the patterns name (size and time) and the commune's line.
nlohmann::json commune_options_key(const RunOptions &options, const CommuneOption *line);

} // namespace adressage::pipeline
