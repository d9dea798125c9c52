#pragma once
// Labels that are not names (rule N-06 of naming-and-council-documents.md): an administrative
// class with or without its number ("Chemin rural", "Rural Chemin", "CR 12", "VC",
// "Voie communale nº 4", "Route départementale 12"), a voie type alone ("Chemin", "Impasse nº 3")
// or a number alone ("12"). A voie so labelled is a voie à nommer; the label stays as a hint.
// A class followed by a real name ("VC 4 de la Gaudinais") is a name.
#include <optional>
#include <string>
#include <string_view>

#include "adressage/names/voie_vocabulary.hpp"

namespace adressage::names {

struct Placeholder {
    std::string number; // "12" when the label carries a number, else ""
};

std::optional<Placeholder>
placeholder_name(std::string_view label,
                 const VoieVocabulary &vocabulary = VoieVocabulary::shipped());

} // namespace adressage::names
