#include "adressage/names/grouping_key.hpp"

#include "adressage/names/tokens.hpp"
#include "utf8_text.hpp"

namespace adressage::names {

std::string grouping_key(std::string_view name) {
    std::string out;
    for (const Token &t : tokenise(text::nfc(name))) {
        if (!t.word.empty()) {
            out.append(out.empty() ? "" : " ").append(t.key);
        }
    }
    return out;
}

} // namespace adressage::names
