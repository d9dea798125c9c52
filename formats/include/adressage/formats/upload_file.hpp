#pragma once
// The file an upload takes (BAL specification, "Nom du fichier"): AAAAMMJJ_bal_<siren>_
// <nomproducteur>.csv, e.g. 20201004_bal_243500139_rennesmetropole.csv, with a .sha256 sidecar
// ("<hex>  <name>", as sha256sum writes it).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "adressage/formats/bal_diff.hpp"

namespace adressage::formats {

// SHA-256 of `bytes`, 64 lower-case hex digits (FIPS 180-4).
std::string sha256_hex(std::string_view bytes);

// "rennesmetropole" from "Rennes Métropole": lower-case ASCII letters and digits, accents
// folded, everything else left out.
std::string producteur_slug(std::string_view producteur);

// AAAAMMJJ_bal_<siren>_<slug>.csv from date_der_maj (YYYY-MM-DD); nullopt when the SIREN is not
// 9 digits or the slug is empty.
std::optional<std::string> upload_file_name(std::string_view date, std::string_view siren,
                                            std::string_view producteur);

// True when `file_name` (no directory) has the specification's form.
bool is_upload_file_name(std::string_view file_name);

// The pre-flight checks of the file itself: file.name (the specification's form) and
// file.sha256 (a sidecar `path`.sha256 that matches `bytes`); warnings, never blocks.
std::vector<GateCheck> upload_file_checks(const std::string &path, std::string_view bytes);

} // namespace adressage::formats
