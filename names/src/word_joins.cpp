// Steps 6 and 8: the separators that join two words, the hyphen after Saint and the
// elision's apostrophe.
#include "adressage/names/word_classes.hpp"
#include "normaliser_steps.hpp"
#include "utf8_text.hpp"

namespace adressage::names::detail {

void hyphenate_saint(NameDraft &w, Trace &trace) {
    auto idx = w.words();
    for (std::size_t n = 0; n + 1 < idx.size(); ++n) {
        Token &t = w.tokens[idx[n]];
        const std::string &next = w.tokens[idx[n + 1]].key;
        if ((t.key == "saint" || t.key == "sainte" || t.key == "saints" || t.key == "saintes") &&
            t.sep == " " && t.suffix.empty() && idx[n + 1] == idx[n] + 1 && !is_lower_word(next) &&
            !text::all_digits(next) && n + 1 < idx.size()) {
            t.sep = "-";
            trace.fire(Rule::saint_hyphen);
        }
    }
}

void elide(NameDraft &w, Trace &trace) {
    auto idx = w.words();
    for (std::size_t n = 0; n + 1 < idx.size(); ++n) {
        Token &t = w.tokens[idx[n]];
        if ((t.key == "l" || t.key == "d" || t.key == "qu" || t.key == "jusqu") &&
            idx[n + 1] == idx[n] + 1 && t.suffix.empty() &&
            text::starts_with_vowel_sound(w.tokens[idx[n + 1]].key) &&
            (t.sep == " " || t.sep == "\u2019")) {
            const std::string written = n == 0 ? text::capitalise(t.key) : t.key;
            if (t.sep != "\u2019" || t.word != written) {
                trace.fire(Rule::elision);
            }
            t.word = written;
            t.sep = "\u2019";
        }
    }
}

} // namespace adressage::names::detail
