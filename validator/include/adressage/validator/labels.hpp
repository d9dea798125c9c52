#pragma once
// What each validator code means, in French (as the BAN's tools word it) and in English.
#include <string>
#include <string_view>

namespace adressage::validator {

struct Label {
    std::string fr;
    std::string en;
};

// Any code the validator raises: "numero.type_invalide", "voie_nom_bre.trop_court" (the
// language is appended), "field.x.missing", "row.*", "rows.*", "file.*". An unknown code is
// its own label.
Label label(std::string_view code);

} // namespace adressage::validator
