#include "adressage/names/tokens.hpp"

#include "utf8_text.hpp"

namespace adressage::names {

namespace {

bool is_apostrophe(char32_t c) {
    return c == U'\'' || c == U'\u2019' || c == U'\u2018' || c == U'`' || c == U'\u00B4' ||
           c == U'\u02BC';
}

bool is_space(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\u00A0' || c == U'\n' || c == U'\r' || c == U'_' ||
           c == U';' || c == U'"';
}

} // namespace

std::vector<Token> tokenise(std::string_view name) {
    std::vector<Token> tokens;
    Token current;
    auto flush = [&](std::string sep) {
        if (current.word.empty() && current.prefix.empty() && current.suffix.empty()) {
            // A separator with no word before it: attach to the previous token, spaces win.
            if (!tokens.empty() && !sep.empty() && tokens.back().sep != " ") {
                tokens.back().sep = sep;
            }
            return;
        }
        // Dots that end a word are punctuation ("ST." → ST + "."), moved at once: one by one
        // was quadratic (a line of a million dots took minutes).
        const std::size_t word_end = current.word.find_last_not_of('.') + 1; // npos + 1 == 0
        current.suffix.insert(0, current.word, word_end);
        current.word.resize(word_end);
        current.key = text::key(current.word);
        current.sep = std::move(sep);
        tokens.push_back(std::move(current));
        current = Token{};
    };
    for (std::size_t i = 0; i < name.size();) {
        const std::size_t start = i;
        const char32_t c = text::next(name, i);
        const std::string_view bytes = name.substr(start, i - start);
        if (is_space(c)) {
            flush(" ");
        } else if (c == U'-' || c == U'\u2010' || c == U'\u2011') {
            if (current.word.empty()) {
                current.prefix.append("-"); // a dash between spaces is punctuation
            } else {
                flush("-");
            }
        } else if (is_apostrophe(c)) {
            flush("\u2019");
        } else if (text::is_letter_or_digit(c) || (c == U'.' && !current.word.empty())) {
            if (!current.suffix.empty()) {
                flush(""); // "A)B": a new word starts
            }
            current.word.append(bytes);
        } else if (current.word.empty()) {
            current.prefix.append(bytes);
        } else {
            current.suffix.append(bytes);
        }
    }
    flush("");
    if (!tokens.empty()) {
        tokens.back().sep.clear();
    }
    return tokens;
}

std::string join(const std::vector<Token> &tokens) {
    std::string out;
    for (const Token &t : tokens) {
        out.append(t.prefix).append(t.word).append(t.suffix).append(t.sep);
    }
    return out;
}

} // namespace adressage::names
