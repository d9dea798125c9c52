#pragma once
// Whether a text read from a file is UTF-8 (ICU's rules: no overlong forms, no surrogates),
// for the readers that must tell the user where it is not: the BAL reader, the option tables.
#include <cstddef>
#include <string_view>

namespace adressage::formats {

// The offset of the first byte of `text` that does not start a well-formed UTF-8 character,
// or npos. ASCII runs are checked eight bytes at a time.
std::size_t first_invalid_utf8(std::string_view text);

} // namespace adressage::formats
