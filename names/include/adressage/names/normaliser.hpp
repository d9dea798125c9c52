#pragma once
// Turns a raw voie name into its display form: "CHE DE L EGLISE ST JEAN" →
// "Chemin de l’Église Saint-Jean". Each result lists the rules that fired and what could not be
// decided, so that an officer can review it. Stateless after construction: one normaliser can
// serve many threads.
#include <string>
#include <string_view>
#include <vector>

#include "adressage/names/dictionaries.hpp"

namespace adressage::names {

// Rule families, in the order they apply.
enum class Rule {
    spaces,            // separators, spaces, apostrophes ’
    lieu_dit,          // a leading "Lieu-dit" / "LD" removed
    duplicate_type,    // "RUE RUE DU..." → one type word
    type_expanded,     // CHE → Chemin, in type position only
    title_expanded,    // ST → Saint, GAL → Général, ND → Notre-Dame (before a name)
    saint_hyphen,      // Saint Jean → Saint-Jean
    place_name,        // VILLEFRANCHE DE ROUERGUE → Villefranche-de-Rouergue (COG)
    accents,           // EGLISE → Église
    elision,           // L EGLISE → l’Église
    casing,            // capitals, articles and prepositions in lower case
    roman_numeral,     // Louis XIV
    acronym,           // ZA, ZAC, ZI, RN, RD
    ordinal,           // 1ER → 1er
    unsafe_characters, // invisible characters, a leading = + - @ (spreadsheet formula) removed
};

const char *rule_name(Rule rule);

struct NormalisedName {
    std::string text;
    std::vector<Rule> rules;        // each family once, in order of first use
    std::vector<std::string> flags; // "ambiguous_accent:cote", "unknown_word:dardé"...
    double confidence = 1.0;        // 1: nothing guessed
    bool changed = false;
};

class NameNormaliser {
  public:
    explicit NameNormaliser(const Dictionaries &dictionaries) : dict_(dictionaries) {}

    NormalisedName normalise(std::string_view raw) const;

  private:
    const Dictionaries &dict_;
};

// "spaces,accents,casing" (empty when nothing changed).
std::string rules_to_string(const std::vector<Rule> &rules);

} // namespace adressage::names
