#pragma once
// Classes of words in voie names, shared by the name normaliser and the validator's name
// checks. Every function takes a word's key: lower case without accents ("eglise").
#include <span>
#include <string>
#include <string_view>

#include "adressage/names/voie_vocabulary.hpp"

namespace adressage::names {

// Articles and prepositions written in lower case inside a name (de, la, l, d, sur, dit...).
bool is_lower_word(std::string_view key);
// Written in capitals: ZA, ZAC, ZI, RN, HLM, SNCF...
bool is_acronym(std::string_view key);
// I to XXXIX, written in capitals (Louis XIV).
bool is_roman_numeral(std::string_view key);
// Adjectives of voie types written in lower case after the type ("Chemin rural").
bool is_type_adjective(std::string_view key);
// Voie type codes and titles that are also words of French or of regional names (Pas, Roc,
// Cami, Pla, Mal): the normaliser asks its French word list; without it, such a word counts as
// an abbreviation only when something else says so (a dot, the case of its neighbours).
bool is_word_like_abbreviation(std::string_view key);

// How many leading words say "lieu-dit" ("Lieu-dit", "Lieu dit", "Lieudit", "LD") rather than
// name the place; 0 when none. `keys`: the name's word keys in order.
std::size_t lieu_dit_prefix_words(std::span<const std::string> keys);
// "RUE RUE DU MOULIN", "CHE CHEMIN DES PRES": the first two words give the same voie type.
bool repeats_voie_type(std::span<const std::string> keys, const VoieVocabulary &vocabulary);

} // namespace adressage::names
