#include <algorithm>

#include "normaliser_steps.hpp"
#include "utf8_text.hpp"

namespace adressage::names::detail {

namespace {

// The compound first name or the COG place name that the `len` words from the n-th write, when
// nothing but separators joins them; nullptr otherwise.
const std::string *name_of_words(const NameDraft &w, const std::vector<std::size_t> &idx,
                                 std::size_t n, std::size_t len, const Dictionaries &dict) {
    std::string key;
    bool distinctive = false; // a word that is not a common French word
    for (std::size_t k = 0; k < len; ++k) {
        const Token &t = w.tokens[idx[n + k]];
        if (k + 1 < len &&
            (idx[n + k + 1] != idx[n + k] + 1 || t.sep.empty() || !t.suffix.empty())) {
            return nullptr;
        }
        key.append(k ? " " : "").append(t.key);
        distinctive = distinctive || dict.forms(t.key).empty();
    }
    const std::string *name = len == 2 ? dict.compound_name(key) : nullptr;
    if (name == nullptr && distinctive) {
        name = dict.place_name(key);
    }
    return name;
}

// Mixed case is trusted: never take away an accent it wrote (Saint-Géniez).
bool keeps_written_accents(const NameDraft &w, const std::vector<std::size_t> &idx, std::size_t n,
                           const std::vector<Token> &with) {
    for (std::size_t k = 0; k < with.size(); ++k) {
        const std::string &mine = w.tokens[idx[n + k]].word;
        if (text::key(mine) != text::lower(mine) &&
            text::lower(mine) != text::lower(with[k].word)) {
            return false;
        }
    }
    return true;
}

} // namespace

void write_compound_names(NameDraft &w, const Dictionaries &dict, bool rewrite, Trace &trace) {
    auto idx = w.words();
    for (std::size_t n = 1; n < idx.size(); ++n) {
        const std::size_t longest =
            std::min(std::max<std::size_t>(dict.longest_place_name_words(), 2), idx.size() - n);
        for (std::size_t len = longest; len >= 2; --len) {
            const std::string *name = name_of_words(w, idx, n, len, dict);
            if (name == nullptr) {
                continue;
            }
            std::vector<Token> with = tokenise(*name);
            if (with.size() != len || (!rewrite && !keeps_written_accents(w, idx, n, with))) {
                continue;
            }
            const std::string before = join(std::vector<Token>(
                w.tokens.begin() + static_cast<std::ptrdiff_t>(idx[n]),
                w.tokens.begin() + static_cast<std::ptrdiff_t>(idx[n + len - 1] + 1)));
            w.replace(idx[n], len, with);
            const std::string after = join(std::vector<Token>(
                w.tokens.begin() + static_cast<std::ptrdiff_t>(idx[n]),
                w.tokens.begin() + static_cast<std::ptrdiff_t>(idx[n] + with.size())));
            if (before != after) {
                trace.fire(Rule::place_name);
            }
            idx = w.words();
            n += with.size() - 1;
            break;
        }
    }
}

} // namespace adressage::names::detail
