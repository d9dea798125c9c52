#pragma once
// The comparison key of a voie name used by the official BAL validator: `normalize` of
// @ban-team/adresses-util 0.9.0 (deburr, lower case, lodash words, abbreviations expanded,
// stop words and a leading "lieu dit" dropped, numbers written out in French).
#include <string>
#include <string_view>

namespace adressage::validator {

// "Rue de l'Église St-Jean" → "rue eglise saint jean"; "Allée du 8 Mai" → "allee huit mai".
std::string normalize_voie_nom(std::string_view name);

// written-number 0.9.1 in French on a string of digits: "21" → "vingt et un".
std::string french_number_words(std::string_view digits);

} // namespace adressage::validator
