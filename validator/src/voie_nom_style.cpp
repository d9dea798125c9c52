#include "voie_nom_style.hpp"

#include <vector>

#include "adressage/names/tokens.hpp"
#include "adressage/names/word_classes.hpp"
#include "js_text.hpp"

namespace adressage::validator::detail {

namespace {

bool is_apostrophe_or_hyphen(char32_t c) {
    return c == U'\'' || c == U'\u2019' || c == U'\u2018' || c == U'-';
}

// The BAN proposal's [,/#!$%^&*;:{}=\~()"?«»…], parentheses apart (see below).
bool is_invalid_punctuation(char32_t c) {
    switch (c) {
    case U',':
    case U'/':
    case U'#':
    case U'!':
    case U'$':
    case U'%':
    case U'^':
    case U'&':
    case U'*':
    case U';':
    case U':':
    case U'{':
    case U'}':
    case U'=':
    case U'~':
    case U'"':
    case U'?':
    case U'\u00AB': // «
    case U'\u00BB': // »
    case U'\u2026': // …
        return true;
    default:
        return false;
    }
}

bool is_letter_or_digit(char32_t c) {
    return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9') ||
           (c >= 0xC0 && c != 0xD7 && c != 0xF7 && !is_js_space(c) && c != U'\u2019' &&
            c != U'\u2018' && c != U'\u00AB' && c != U'\u00BB' && c != U'\u2026');
}

// Spaces, punctuation, parentheses: the rules on characters.
ExtraCodes character_rules(std::string_view name) {
    ExtraCodes found = 0;
    std::vector<char32_t> chars;
    for (std::size_t i = 0; i < name.size();) {
        chars.push_back(next_code_point(name, i));
    }
    if (is_apostrophe_or_hyphen(chars.front()) || is_apostrophe_or_hyphen(chars.back())) {
        found |= bit(ExtraCode::bad_caractere_start_end);
    }
    if (chars.back() == U'.') {
        found |= bit(ExtraCode::bad_point_at_the_end);
    }
    // "(" and ")" around a word are a word in parentheses; alone, they are punctuation.
    std::size_t open = chars.size(); // index of the last unmatched "("
    bool word_inside = false;
    for (std::size_t i = 0; i < chars.size(); ++i) {
        const char32_t c = chars[i];
        if (i > 0 && is_js_space(c) && is_js_space(chars[i - 1])) {
            found |= bit(ExtraCode::multi_space_caractere);
        }
        if (is_invalid_punctuation(c)) {
            found |= bit(ExtraCode::ponctuation_invalide);
        } else if (c == U'(') {
            if (open != chars.size()) {
                found |= bit(ExtraCode::ponctuation_invalide);
            }
            open = i;
            word_inside = false;
        } else if (c == U')') {
            found |= open != chars.size() && word_inside ? bit(ExtraCode::no_words_in_parentheses)
                                                         : bit(ExtraCode::ponctuation_invalide);
            open = chars.size();
        } else if (open != chars.size() && is_letter_or_digit(c)) {
            word_inside = true;
        }
    }
    if (open != chars.size()) {
        found |= bit(ExtraCode::ponctuation_invalide);
    }
    return found;
}

bool has_digit_or_dot(std::string_view word) {
    return word.find_first_of("0123456789.") != std::string_view::npos;
}

bool has_cased_letter(std::string_view word) {
    return !upper_unchanged(word) || !lower_unchanged(word);
}
bool all_capitals(std::string_view word) { return upper_unchanged(word) && !lower_unchanged(word); }
bool all_lower_case(std::string_view word) {
    return lower_unchanged(word) && !upper_unchanged(word);
}

bool starts_with_capital(std::string_view word) {
    std::size_t i = 0;
    next_code_point(word, i);
    return all_capitals(word.substr(0, i));
}

std::size_t letter_count(std::string_view word) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < word.size();) {
        n += is_letter_or_digit(next_code_point(word, i)) ? 1 : 0;
    }
    return n;
}

} // namespace

ExtraCodes voie_nom_style(std::string_view name, const names::VoieVocabulary &vocabulary) {
    ExtraCodes found = character_rules(name);

    const std::vector<names::Token> tokens = names::tokenise(nfc(name));
    std::vector<const names::Token *> words;
    std::vector<std::string> keys;
    for (const names::Token &t : tokens) {
        if (!t.word.empty()) {
            words.push_back(&t);
            keys.push_back(t.key);
        }
    }
    const std::size_t n = words.size();

    const std::size_t lieu_dit = names::lieu_dit_prefix_words(keys);
    if (lieu_dit > 0) {
        found |= bit(ExtraCode::bad_word_lieudit);
    }
    // The normaliser's "RUE RUE DU MOULIN", and the BAN's "Rue Grande Rue".
    bool repeated_rue = false;
    for (std::size_t i = 1; i < n && keys[0] == "rue"; ++i) {
        repeated_rue = repeated_rue || keys[i] == "rue";
    }
    if (names::repeats_voie_type(keys, vocabulary) || repeated_rue) {
        found |= bit(ExtraCode::bad_multi_word_rue);
    }

    // Abbreviations, as the normaliser expands them: a voie type code in first position
    // (CHE, Av., Bd) and a title before a name (St, Gal., Mal, ND). Written in capitals or in
    // lower case throughout, the name says nothing by its case: the normaliser rewrites it.
    const bool one_case = lower_unchanged(name) || upper_unchanged(name);
    std::vector<bool> abbreviation(n, false);
    for (std::size_t i = 0; i < n; ++i) {
        const names::Token &t = *words[i];
        const bool dot = t.suffix.starts_with('.');
        const bool word_like = names::is_word_like_abbreviation(keys[i]);
        const std::string *type = i == 0 ? vocabulary.type_words(keys[i]) : nullptr;
        if (type != nullptr) {
            abbreviation[i] = n > 1 && *type != keys[i] && (dot || !word_like);
            continue;
        }
        if (vocabulary.title(keys[i]) == nullptr || (i + 1 == n && !(keys[i] == "nd" && i > 0))) {
            continue;
        }
        const bool before_capital =
            i + 1 < n && starts_with_capital(t.word) && starts_with_capital(words[i + 1]->word);
        abbreviation[i] = dot || !word_like || before_capital || one_case;
    }
    for (bool a : abbreviation) {
        if (a) {
            found |= bit(ExtraCode::abbreviation_invalid);
        }
    }

    // Casing, word by word. A name all in capitals is the official voie_nom.casse_incorrecte.
    const bool all_upper = upper_unchanged(name);
    for (std::size_t i = lieu_dit; i < n; ++i) {
        const std::string &word = words[i]->word;
        const std::string &key = keys[i];
        if (abbreviation[i] || has_digit_or_dot(word) || !has_cased_letter(word)) {
            continue;
        }
        if (!all_upper && all_capitals(word) && letter_count(word) > 1 && !names::is_acronym(key) &&
            !names::is_roman_numeral(key)) {
            found |= bit(ExtraCode::word_uppercase);
        }
        const bool lower_by_rule =
            i > 0 &&
            (names::is_lower_word(key) || key == "pres" ||
             (i == 1 && vocabulary.is_type_word(keys[0]) && names::is_type_adjective(key)));
        if (all_lower_case(word) && !lower_by_rule) {
            found |= bit(ExtraCode::word_lowercase);
        }
    }
    return found;
}

} // namespace adressage::validator::detail
