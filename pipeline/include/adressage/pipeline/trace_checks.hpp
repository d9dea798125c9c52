#pragma once
// The geometric checks of any BAL file against road traces (`adressage validate FILE --roads
// SRC`): a BAL from another tool, or an older one, checked by the address rules of the run's
// geometric checks (geometric_checks.hpp) that the file alone cannot tell:
//
//  adressage.numero.cote_parite     odd number right of its voie or even number left of it
//  adressage.numero.ordre           a number smaller than the one before it on its side
//  adressage.position.autre_voie    the position is nearer to another voie than to its own
//  adressage.position.hors_commune  the position lies outside the commune (with --boundary)
//
// The roads go through the run's first stages (ingest, clip, names, voies), so a voie of the
// file is found under its display name whatever the roads' spelling (the names' grouping key).
// A file written by another tool has no known origin: each voie is run in the direction in
// which the file's numbers grow along it (the national rule numbers from the origin outwards).
// Rows whose voie is not among the roads, toponymes (99999) and rows without a position are
// counted, not checked.
#include <cstddef>
#include <string>
#include <vector>

#include <string_view>

#include "adressage/pipeline/run_options.hpp"

namespace adressage::pipeline {

struct TraceAlert {
    std::size_t row = 0;       // 0-based data row
    std::size_t file_line = 0; // 1-based line of the file
    // The check: static strings of the run module (the executable reads them, never frees them).
    std::string_view code; // "adressage.numero.cote_parite"...
    char level = 'W';
    std::string_view label_fr;
    std::string_view label_en;
    std::string voie_nom;
    int numero = 0;
    double metres = 0.0; // autre_voie: how much nearer the other voie is
    std::string other;   // the other voie, the side, or the number before
};

struct TraceCheckResult {
    std::string insee;
    std::size_t rows = 0;
    std::size_t rows_checked = 0;
    std::size_t toponymes = 0; // numero 99999: no side, no order
    std::size_t rows_without_position = 0;
    std::size_t rows_voie_not_in_roads = 0;
    std::size_t voies_reversed = 0; // run from the end where their numbers start
    std::vector<TraceAlert> alerts; // by row, then in the order of the checks
};

// Checks the BAL at `path` against options.roads (and options.boundary when given), read with
// options.preset. The commune is the file's (one commune per file); options.insee is set from
// it. Throws InputError (naming the file) when the file is unreadable, names no commune or
// several, and the run's InputErrors for the sources.
TraceCheckResult check_traces(const std::string &path, RunOptions options);

} // namespace adressage::pipeline
