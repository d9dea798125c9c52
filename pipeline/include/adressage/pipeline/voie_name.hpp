#pragma once
// First-pass cleanup of road names for display and grouping (the full normalisation to display
// grade is its own stage, later).
#include <string>
#include <string_view>

namespace adressage::pipeline {

// NFC, no control characters, '_' ';' '"' as spaces, single spaces, trimmed; a name written
// entirely in capitals is put in title case with French articles and prepositions in lower case
// ("RUE DE LA GARE" → "Rue de la Gare").
std::string clean_voie_name(std::string_view raw);

// The grouping key of a cleaned name: case-folded, so "Rue de la Gare" and "rue de la gare"
// are one voie.
std::string voie_key(std::string_view cleaned);

} // namespace adressage::pipeline
