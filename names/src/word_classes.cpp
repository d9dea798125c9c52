#include "adressage/names/word_classes.hpp"

#include <algorithm>
#include <array>
#include <regex>

namespace adressage::names {

namespace {

template <std::size_t N>
bool listed(const std::array<std::string_view, N> &list, std::string_view key) {
    return std::find(list.begin(), list.end(), key) != list.end();
}

} // namespace

bool is_lower_word(std::string_view key) {
    static constexpr std::array<std::string_view, 22> lower_words = {
        "de", "du",  "des",  "la", "le",  "les",  "l",   "d",  "a",   "au",   "aux",
        "en", "sur", "sous", "et", "dit", "dite", "par", "ou", "del", "dels", "vers"};
    return listed(lower_words, key);
}

bool is_acronym(std::string_view key) {
    static constexpr std::array<std::string_view, 11> acronyms = {
        "za", "zac", "zi", "zad", "zup", "zae", "rn", "rd", "hlm", "sncf", "edf"};
    return listed(acronyms, key);
}

bool is_roman_numeral(std::string_view key) {
    static const std::regex roman("^x{0,3}(ix|iv|v?i{0,3})$");
    return !key.empty() && key.size() <= 7 && std::regex_match(key.begin(), key.end(), roman);
}

bool is_type_adjective(std::string_view key) {
    static constexpr std::array<std::string_view, 8> adjectives = {
        "rural",         "communal",  "communale", "vicinal",
        "departemental", "forestier", "communaux", "ruraux"};
    return listed(adjectives, key);
}

bool is_word_like_abbreviation(std::string_view key) {
    static constexpr std::array<std::string_view, 19> words = {
        "arc", "art", "cami", "cor", "dom", "for",  "lice", "mais", "mar", "pas",
        "pla", "pot", "roc",  "ter", "vil", "voir", "mal",  "prof", "amir"};
    return listed(words, key);
}

std::size_t lieu_dit_prefix_words(std::span<const std::string> keys) {
    if (keys.size() > 2 && keys[0] == "lieu" && keys[1] == "dit") {
        return 2;
    }
    if (keys.size() > 1 && (keys[0] == "lieudit" || keys[0] == "ld")) {
        return 1;
    }
    return 0;
}

bool repeats_voie_type(std::span<const std::string> keys, const VoieVocabulary &vocabulary) {
    if (keys.size() <= 2) {
        return false;
    }
    const std::string *a = vocabulary.type_words(keys[0]);
    const std::string *b = vocabulary.type_words(keys[1]);
    return a != nullptr && b != nullptr && *a == *b;
}

} // namespace adressage::names
