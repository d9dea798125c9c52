#pragma once
// The validator's schema (fields, their formats), every code it can raise and the level of each
// code in each profile.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "adressage/validator/validator.hpp"

namespace adressage::validator::detail {

// In the order of the validator's schema (the order of the field.*.missing codes).
enum class Field : std::uint8_t {
    cle_interop,
    uid_adresse,
    id_ban_commune,
    id_ban_toponyme,
    id_ban_adresse,
    voie_nom,
    toponyme,
    lieudit_complement_nom,
    numero,
    suffixe,
    commune_insee,
    commune_nom,
    commune_deleguee_insee,
    commune_deleguee_nom,
    position,
    x,
    y,
    long_,
    lat,
    cad_parcelles,
    source,
    date_der_maj,
    certification_commune,
};
constexpr std::size_t field_count = 23;

struct FieldSchema {
    std::string_view name;
    bool required;
    bool regional;        // takes <name>_<language> columns
    std::uint8_t formats; // bit 0: 1.1 ... bit 4: 1.5
};
const FieldSchema &schema(Field field);

enum class FieldError : std::uint8_t {
    espaces_debut_fin,
    valeur_manquante,
    casse_invalide,
    structure_invalide,
    commune_invalide,
    commune_ancienne,
    voie_invalide,
    voie_non_renseignee,
    numero_invalide,
    numero_prefixe_manquant,
    type_invalide,
    trop_court,
    trop_long,
    caractere_invalide,
    contient_tiret_bas,
    casse_incorrecte,
    trop_grand,
    not_to_be_zero,
    contient_prefixe,
    debut_invalide,
    enum_fuzzy,
    valeur_invalide,
    separateur_decimal_invalide,
    pipe_debut_fin,
    date_invalide,
    date_ancienne,
    date_future,
};
constexpr std::size_t field_error_count = 27;

enum class RowCode : std::uint8_t {
    incoherence_numero,
    commune_manquante,
    commune_nom_invalide,
    voie_nom_have_same_lieudit_complement_nom,
    position_manquante,
    longlat_vides,
    longlat_invalides,
    longlat_xy_incoherents,
    adresse_incomplete,
    chef_lieu_invalide,
    lack_of_id_ban,
    cog_no_match_id_ban_commune,
    different_voie_nom_with_same_id_ban_toponyme,
    different_id_ban_toponyme_with_same_voie_nom,
    different_adresse_with_same_id_ban_adresse,
    different_id_ban_adresses_with_same_adresse,
    lieudit_complement_nom_not_declared,
};
constexpr std::size_t row_code_count = 17;

enum class GlobalCode : std::uint8_t {
    rows_empty,
    rows_multi_id_ban_commune,
    rows_every_line_required_id_ban,
    file_encoding,
    file_delimiter,
    file_linebreak,
};
constexpr std::size_t global_code_count = 6;

enum class Profile : std::uint8_t { v1_3_relax, v1_3, v1_4, v1_5 };
constexpr std::size_t profile_count = 4;
std::optional<Profile> parse_profile(std::string_view name);
std::string_view profile_name(Profile profile);

using CodeId = std::uint32_t;

// A column's code prefix: a schema field, or one of its regional-language variants.
struct Prefix {
    Field field;
    int language = -1; // index in formats::regional_language_codes(), or -1
};

class CodeTable {
  public:
    static const CodeTable &get();

    // Index of the prefix "<field>" or "<field>_<language>" (the field must be regional).
    std::size_t prefix(Prefix p) const;
    CodeId field_code(std::size_t prefix, FieldError error) const {
        return static_cast<CodeId>(prefix * field_error_count + static_cast<std::size_t>(error));
    }
    CodeId missing(Field field) const { return missing_base_ + static_cast<CodeId>(field); }
    CodeId row(RowCode code) const { return row_base_ + static_cast<CodeId>(code); }
    CodeId global(GlobalCode code) const { return global_base_ + static_cast<CodeId>(code); }

    std::size_t size() const { return codes_.size(); }
    std::string_view code(CodeId id) const { return codes_[id].text; }
    Level level(Profile profile, CodeId id) const {
        return codes_[id].levels[static_cast<std::size_t>(profile)];
    }
    // The validator drops the row errors of a field its profile's format does not have (the
    // filter looks at the column name, so regional columns always stay), and the distinct codes
    // of such a field (regional ones through their base field).
    bool kept_in_rows(Profile profile, CodeId id) const {
        return codes_[id].in_rows[static_cast<std::size_t>(profile)];
    }
    bool kept_in_profile(Profile profile, CodeId id) const {
        return codes_[id].in_profile[static_cast<std::size_t>(profile)];
    }

  private:
    CodeTable();
    struct Info {
        std::string text;
        std::array<Level, profile_count> levels{};
        std::array<bool, profile_count> in_rows{};
        std::array<bool, profile_count> in_profile{};
    };
    std::vector<Info> codes_;
    CodeId missing_base_ = 0;
    CodeId row_base_ = 0;
    CodeId global_base_ = 0;
};

} // namespace adressage::validator::detail
