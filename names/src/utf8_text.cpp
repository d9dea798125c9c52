#include "utf8_text.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>

namespace adressage::names::text {

namespace {

// Base letter of every accented Latin letter up to U+024F, computed once from ICU's NFD.
struct BaseLetters {
    std::array<char32_t, 0x250> base{};
    BaseLetters() {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2 *nfd = icu::Normalizer2::getNFDInstance(status);
        for (char32_t c = 0; c < base.size(); ++c) {
            base[c] = c;
            icu::UnicodeString decomposition;
            if (U_SUCCESS(status) &&
                nfd->getDecomposition(static_cast<UChar32>(c), decomposition) &&
                decomposition.length() > 0) {
                base[c] = static_cast<char32_t>(decomposition.char32At(0));
            }
        }
    }
};

const BaseLetters &base_letters() {
    static const BaseLetters table;
    return table;
}

} // namespace

char32_t next(std::string_view s, std::size_t &i) {
    UChar32 c = 0;
    int32_t index = static_cast<int32_t>(i);
    U8_NEXT(s.data(), index, static_cast<int32_t>(s.size()), c);
    i = static_cast<std::size_t>(index);
    return c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
}

void append(std::string &out, char32_t c) {
    char buffer[4];
    int32_t length = 0;
    UBool error = false;
    U8_APPEND(buffer, length, 4, static_cast<UChar32>(c), error);
    (void)error; // four bytes always hold one code point
    out.append(buffer, static_cast<std::size_t>(length));
}

std::string nfc(std::string_view s) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2 *normalizer = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) {
        return std::string(s);
    }
    const icu::StringPiece piece(s.data(), static_cast<int32_t>(s.size()));
    if (normalizer->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) {
        return std::string(s);
    }
    status = U_ZERO_ERROR;
    std::string out;
    icu::StringByteSink<std::string> sink(&out);
    normalizer->normalizeUTF8(0, piece, sink, nullptr, status);
    return U_FAILURE(status) ? std::string(s) : out;
}

std::string lower(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        append(out, static_cast<char32_t>(u_tolower(static_cast<UChar32>(next(s, i)))));
    }
    return out;
}

std::string upper(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        append(out, static_cast<char32_t>(u_toupper(static_cast<UChar32>(next(s, i)))));
    }
    return out;
}

std::string capitalise(std::string_view s) {
    if (s.empty()) {
        return {};
    }
    std::size_t i = 0;
    const char32_t first = next(s, i);
    std::string out;
    append(out, static_cast<char32_t>(u_totitle(static_cast<UChar32>(first))));
    out.append(s.substr(i));
    return out;
}

std::string key(std::string_view s) {
    // ASCII, the common case: lower case is all there is to do.
    if (std::all_of(s.begin(), s.end(), [](char c) { return (c & 0x80) == 0; })) {
        std::string out(s);
        for (char &c : out) {
            if (c >= 'A' && c <= 'Z') {
                c = static_cast<char>(c - 'A' + 'a');
            }
        }
        return out;
    }
    const BaseLetters &table = base_letters();
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        char32_t c = static_cast<char32_t>(u_tolower(static_cast<UChar32>(next(s, i))));
        if (c == U'œ') {
            out += "oe";
            continue;
        }
        if (c == U'æ') {
            out += "ae";
            continue;
        }
        if (c < table.base.size()) {
            c = table.base[c];
        }
        append(out, c);
    }
    return out;
}

bool has_lower(std::string_view s) {
    // A lower-case letter that has a capital: "º" and "ª" do not count.
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<UChar32>(next(s, i));
        if (u_isULowercase(c) && u_toupper(c) != c) {
            return true;
        }
    }
    return false;
}

bool has_upper(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        if (u_isUUppercase(static_cast<UChar32>(next(s, i)))) {
            return true;
        }
    }
    return false;
}

bool has_letter(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        if (u_isalpha(static_cast<UChar32>(next(s, i)))) {
            return true;
        }
    }
    return false;
}

bool is_letter_or_digit(char32_t c) { return u_isalnum(static_cast<UChar32>(c)) != 0; }

bool all_digits(std::string_view s) {
    if (s.empty()) {
        return false;
    }
    for (char c : s) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return true;
}

bool starts_with_vowel_sound(std::string_view key) {
    return !key.empty() && std::string_view("aeiouyh").find(key.front()) != std::string_view::npos;
}

} // namespace adressage::names::text
