#pragma once
// The name that the normaliser's steps work on in turn, and the trace of what their rules did
// (internal to names/).
#include <algorithm>
#include <string>
#include <vector>

#include "adressage/names/normaliser.hpp"
#include "adressage/names/tokens.hpp"

namespace adressage::names::detail {

// The rule families that fired, each once in order of first use, and what could not be
// decided, each lowering the confidence.
class Trace {
  public:
    void fire(Rule r) {
        if (std::find(rules.begin(), rules.end(), r) == rules.end()) {
            rules.push_back(r);
        }
    }
    void flag(const std::string &what, double cost) {
        flags.push_back(what);
        confidence = std::max(0.0, confidence - cost);
    }
    std::vector<Rule> rules;
    std::vector<std::string> flags;
    double confidence = 1.0;
};

// The name being normalised. `fixed`: the tokens that already hold their final written form
// (expansions, place names).
struct NameDraft {
    std::vector<Token> tokens;
    std::vector<bool> fixed;

    // The positions of the tokens that hold a word.
    std::vector<std::size_t> words() const;
    // Puts `with` in place of `count` tokens from `first`, fixed, keeping what surrounds them.
    void replace(std::size_t first, std::size_t count, std::vector<Token> with);
};

} // namespace adressage::names::detail
