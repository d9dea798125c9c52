#pragma once
// A vector source as the user writes it: `path`, `path:layer`, or `PG:<conninfo>:layer`.
#include <string>
#include <string_view>

namespace adressage::formats {

struct SourceSpec {
    std::string text;    // as given, for messages
    std::string dataset; // what GDAL opens
    std::string layer;   // empty: let the preset choose
};

// The layer is what follows the last ':' when that suffix looks like a layer name
// (letters, digits, '_', '-', '.') and what precedes it is not empty. "PG:dbname=x" alone
// has no layer.
SourceSpec parse_source_spec(std::string_view text);

} // namespace adressage::formats
