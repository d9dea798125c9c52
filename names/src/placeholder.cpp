#include "adressage/names/placeholder.hpp"

#include <array>
#include <vector>

#include "adressage/names/grouping_key.hpp"

namespace adressage::names {

namespace {

// The grouping key's words, cut at anything but letters and digits ("c.r. nº12" → c r n 12).
std::vector<std::string> words_of(std::string_view label) {
    const std::string key = grouping_key(label);
    std::vector<std::string> words;
    std::string word;
    auto flush = [&] {
        if (!word.empty()) {
            words.push_back(word);
            word.clear();
        }
    };
    for (const char c : key) {
        const bool digit = c >= '0' && c <= '9';
        const bool letter = c >= 'a' && c <= 'z';
        if (!digit && !letter) {
            flush();
            continue;
        }
        // "cr12", "12b": letters and digits are separate words.
        const bool word_digit = !word.empty() && word.back() >= '0' && word.back() <= '9';
        if (!word.empty() && digit != word_digit) {
            flush();
        }
        word.push_back(c);
    }
    flush();
    return words;
}

bool is_number(const std::string &word) {
    return !word.empty() && word.size() <= 5 && word.front() >= '0' && word.front() <= '9';
}

bool is_number_marker(const std::string &word) {
    return word == "n" || word == "no" || word == "num" || word == "numero" || word == "nr";
}

// Administrative classes, as words once "C.R." is cut into "c r".
bool is_class(std::string_view words) {
    static constexpr std::array<std::string_view, 22> classes = {"chemin rural",
                                                                 "rural chemin",
                                                                 "voie communale",
                                                                 "chemin communal",
                                                                 "route communale",
                                                                 "route departementale",
                                                                 "route nationale",
                                                                 "chemin departemental",
                                                                 "chemin vicinal",
                                                                 "chemin vicinal ordinaire",
                                                                 "voie rurale",
                                                                 "cr",
                                                                 "c r",
                                                                 "vc",
                                                                 "v c",
                                                                 "rd",
                                                                 "r d",
                                                                 "rn",
                                                                 "r n",
                                                                 "cd",
                                                                 "c d",
                                                                 "d"};
    for (const std::string_view c : classes) {
        if (words == c) {
            return true;
        }
    }
    return false;
}

} // namespace

std::optional<Placeholder> placeholder_name(std::string_view label,
                                            const VoieVocabulary &vocabulary) {
    std::vector<std::string> words = words_of(label);
    Placeholder found;
    if (!words.empty() && is_number(words.back())) {
        found.number = words.back();
        words.pop_back();
        // "12 b": a number with its letter.
    } else if (words.size() >= 2 && words.back().size() == 1 &&
               is_number(words[words.size() - 2])) {
        found.number = words[words.size() - 2] + words.back();
        words.resize(words.size() - 2);
    }
    if (!found.number.empty() && !words.empty() && is_number_marker(words.back())) {
        words.pop_back();
    }
    if (words.empty()) {
        return found.number.empty() ? std::nullopt : std::optional(found);
    }
    std::string rest;
    for (const std::string &w : words) {
        rest += (rest.empty() ? "" : " ") + w;
    }
    if (is_class(rest) || vocabulary.is_type_word(rest) || vocabulary.type_words(rest) != nullptr) {
        return found;
    }
    return std::nullopt;
}

} // namespace adressage::names
