#pragma once
// The adressage.* codes: name, level and labels of each (internal to the validator).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "adressage/validator/validator.hpp"

namespace adressage::validator::detail {

enum class ExtraCode : std::uint8_t {
    // Addresses and voies (across rows).
    numero_duplique,
    numero_superieur_9999,
    suffixes_melanges,
    voie_codes_multiples,
    position_trop_proche,
    // The voie name (the BAN team's proposed voie_nom rules).
    bad_caractere_start_end,
    no_words_in_parentheses,
    ponctuation_invalide,
    bad_point_at_the_end,
    multi_space_caractere,
    bad_word_lieudit,
    bad_multi_word_rue,
    abbreviation_invalid,
    word_uppercase,
    word_lowercase,
};
constexpr std::size_t extra_code_count = 15;

struct ExtraCodeInfo {
    std::string_view code; // "adressage.numero_duplique"
    Level level;
    std::string_view fr;
    std::string_view en;
};
const ExtraCodeInfo &info(ExtraCode code);

// One bit per ExtraCode.
using ExtraCodes = std::uint16_t;
constexpr ExtraCodes bit(ExtraCode code) {
    return static_cast<ExtraCodes>(1U << static_cast<unsigned>(code));
}

} // namespace adressage::validator::detail
