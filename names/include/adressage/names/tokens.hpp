#pragma once
// A name cut into words, with what surrounds each word: the same words for the normaliser and
// for the validator's name checks.
#include <string>
#include <string_view>
#include <vector>

namespace adressage::names {

struct Token {
    std::string prefix; // punctuation before the word: "("
    std::string word;   // letters and digits (inner dots kept: "R.D")
    std::string suffix; // punctuation after the word: ")", ",", "."
    std::string sep;    // what follows: " ", "-", "’" or "" at the end
    std::string key;    // text::key(word)
};

// Splits on spaces, hyphens and apostrophes (any apostrophe becomes ’). Runs of spaces are one.
std::vector<Token> tokenise(std::string_view name);
std::string join(const std::vector<Token> &tokens);

} // namespace adressage::names
