#include "adressage/pipeline/voie_name.hpp"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>

namespace adressage::pipeline {

namespace {

icu::UnicodeString nfc(const icu::UnicodeString &s) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2 *normalizer = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) {
        return s;
    }
    icu::UnicodeString out = normalizer->normalize(s, status);
    return U_FAILURE(status) ? s : out;
}

bool is_separator(UChar32 c) {
    return u_isUWhiteSpace(c) || u_iscntrl(c) || c == '_' || c == ';' || c == '"';
}

// True when the name has letters and none of them is lower case.
bool all_capitals(const icu::UnicodeString &s) {
    bool letters = false;
    for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) {
        const UChar32 c = s.char32At(i);
        if (u_isULowercase(c)) {
            return false;
        }
        letters = letters || u_isUUppercase(c);
    }
    return letters;
}

constexpr std::array<std::u16string_view, 17> lower_words = {
    u"de",  u"du",  u"des",  u"la", u"le", u"les", u"et",  u"à",  u"au",
    u"aux", u"sur", u"sous", u"en", u"l",  u"d",   u"par", u"lès"};

bool is_lower_word(const icu::UnicodeString &word) {
    const std::u16string_view view(reinterpret_cast<const char16_t *>(word.getBuffer()),
                                   static_cast<std::size_t>(word.length()));
    for (std::u16string_view w : lower_words) {
        if (view == w) {
            return true;
        }
    }
    return false;
}

// "RUE DE LA GARE" → "Rue de la Gare"; words split on spaces, hyphens and apostrophes.
icu::UnicodeString title_case(const icu::UnicodeString &upper) {
    icu::UnicodeString lower(upper);
    lower.toLower(icu::Locale::getFrench());
    icu::UnicodeString out;
    int32_t start = 0;
    bool first_word = true;
    while (start < lower.length()) {
        int32_t end = start;
        while (end < lower.length()) {
            const UChar32 c = lower.char32At(end);
            if (c == ' ' || c == '-' || c == '\'' || c == 0x2019) {
                break;
            }
            end = lower.moveIndex32(end, 1);
        }
        icu::UnicodeString word(lower, start, end - start);
        if (!word.isEmpty() && (first_word || !is_lower_word(word))) {
            const UChar32 c = word.char32At(0);
            word.replace(0, U16_LENGTH(c), icu::UnicodeString(u_totitle(c)));
        }
        out.append(word);
        if (end < lower.length()) {
            out.append(lower.char32At(end));
            end = lower.moveIndex32(end, 1);
        }
        first_word = false;
        start = end;
    }
    return out;
}

} // namespace

std::string clean_voie_name(std::string_view raw) {
    const icu::UnicodeString input = nfc(icu::UnicodeString::fromUTF8(
        icu::StringPiece(raw.data(), static_cast<int32_t>(raw.size()))));
    icu::UnicodeString spaced;
    bool pending_space = false;
    for (int32_t i = 0; i < input.length(); i = input.moveIndex32(i, 1)) {
        const UChar32 c = input.char32At(i);
        if (is_separator(c)) {
            pending_space = !spaced.isEmpty();
            continue;
        }
        if (pending_space) {
            spaced.append(UChar32(' '));
            pending_space = false;
        }
        spaced.append(c);
    }
    if (all_capitals(spaced)) {
        spaced = title_case(spaced);
    }
    std::string out;
    spaced.toUTF8String(out);
    return out;
}

std::string voie_key(std::string_view cleaned) {
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(
        icu::StringPiece(cleaned.data(), static_cast<int32_t>(cleaned.size())));
    s.foldCase();
    std::string out;
    s.toUTF8String(out);
    return out;
}

} // namespace adressage::pipeline
