#pragma once
// The rows of a BAL file checked against road traces (trace_checks.hpp): the file read, its one
// commune, its addresses grouped by voie.
#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "adressage/formats/bal_format.hpp"
#include "adressage/formats/bal_reader.hpp"
#include "adressage/geo/legal_crs.hpp"
#include "adressage/geo/xy.hpp"
#include "adressage/pipeline/trace_checks.hpp"
#include "core/bal_cells.hpp"

namespace adressage::pipeline {

// The BAL at `path`; throws InputError when it is not a readable CSV.
formats::BalTable read_bal_to_check(const std::string &path);

// The one commune of the rows (bal_cells::row_commune); throws InputError naming `path` when
// they tell none or several.
std::string commune_of_rows(const std::string &path, const bal_cells::Columns &c);

struct FileAddress {
    std::size_t row;
    int numero;
    geo::XY xy; // in the legal CRS
};

// The file's voies: rows of one name (names::grouping_key) and one voie code (cle_interop tells
// homonyms apart; a BAL 1.5 has none), in the order of the rows.
using FileVoies = std::map<std::pair<std::string, std::string>, std::vector<FileAddress>>;

// The addresses of the rows with a number and a position (x/y, else long/lat reprojected to
// `crs`), by voie; toponymes and rows without a position are counted in `result`.
FileVoies addresses_by_voie(const bal_cells::Columns &c, const geo::LegalCrs &crs,
                            TraceCheckResult &result);

// The position type of a `position` cell; batiment when empty or unknown.
formats::PositionType position_type(const std::string &text);

} // namespace adressage::pipeline
