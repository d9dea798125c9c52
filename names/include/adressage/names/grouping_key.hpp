#pragma once
// The key that says two spellings are the same name: lower case, no accents, apostrophes and
// runs of spaces unified ("Rue de l'Eglise" and "Rue de l’Église" are one voie).
#include <string>
#include <string_view>

namespace adressage::names {

std::string grouping_key(std::string_view name);

} // namespace adressage::names
