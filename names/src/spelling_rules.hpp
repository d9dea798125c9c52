#pragma once
// Spellings that the word lists do not give as they are: a plural, a ligature, a place after
// "de", and the accents French and Occitan spelling call for in words no list knows (internal
// to names/).
#include <string>
#include <vector>

#include "adressage/names/dictionaries.hpp"

namespace adressage::names::detail {

// French spelling: an "e" sounded [ɛ] before a single consonant and a final mute "e" takes a
// grave accent (Bessières, Pomarède, Salièges). Applied only to words no list knows.
std::string grave_before_final_syllable(const std::string &word);

// A plural the word lists only know in the singular (néfliers, arbalétriers): the noun or
// adjective with its "s"; empty otherwise.
std::string plural_of_known(const Dictionaries &dict, const std::string &key);

// "Avenue de Calès": after a bare "de", a plural common noun (cales) reads as a place, and a
// commune that writes it with an accent decides. Nullptr otherwise.
const std::string *place_after_de(const Dictionaries &dict, const std::string &key,
                                  const std::string &prev, const std::vector<std::string> &forms);

// Southern names from Occitan keep its stressed endings, written -ié and -iès in French
// (Fabié, Pesquié, Bastié, Castanié): a word no list knows, ending in a consonant and "ie" or
// "ies", takes the accent where it is masculine: after "du", "le", "au" (a French word in -ie
// is feminine), or as a surname after a first name. Elsewhere ("de Laudinie", "la Pradelie")
// it is left as it is.
std::string occitan_stressed_ending(const Dictionaries &dict, const std::string &key,
                                    const std::string &prev);

// Words written with the œ ligature, which the French word list spells "oe".
std::string with_ligature(const std::string &form);

} // namespace adressage::names::detail
