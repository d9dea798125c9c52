#include "spelling_rules.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "utf8_text.hpp"

namespace adressage::names::detail {

// "^(.*[^aeo])e([bcdfgjklmnpqrstvz]es?)$" on a lowercase ASCII word, written out: a regex
// recursed through every letter of a long word (a 10 MB word overflowed the stack).
std::string grave_before_final_syllable(const std::string &word) {
    const std::size_t n = word.size();
    if (n <= 4 || word.find_first_not_of("abcdefghijklmnopqrstuvwxyz") != std::string::npos) {
        return word;
    }
    const std::size_t tail = word.back() == 's' ? 3 : 2; // consonant + "e" or "es"
    const std::string_view consonants = "bcdfgjklmnpqrstvz";
    const std::size_t consonant = n - tail;
    if (word[n - tail + 1] != 'e' || consonants.find(word[consonant]) == std::string_view::npos ||
        word[consonant - 1] != 'e' ||
        std::string_view("aeo").find(word[consonant - 2]) != std::string_view::npos) {
        return word;
    }
    return word.substr(0, consonant - 1) + "\xC3\xA8" + word.substr(consonant); // è
}

std::string plural_of_known(const Dictionaries &dict, const std::string &key) {
    if (key.size() < 5 || key.back() != 's') {
        return {};
    }
    const std::string *singular = dict.noun_or_adjective(key.substr(0, key.size() - 1));
    return singular ? *singular + "s" : std::string();
}

const std::string *place_after_de(const Dictionaries &dict, const std::string &key,
                                  const std::string &prev, const std::vector<std::string> &forms) {
    if (prev != "de" || key.size() < 4 || key.back() != 's' || forms.empty() ||
        forms.front() != key) {
        return nullptr;
    }
    const std::string *place = dict.proper_name(key);
    return place != nullptr && text::key(*place) != text::lower(*place) ? place : nullptr;
}

std::string occitan_stressed_ending(const Dictionaries &dict, const std::string &key,
                                    const std::string &prev) {
    const bool masculine = prev == "du" || prev == "le" || prev == "au";
    if (key.size() < 5 || (!masculine && !dict.is_first_name(prev) && !dict.person(prev))) {
        return {};
    }
    const bool plural = key.back() == 's';
    const std::size_t ie = key.size() - (plural ? 3 : 2);
    if (key.compare(ie, 2, "ie") != 0 || key.compare(ie - 2, 2, "er") == 0) {
        return {}; // not -ie(s), or the French suffix -erie
    }
    auto vowel = [](char c) {
        return std::string_view("aeiouy").find(c) != std::string_view::npos;
    };
    const char before = key[ie - 1];
    const bool consonant = before >= 'a' && before <= 'z' && !vowel(before) && before != 'h' &&
                           before != 'j' && before != 'q' && before != 'w';
    const bool qu = before == 'u' && key[ie - 2] == 'q';
    const std::size_t stem_end = qu ? ie - 2 : ie - 1;
    if (!(consonant || qu) ||
        !std::any_of(key.begin(), key.begin() + static_cast<std::ptrdiff_t>(stem_end), vowel) ||
        !std::all_of(key.begin(), key.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
        return {};
    }
    return key.substr(0, ie) + (plural ? "i\xC3\xA8s" : "i\xC3\xA9"); // iès, ié
}

std::string with_ligature(const std::string &form) {
    static const std::array<std::string_view, 12> stems = {
        "coeur", "oeil", "oeuvre", "soeur",     "voeu",   "noeud",
        "boeuf", "oeuf", "choeur", "manoeuvre", "moeurs", "oeillet"};
    for (std::string_view stem : stems) {
        if (form.rfind(stem, 0) == 0 && form.size() <= stem.size() + 2) {
            std::string out = form;
            const std::size_t at = out.find("oe");
            out.replace(at, 2, "\xC5\x93"); // œ
            return out;
        }
    }
    return form;
}

} // namespace adressage::names::detail
