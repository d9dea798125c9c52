// Steps 1 to 3: what heads a name, a "Lieu-dit" prefix and the voie type.
#include <algorithm>

#include "adressage/names/word_classes.hpp"
#include "normaliser_steps.hpp"

namespace adressage::names::detail {

void drop_lieu_dit_prefix(NameDraft &w, Trace &trace) {
    auto idx = w.words();
    std::vector<std::string> keys;
    keys.reserve(idx.size());
    for (std::size_t i : idx) {
        keys.push_back(w.tokens[i].key);
    }
    const std::size_t drop = lieu_dit_prefix_words(keys);
    if (drop > 0) {
        w.tokens.erase(w.tokens.begin(),
                       w.tokens.begin() + static_cast<std::ptrdiff_t>(idx[drop - 1] + 1));
        w.fixed.erase(w.fixed.begin(),
                      w.fixed.begin() + static_cast<std::ptrdiff_t>(idx[drop - 1] + 1));
        trace.fire(Rule::lieu_dit);
    }
}

void drop_repeated_type(NameDraft &w, const VoieVocabulary &vocabulary, Trace &trace) {
    auto idx = w.words();
    std::vector<std::string> keys;
    for (std::size_t i = 0; i < idx.size() && i < 3; ++i) {
        keys.push_back(w.tokens[idx[i]].key);
    }
    if (repeats_voie_type(keys, vocabulary)) {
        w.tokens.erase(w.tokens.begin() + static_cast<std::ptrdiff_t>(idx[1]));
        w.fixed.erase(w.fixed.begin() + static_cast<std::ptrdiff_t>(idx[1]));
        trace.fire(Rule::duplicate_type);
    }
}

void expand_voie_type(NameDraft &w, const Dictionaries &dict, bool rewrite, Trace &trace) {
    auto idx = w.words();
    if (idx.size() <= 1) {
        return;
    }
    Token &first = w.tokens[idx[0]];
    const auto *type = dict.type_words(first.key);
    const bool is_code = type && *type != first.key;
    // In mixed case, only what cannot be a word: "Av.", "Bd", "Imp".
    const bool clear = rewrite || first.suffix == "." ||
                       (!dict.is_plain_word(first.key) && dict.forms(first.key).empty());
    if (is_code && clear) {
        first.suffix.erase(0, first.suffix.find_first_not_of('.'));
        // Written below, with accents and capitals.
        std::vector<Token> with = tokenise(*type);
        w.replace(idx[0], 1, with);
        std::fill(w.fixed.begin() + static_cast<std::ptrdiff_t>(idx[0]),
                  w.fixed.begin() + static_cast<std::ptrdiff_t>(idx[0] + with.size()), false);
        trace.fire(Rule::type_expanded);
    }
}

} // namespace adressage::names::detail
