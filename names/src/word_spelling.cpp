// Steps 7 and 9: each word written with its accents and capitals.
#include "adressage/names/word_classes.hpp"
#include "normaliser_steps.hpp"
#include "spelling_rules.hpp"
#include "utf8_text.hpp"

namespace adressage::names::detail {

namespace {

// "1er", "2e", "3eme", "1ere", "2nd": the number and its French ordinal ending.
bool ordinal(const std::string &key, std::string &written) {
    std::size_t digits = 0;
    while (digits < key.size() && key[digits] >= '0' && key[digits] <= '9') {
        ++digits;
    }
    if (digits == 0 || digits == key.size()) {
        return false;
    }
    const std::string number = key.substr(0, digits);
    const std::string end = key.substr(digits);
    if (end == "er" || end == "re" || end == "ere") {
        written = number + (end == "er" ? "er" : "re");
    } else if (end == "e" || end == "eme" || end == "ieme") {
        written = number + "e";
    } else if (end == "nd" || end == "nde") {
        written = number + end;
    } else {
        return false;
    }
    return true;
}

// A word's place in the name, for the rules that look at its neighbours.
struct Neighbours {
    std::size_t n;           // the word's position among the words
    const std::string &prev; // the previous word's key, "" for the first
    const std::string &next; // the next word's key, "" for the last
    bool after_hyphen;       // the previous word is joined to this one by a hyphen
};

const std::string no_word;

// "1ER" → 1er; false when the word is not an ordinal.
bool write_ordinal(Token &t, Trace &trace) {
    std::string written;
    if (!ordinal(t.key, written)) {
        return false;
    }
    if (written != t.word) {
        t.word = written;
        trace.fire(Rule::ordinal);
    }
    return true;
}

// Mixed case: articles written with a capital inside the name, and accents missing from a
// word that cannot be written without them.
void correct_mixed_case_word(Token &t, std::size_t n, bool every_word_capitalised,
                             const Dictionaries &dict, Trace &trace) {
    if (n > 0 && every_word_capitalised && t.suffix.empty() && is_lower_word(t.key) &&
        text::has_upper(t.word) && !text::has_upper(t.word.substr(1)) && t.sep != "-") {
        t.word = text::lower(t.word);
        trace.fire(Rule::casing);
        return;
    }
    if (text::key(t.word) == text::lower(t.word) && !text::has_upper(t.word.substr(1)) &&
        !dict.is_plain_word(t.key)) {
        // A capitalised name that a commune writes without accent stays so.
        const std::string *proper = dict.proper_name(t.key);
        if (proper != nullptr && text::has_upper(t.word) &&
            text::key(*proper) == text::lower(*proper)) {
            return;
        }
        const std::string *person = dict.person(t.key);
        const auto &forms = dict.forms(t.key);
        const std::string *form = person ? person : forms.size() == 1 ? &forms.front() : nullptr;
        if (form != nullptr && text::key(*form) == t.key && *form != text::lower(t.word)) {
            t.word = text::has_upper(t.word) ? text::capitalise(*form) : *form;
            if (person) {
                t.word = *person;
            }
            trace.fire(Rule::accents);
        }
    }
}

// A word the French word list writes several ways (marché, marche): the form the context or
// the commune names choose, else the first one, flagged as a guess.
std::string form_in_context(const std::string &key, const std::vector<std::string> &forms,
                            const Neighbours &around, const Dictionaries &dict, Trace &trace) {
    std::string written = with_ligature(forms.front());
    if (forms.size() < 2) {
        return written;
    }
    const std::string &prev = around.prev;
    // Context: "du marché" but "la marche"; "près de" but "des prés".
    if (key == "pres") {
        const bool before_de = around.next == "de" || around.next == "du" || around.next == "des";
        for (const auto &f : forms) {
            if ((f == "près") == before_de) {
                written = f;
            }
        }
    } else if (prev == "du" || prev == "le" || prev == "au") {
        for (const auto &f : forms) {
            if (dict.is_masculine_e_noun(f)) {
                written = f;
                break;
            }
        }
    }
    // Only a guess when neither the context, the commune names nor the voie types decided.
    const bool decided = dict.cog_decided(key) || key == "pres" || prev == "du" || prev == "le" ||
                         prev == "au" || dict.is_type_word(key);
    if (!decided) {
        trace.flag("ambiguous_accent:" + written, 0.1);
    }
    return written;
}

// The word's spelling, in lower case but for a person's name: from the word lists in order of
// trust, guessed from French spelling when none knows it.
std::string spelling(const Token &t, const Neighbours &around, const std::string *person,
                     const Dictionaries &dict, Trace &trace) {
    // Voie type nouns keep one spelling wherever they stand (Cité, Allée, Côte).
    if (const std::string *type_form = dict.written_type(t.key)) {
        return *type_form;
    }
    // After Saint- comes a name: the commune names' spelling wins (Saint-Geniez, not the verb
    // form "gêniez").
    const bool after_saint =
        around.after_hyphen && (around.prev == "saint" || around.prev == "sainte");
    const std::string *saint_name =
        after_saint && t.key.size() > 2 ? dict.proper_name(t.key) : nullptr;
    if (saint_name != nullptr && person == nullptr) {
        return text::lower(*saint_name);
    }
    if (person != nullptr) {
        return *person;
    }
    const auto &forms = dict.forms(t.key);
    if (const std::string *commune = place_after_de(dict, t.key, around.prev, forms)) {
        return text::lower(*commune);
    }
    if (!forms.empty()) {
        return form_in_context(t.key, forms, around, dict, trace);
    }
    if (const std::string *place = t.key.size() > 2 ? dict.proper_name(t.key) : nullptr) {
        return text::lower(*place);
    }
    if (const std::string *known = t.key.size() > 2 ? dict.known_proper(t.key) : nullptr) {
        return text::lower(*known);
    }
    if (std::string plural = plural_of_known(dict, t.key); !plural.empty()) {
        return plural;
    }
    if (std::string occitan = occitan_stressed_ending(dict, t.key, around.prev); !occitan.empty()) {
        trace.flag("guessed_accent:" + occitan, 0.05);
        return occitan;
    }
    std::string written = grave_before_final_syllable(text::lower(t.word));
    if (t.key.size() > 2 && text::has_letter(t.key)) {
        trace.flag("unknown_word:" + written, 0.05);
    }
    return written;
}

// A word that is no article, acronym or numeral, written with its accents and its capital.
std::string spelt_word(const Token &t, const Neighbours &around, const Dictionaries &dict,
                       Trace &trace) {
    const std::string *person = dict.person(t.key);
    std::string written = spelling(t, around, person, dict, trace);
    if (written != text::lower(t.word)) {
        trace.fire(Rule::accents);
    }
    // "près de" is a preposition, "chemin rural" a type whose adjective stays in lower case.
    const bool preposition =
        around.n > 0 &&
        (written == "pr\xC3\xA8s" ||
         (around.n == 1 && dict.is_type_word(around.prev) && is_type_adjective(t.key)));
    if (!(around.n > 0 && is_lower_word(t.key)) && person == nullptr && !preposition) {
        written = text::capitalise(written);
    }
    return written;
}

// Rewrite: from the key, choose the written form.
std::string rewritten_word(const Token &t, const Neighbours &around, const Dictionaries &dict,
                           Trace &trace) {
    if (is_lower_word(t.key)) {
        const std::string written = t.key == "a" ? "\xC3\xA0" : t.key; // à
        return around.n == 0 ? text::capitalise(written) : written;
    }
    if (t.key == "n\xC2\xBA") {
        // The abbreviation of "numéro" is written in lower case: "Chemin rural nº 1".
        return around.n == 0 ? "N\xC2\xBA" : "n\xC2\xBA";
    }
    if (is_acronym(t.key)) {
        trace.fire(Rule::acronym);
        return text::upper(t.key);
    }
    if (around.n > 0 && is_roman_numeral(t.key) && !dict.is_plain_word(t.key)) {
        trace.fire(Rule::roman_numeral);
        return text::upper(t.key);
    }
    return spelt_word(t, around, dict, trace);
}

} // namespace

void write_words(NameDraft &w, const Dictionaries &dict, const InputCase &input, Trace &trace) {
    const auto idx = w.words();
    for (std::size_t n = 0; n < idx.size(); ++n) {
        Token &t = w.tokens[idx[n]];
        if (w.fixed[idx[n]]) {
            continue; // place names are written as the COG writes them
        }
        if (text::all_digits(t.key) || t.key.find('.') != std::string::npos ||
            write_ordinal(t, trace)) {
            continue;
        }
        if (!input.rewrite) {
            correct_mixed_case_word(t, n, input.every_word_capitalised, dict, trace);
            continue;
        }
        const Neighbours around{n, n > 0 ? w.tokens[idx[n - 1]].key : no_word,
                                n + 1 < idx.size() ? w.tokens[idx[n + 1]].key : no_word,
                                n > 0 && w.tokens[idx[n - 1]].sep == "-"};
        std::string written = rewritten_word(t, around, dict, trace);
        if (written != t.word) {
            t.word = std::move(written);
            trace.fire(Rule::casing);
        }
    }
}

void capitalise_first_word(NameDraft &w, Trace &trace) {
    auto idx = w.words();
    if (!idx.empty()) {
        Token &first = w.tokens[idx[0]];
        const std::string written = text::capitalise(first.word);
        if (written != first.word) {
            first.word = written;
            trace.fire(Rule::casing);
        }
    }
}

} // namespace adressage::names::detail
