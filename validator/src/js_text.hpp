#pragma once
// UTF-8 strings handled the way the official validator's JavaScript handles its UTF-16 strings:
// String.prototype.trim, .length, toUpperCase/toLowerCase (Unicode full case mapping),
// normalize() (NFC) and lodash's deburr.
#include <cstddef>
#include <string>
#include <string_view>

namespace adressage::validator::detail {

// Decodes the code point at `i` and moves `i` past it; a malformed byte gives U+FFFD.
char32_t next_code_point(std::string_view s, std::size_t &i);
void append_utf8(std::string &out, char32_t c);

// JavaScript's WhiteSpace and LineTerminator (what trim() and \s remove or match).
bool is_js_space(char32_t c);
std::string_view js_trim(std::string_view s);

// Number of UTF-16 code units (JavaScript's .length).
std::size_t utf16_length(std::string_view s);

bool is_ascii(std::string_view s);

// s.toUpperCase() === s, s.toLowerCase() === s.
bool upper_unchanged(std::string_view s);
bool lower_unchanged(std::string_view s);
std::string js_upper(std::string_view s);
std::string js_lower(std::string_view s);

// s.normalize() (NFC).
std::string nfc(std::string_view s);

// lodash deburr: Latin-1 and Latin Extended-A letters to basic Latin, combining marks removed.
std::string deburr(std::string_view s);

} // namespace adressage::validator::detail
