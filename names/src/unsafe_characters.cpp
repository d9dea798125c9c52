#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdio>

#include "adressage/names/unsafe_text.hpp"
#include "normaliser_steps.hpp"

namespace adressage::names {

namespace {

// Cc (controls) and Cf (format: bidi marks and overrides, zero-width spaces and joiners, the
// soft hyphen, the BOM): nothing a road's name shows. Tab, CR and LF separate words.
bool invisible(UChar32 c) {
    const auto type = static_cast<UCharCategory>(u_charType(c));
    return (type == U_CONTROL_CHAR || type == U_FORMAT_CHAR) && c != '\t' && c != '\n' && c != '\r';
}

// What a spreadsheet reads as the start of a formula, and the spaces between them.
bool formula_start(char c) {
    return c == '=' || c == '+' || c == '-' || c == '@' || c == ' ' || c == '\t' || c == '\r' ||
           c == '\n';
}

} // namespace

std::optional<std::string> unsafe_text_reason(std::string_view text) {
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && formula_start(text[first])) {
        return "starts with '" + std::string(1, text[first]) +
               "', which a spreadsheet runs as a formula";
    }
    const auto size = static_cast<std::int32_t>(text.size());
    for (std::int32_t i = 0; i < size;) {
        UChar32 c = 0;
        U8_NEXT(text.data(), i, size, c);
        if (c >= 0 && invisible(c)) {
            char code[16];
            std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
            return "holds the invisible character " + std::string(code);
        }
    }
    return std::nullopt;
}

namespace detail {

std::string remove_unsafe_characters(const std::string &input, Trace &trace) {
    std::string out;
    out.reserve(input.size());
    bool removed = false;
    const auto size = static_cast<std::int32_t>(input.size());
    for (std::int32_t i = 0; i < size;) {
        const std::int32_t start = i;
        UChar32 c = 0;
        U8_NEXT(input.data(), i, size, c);
        if (c >= 0 && invisible(c)) {
            removed = true;
            continue;
        }
        out.append(input, static_cast<std::size_t>(start), static_cast<std::size_t>(i - start));
    }
    if (removed) {
        trace.fire(Rule::unsafe_characters);
        trace.flag("invisible_characters_removed", 0.3);
    }
    const std::size_t first = out.find_first_not_of(" \t\r\n");
    if (first != std::string::npos && formula_start(out[first])) {
        std::size_t end = first;
        while (end < out.size() && formula_start(out[end])) {
            ++end;
        }
        out.erase(0, end);
        trace.fire(Rule::unsafe_characters);
        trace.flag("formula_prefix_removed", 0.5);
    }
    return out;
}

} // namespace detail

} // namespace adressage::names
