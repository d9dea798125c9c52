#pragma once
// UTF-8 text helpers over ICU's character properties (internal to names/).
#include <string>
#include <string_view>

namespace adressage::names::text {

std::string nfc(std::string_view s);
std::string lower(std::string_view s);
std::string upper(std::string_view s);
// First letter in title case, the rest unchanged.
std::string capitalise(std::string_view s);
// Lower case, accents removed, œ → oe, æ → ae: the lookup key of a word.
std::string key(std::string_view s);

bool has_lower(std::string_view s);
bool has_upper(std::string_view s);
bool has_letter(std::string_view s);
bool is_letter_or_digit(char32_t c);
bool all_digits(std::string_view s);
bool starts_with_vowel_sound(std::string_view key); // a e i o u y h

// Decodes the code point at `i` and advances `i`.
char32_t next(std::string_view s, std::size_t &i);
void append(std::string &out, char32_t c);

} // namespace adressage::names::text
