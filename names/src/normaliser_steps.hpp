#pragma once
// The normaliser's steps, in the order NameNormaliser::normalise applies them. Each one traces
// the rule family it applies (internal to names/).
#include <optional>
#include <string>

#include "adressage/names/dictionaries.hpp"
#include "name_draft.hpp"

namespace adressage::names::detail {

// How the input is written, which decides how much of it is rewritten.
struct InputCase {
    // Upper-case (TOPO, cadastre) or lower-case input is rewritten; mixed case is trusted and
    // only corrected where it is clearly wrong.
    bool rewrite = false;
    // "Rue De La Gare": every word capitalised, mechanically; articles can be put back in lower
    // case. With any word in lower case the capitals are deliberate ("de Sous la Velle").
    bool every_word_capitalised = true;
};

// 0. What a name must not carry into a file opened in a spreadsheet or onto a plate: control
// characters, bidi marks and overrides, zero-width and other invisible (format) characters,
// removed; a leading = + - @ (a formula to a spreadsheet) removed with the spaces among them.
// Each traced (unsafe_characters) and flagged: invisible_characters_removed,
// formula_prefix_removed. No real voie name starts with one of those four characters.
std::string remove_unsafe_characters(const std::string &input, Trace &trace);

// A name that is only a road's administrative designation, as the cadastre labels a road with
// no other name: "(R.D. nº 271)", "RD 271", "C.R. N°8". Written out in the form the commune's
// other such voies take ("Chemin rural nº 8"): "Route départementale nº 271". Nothing else
// (a designation followed by a name stays as it is).
std::optional<std::string> road_designation(const std::string &input);

// 1. A leading "Lieu-dit" says what the name is, not part of it.
void drop_lieu_dit_prefix(NameDraft &w, Trace &trace);
// 2. "RUE RUE DU MOULIN": one type word.
void drop_repeated_type(NameDraft &w, const VoieVocabulary &vocabulary, Trace &trace);
// 3. The voie type, in first position only: CHE → chemin (written out by step 7).
void expand_voie_type(NameDraft &w, const Dictionaries &dict, bool rewrite, Trace &trace);
// 4. Titles before a name: ST JEAN → Saint-Jean, GAL → Général, ND → Notre-Dame.
void expand_titles(NameDraft &w, const Dictionaries &dict, bool rewrite, Trace &trace);
// 5. Names of several words: places from the COG (Villefranche-de-Rouergue) and compound
// first names (Jean-Jacques), for their hyphens and accents.
void write_compound_names(NameDraft &w, const Dictionaries &dict, bool rewrite, Trace &trace);
// 6. Saint Jean → Saint-Jean (the charter's hyphen), whatever the case.
void hyphenate_saint(NameDraft &w, Trace &trace);
// 7. Each word: accents, capitals, numerals.
void write_words(NameDraft &w, const Dictionaries &dict, const InputCase &input, Trace &trace);
// 8. Elision: L EGLISE → l’Église, D ARTOIS → d’Artois.
void elide(NameDraft &w, Trace &trace);
// 9. The first word starts with a capital.
void capitalise_first_word(NameDraft &w, Trace &trace);

} // namespace adressage::names::detail
