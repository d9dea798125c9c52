#pragma once
// What a row leaves for the adressage checks across rows.
#include <cstdint>
#include <limits>

namespace adressage::validator::detail {

constexpr std::uint32_t no_numero = std::numeric_limits<std::uint32_t>::max();
constexpr std::uint32_t toponym_numero = 99999;

enum class SuffixStyle : std::uint8_t { none, letter, repetition };

// 48 bytes.
struct RowFacts {
    std::uint32_t line;
    std::uint32_t voie; // 1-based
    std::uint32_t numero;
    std::uint32_t suffixe;  // interned, lower case
    std::uint32_t position; // interned
    std::uint32_t code;     // interned voie code, 0: none
    double x, y;            // projected metres (x/y columns); NaN when not a number
    SuffixStyle style;
};

} // namespace adressage::validator::detail
