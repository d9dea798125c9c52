#pragma once
// Spelling of BAL values: the columns of each version, cle_interop, numbers, positions.
#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace adressage::formats {

// The 21 columns of BAL 1.4, in the order of the AITF specification.
inline constexpr std::array<std::string_view, 21> bal14_columns = {"id_ban_commune",
                                                                   "id_ban_toponyme",
                                                                   "id_ban_adresse",
                                                                   "cle_interop",
                                                                   "commune_insee",
                                                                   "commune_nom",
                                                                   "commune_deleguee_insee",
                                                                   "commune_deleguee_nom",
                                                                   "voie_nom",
                                                                   "lieudit_complement_nom",
                                                                   "numero",
                                                                   "suffixe",
                                                                   "position",
                                                                   "x",
                                                                   "y",
                                                                   "long",
                                                                   "lat",
                                                                   "cad_parcelles",
                                                                   "source",
                                                                   "date_der_maj",
                                                                   "certification_commune"};

enum class PositionType {
    delivrance_postale,
    entree,
    batiment,
    cage_escalier,
    logement,
    parcelle,
    segment,
    service_technique
};

// The exact spelling the validator expects ("bâtiment", "cage d’escalier" with U+2019...).
std::string_view position_label(PositionType type);

// Fixed-point decimal, locale-independent ("12.30"); -0 is written as 0.
std::string format_fixed(double value, int decimals);
// The same, appended to `out` (no string of its own).
void append_fixed(std::string &out, double value, int decimals);

// "<insee>_<voie>_<numero 5 digits>[_<suffixe>]", all lowercase. `voie_code` has 4 characters.
std::string cle_interop(std::string_view insee, std::string_view voie_code, int numero,
                        std::string_view suffixe = {});

// A cle_interop as the official validator reads it: at least three parts joined by '_', none
// empty, the third all digits (the commune and voie parts are taken as they are).
struct CleInterop {
    std::string commune; // lower case, as written ("a7482" too: the validator checks it apart)
    std::string voie;    // lower case, any length
    int numero = 0;
    std::string suffixes; // lower case, the parts after the numero joined by '_', "" when none
    // The key in its written form: lower case, numero on 5 digits. Of "67482_0340_43":
    // "67482_0340_00043"; of "67482_5740_8_BIS": "67482_5740_00008_bis".
    std::string canonical() const;
};
// nullopt when the validator cannot read the key (structure_invalide, numero_invalide) or when
// its numero has more than 5 digits once its leading zeros are left out.
std::optional<CleInterop> parse_cle_interop(std::string_view key);

// Temporary voie code for the n-th voie without a TOPO code (n from 1): x001..x999, y000..y999,
// z000..z999. Throws ConfigError beyond.
std::string temporary_voie_code(int n);

// A value safe for a `;`-separated unquoted file: separators, quotes and line breaks become
// spaces, runs of spaces collapse, both ends trimmed.
std::string sanitize_value(std::string_view value);
// The same, appended to `out`.
void append_sanitized(std::string &out, std::string_view value);

} // namespace adressage::formats
