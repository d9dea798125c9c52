#include "normaliser_steps.hpp"
#include "utf8_text.hpp"

namespace adressage::names::detail {

namespace {

std::vector<Token> words_to_tokens(const std::vector<std::string> &words, const char *sep) {
    std::vector<Token> out;
    for (const std::string &word : words) {
        Token t;
        t.word = word;
        t.key = text::key(word);
        t.sep = sep;
        out.push_back(std::move(t));
    }
    return out;
}

} // namespace

void expand_titles(NameDraft &w, const Dictionaries &dict, bool rewrite, Trace &trace) {
    auto idx = w.words();
    for (std::size_t n = 0; n < idx.size(); ++n) {
        const std::size_t i = idx[n];
        Token &t = w.tokens[i];
        const std::string *full = dict.title(t.key);
        // A title comes before a name; Notre-Dame is also a name by itself ("Chapelle ND").
        if (n + 1 == idx.size() && !(t.key == "nd" && n > 0)) {
            continue;
        }
        if (full == nullptr || (n == 0 && dict.type_words(t.key))) {
            continue;
        }
        const std::string &next_word = n + 1 < idx.size() ? w.tokens[idx[n + 1]].word : t.word;
        const bool clear = rewrite || t.suffix == "." || !dict.is_plain_word(t.key) ||
                           (text::has_upper(t.word) && text::has_upper(next_word.substr(0, 1)));
        if (!clear) {
            continue;
        }
        t.suffix.erase(0, t.suffix.find_first_not_of('.'));
        t.key = text::key(*full);
        if (full->find('-') != std::string::npos) {
            // Written below from their keys when rewriting; as given otherwise.
            // Notre-Dame: two words joined by a hyphen.
            const std::size_t dash = full->find('-');
            std::vector<Token> with =
                words_to_tokens({full->substr(0, dash), full->substr(dash + 1)}, "-");
            with.back().sep = t.sep;
            with.front().prefix = t.prefix;
            with.back().suffix = t.suffix;
            w.tokens.erase(w.tokens.begin() + static_cast<std::ptrdiff_t>(i));
            w.fixed.erase(w.fixed.begin() + static_cast<std::ptrdiff_t>(i));
            w.tokens.insert(w.tokens.begin() + static_cast<std::ptrdiff_t>(i), with.begin(),
                            with.end());
            w.fixed.insert(w.fixed.begin() + static_cast<std::ptrdiff_t>(i), with.size(), false);
            idx = w.words();
        } else {
            t.word = *full;
        }
        trace.fire(Rule::title_expanded);
    }
}

} // namespace adressage::names::detail
