#include "adressage/formats/utf8_check.hpp"

#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>

namespace adressage::formats {

std::size_t first_invalid_utf8(std::string_view text) {
    const char *const begin = text.data();
    const char *p = begin;
    const char *const end = p + text.size();
    while (p < end) {
        // ASCII runs eight bytes at a time; ICU decodes the rest.
        std::uint64_t word = 0;
        if (end - p >= 8) {
            std::memcpy(&word, p, 8);
            if ((word & 0x8080808080808080ULL) == 0) {
                p += 8;
                continue;
            }
        }
        if (static_cast<unsigned char>(*p) < 0x80) {
            ++p;
            continue;
        }
        const auto length = static_cast<std::int32_t>(std::min<std::ptrdiff_t>(end - p, 4));
        std::int32_t i = 0;
        UChar32 c = 0;
        U8_NEXT(p, i, length, c);
        if (c < 0) {
            return static_cast<std::size_t>(p - begin);
        }
        p += i;
    }
    return std::string::npos;
}

} // namespace adressage::formats
