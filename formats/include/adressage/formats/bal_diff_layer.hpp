#pragma once
// The addresses a BAL diff lists, as a map layer (`adressage diff --gpkg FILE`): one point per
// row of each created, changed or deleted address, at the row's long/lat in EPSG:4326 (a BAL's
// x/y are in a legal CRS the file does not name; a row without a readable long/lat has no
// geometry). Fields: statut (cree, modifie, supprime), adresse (the diff's key),
// colonnes_modifiees (comma-separated), then every named column of the new file with the row's
// value, a deleted row's taken from the old file by column name. Unchanged addresses are not in
// it.
#include "adressage/formats/bal_diff.hpp"
#include "adressage/formats/bal_reader.hpp"
#include "adressage/geo/geopackage_writer.hpp"

namespace adressage::formats {

geo::OutputLayer bal_diff_layer(const BalTable &old_table, const BalTable &new_table,
                                const BalDiff &diff);

// The layer written to a new GeoPackage at `path`, through a temporary file renamed into place;
// its timestamps are the newest date_der_maj of the two files (same files, same bytes). Throws
// InputError naming --gpkg when it cannot be written; nothing is left behind.
void write_bal_diff_geopackage(const std::string &path, const BalTable &old_table,
                               const BalTable &new_table, const BalDiff &diff);

} // namespace adressage::formats
