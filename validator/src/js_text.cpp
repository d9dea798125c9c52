#include "js_text.hpp"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>

namespace adressage::validator::detail {

namespace {

// lodash's deburredLetters for U+00C0..U+017F; nullptr where lodash leaves the letter alone.
constexpr std::array<const char *, 0x180 - 0xC0> deburred = {
    // U+00C0
    "A", "A", "A", "A", "A", "A", "Ae", "C", "E", "E", "E", "E", "I", "I", "I", "I",
    // U+00D0
    "D", "N", "O", "O", "O", "O", "O", nullptr, "O", "U", "U", "U", "U", "Y", "Th", "ss",
    // U+00E0
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    // U+00F0
    "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "y",
    // U+0100
    "A", "a", "A", "a", "A", "a", "C", "c", "C", "c", "C", "c", "C", "c", "D", "d",
    // U+0110
    "D", "d", "E", "e", "E", "e", "E", "e", "E", "e", "E", "e", "G", "g", "G", "g",
    // U+0120
    "G", "g", "G", "g", "H", "h", "H", "h", "I", "i", "I", "i", "I", "i", "I", "i",
    // U+0130
    "I", "i", "IJ", "ij", "J", "j", "K", "k", "k", "L", "l", "L", "l", "L", "l", "L",
    // U+0140
    "l", "L", "l", "N", "n", "N", "n", "N", "n", "'n", "N", "n", "O", "o", "O", "o",
    // U+0150
    "O", "o", "Oe", "oe", "R", "r", "R", "r", "R", "r", "S", "s", "S", "s", "S", "s",
    // U+0160
    "S", "s", "T", "t", "T", "t", "T", "t", "U", "u", "U", "u", "U", "u", "U", "u",
    // U+0170
    "U", "u", "U", "u", "W", "w", "Y", "y", "Y", "Z", "z", "Z", "z", "Z", "z", "s"};

bool is_combining_mark(char32_t c) {
    return (c >= 0x300 && c <= 0x36F) || (c >= 0xFE20 && c <= 0xFE2F) ||
           (c >= 0x20D0 && c <= 0x20FF);
}

icu::UnicodeString to_icu(std::string_view s) {
    return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

std::string from_icu(const icu::UnicodeString &u) {
    std::string out;
    u.toUTF8String(out);
    return out;
}

} // namespace

char32_t next_code_point(std::string_view s, std::size_t &i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
        ++i;
        return c;
    }
    auto j = static_cast<int32_t>(i);
    UChar32 cp = 0;
    U8_NEXT(s.data(), j, static_cast<int32_t>(s.size()), cp);
    i = static_cast<std::size_t>(j);
    return cp < 0 ? U'\uFFFD' : static_cast<char32_t>(cp);
}

void append_utf8(std::string &out, char32_t c) {
    if (c < 0x80) {
        out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (c >> 6)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (c >> 12)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (c >> 18)));
        out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
}

bool is_js_space(char32_t c) {
    if (c < 0x80) {
        return c == ' ' || (c >= 0x09 && c <= 0x0D);
    }
    return c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
           c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

std::string_view js_trim(std::string_view s) {
    std::size_t begin = 0;
    while (begin < s.size()) {
        std::size_t next = begin;
        if (!is_js_space(next_code_point(s, next))) {
            break;
        }
        begin = next;
    }
    std::size_t end = s.size();
    while (end > begin) {
        // Back to the first byte of the last code point.
        std::size_t start = end - 1;
        while (start > begin && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) {
            --start;
        }
        std::size_t probe = start;
        if (!is_js_space(next_code_point(s, probe)) || probe != end) {
            break;
        }
        end = start;
    }
    return s.substr(begin, end - begin);
}

std::size_t utf16_length(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s) {
        if ((c & 0xC0) != 0x80) {
            n += c >= 0xF0 ? 2 : 1;
        }
    }
    return n;
}

bool is_ascii(std::string_view s) {
    for (unsigned char c : s) {
        if (c >= 0x80) {
            return false;
        }
    }
    return true;
}

bool upper_unchanged(std::string_view s) {
    if (is_ascii(s)) {
        for (char c : s) {
            if (c >= 'a' && c <= 'z') {
                return false;
            }
        }
        return true;
    }
    return js_upper(s) == s;
}

bool lower_unchanged(std::string_view s) {
    if (is_ascii(s)) {
        for (char c : s) {
            if (c >= 'A' && c <= 'Z') {
                return false;
            }
        }
        return true;
    }
    return js_lower(s) == s;
}

std::string js_upper(std::string_view s) {
    if (is_ascii(s)) {
        std::string out(s);
        for (char &c : out) {
            if (c >= 'a' && c <= 'z') {
                c = static_cast<char>(c - 'a' + 'A');
            }
        }
        return out;
    }
    icu::UnicodeString u = to_icu(s);
    u.toUpper(icu::Locale::getRoot());
    return from_icu(u);
}

std::string js_lower(std::string_view s) {
    if (is_ascii(s)) {
        std::string out(s);
        for (char &c : out) {
            if (c >= 'A' && c <= 'Z') {
                c = static_cast<char>(c - 'A' + 'a');
            }
        }
        return out;
    }
    icu::UnicodeString u = to_icu(s);
    u.toLower(icu::Locale::getRoot());
    return from_icu(u);
}

std::string nfc(std::string_view s) {
    if (is_ascii(s)) {
        return std::string(s);
    }
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2 *normalizer = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) {
        return std::string(s);
    }
    const icu::UnicodeString out = normalizer->normalize(to_icu(s), status);
    return U_FAILURE(status) ? std::string(s) : from_icu(out);
}

std::string deburr(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t start = i;
        const char32_t c = next_code_point(s, i);
        if (c >= 0xC0 && c < 0x180 && deburred[c - 0xC0] != nullptr) {
            out += deburred[c - 0xC0];
        } else if (!is_combining_mark(c)) {
            out.append(s.substr(start, i - start));
        }
    }
    return out;
}

} // namespace adressage::validator::detail
