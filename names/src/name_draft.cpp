#include "name_draft.hpp"

namespace adressage::names::detail {

namespace {

bool is_word(const Token &t) { return !t.word.empty(); }

} // namespace

std::vector<std::size_t> NameDraft::words() const {
    std::vector<std::size_t> idx;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (is_word(tokens[i])) {
            idx.push_back(i);
        }
    }
    return idx;
}

void NameDraft::replace(std::size_t first, std::size_t count, std::vector<Token> with) {
    if (with.empty()) {
        return;
    }
    with.front().prefix = tokens[first].prefix + with.front().prefix;
    with.back().suffix += tokens[first + count - 1].suffix;
    with.back().sep = tokens[first + count - 1].sep;
    const std::size_t n = with.size();
    tokens.erase(tokens.begin() + static_cast<std::ptrdiff_t>(first),
                 tokens.begin() + static_cast<std::ptrdiff_t>(first + count));
    fixed.erase(fixed.begin() + static_cast<std::ptrdiff_t>(first),
                fixed.begin() + static_cast<std::ptrdiff_t>(first + count));
    tokens.insert(tokens.begin() + static_cast<std::ptrdiff_t>(first), with.begin(), with.end());
    fixed.insert(fixed.begin() + static_cast<std::ptrdiff_t>(first), n, true);
}

} // namespace adressage::names::detail
