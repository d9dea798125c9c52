#pragma once
// The run options whose values are not plain numbers or strings: each is parsed from its text
// in one place (the command line, --config, the batch's tables) and written back as one
// canonical text (the resume fingerprint, the report, the defaults of --help).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "adressage/formats/bal_format.hpp"
#include "adressage/formats/bal_schema.hpp"
#include "adressage/geo/xy.hpp"

namespace adressage::pipeline {

// metric: the number is the distance from the voie's origin; classic: 1, 3, 5... and 2, 4, 6...
enum class NumberingMode { metric, classic };

// "metric"/"metrique"/"métrique" and "classic"/"classique"; nullopt for anything else.
std::optional<NumberingMode> numbering_mode_from(std::string_view name);
const char *numbering_mode_name(NumberingMode mode); // "metric" or "classic"

// Each parse_* throws ConfigError naming `flag`, the text and what to write instead.
NumberingMode parse_numbering(std::string_view flag, const std::string &text);
// "LON,LAT" (or "LON;LAT") in WGS84 degrees.
geo::XY parse_lonlat(std::string_view flag, const std::string &text);
// Comma-separated entrée, bâtiment, segment (accents optional), in the BAL's order, each once.
std::vector<formats::PositionType> parse_positions(std::string_view flag, const std::string &text);
// A version this program writes: 1.4 or 1.5.
formats::BalVersion parse_written_bal_version(std::string_view flag, const std::string &text);

std::string option_text(NumberingMode mode);                   // "metric"
std::string option_text(const std::optional<geo::XY> &lonlat); // "7.4236,43.7433"; "": none
std::string option_text(const std::vector<formats::PositionType> &types); // "entrée,bâtiment"
std::string option_text(formats::BalVersion version);                     // "1.4"

} // namespace adressage::pipeline
