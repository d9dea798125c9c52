#pragma once
// One row's parsed values, as far as the row and cross-row rules need them.
#include <optional>
#include <string>
#include <string_view>

#include "adressage/geo/xy.hpp"
#include "fields.hpp"
#include "string_hash.hpp"

namespace adressage::validator::detail {

// The numero of a toponyme's row (a voie or lieu-dit without an address).
constexpr int toponym_number = 99999;

// The check of a text value, kept per distinct raw value of its column.
struct NameEntry {
    FieldErrors errors;
    bool parsed = false;
    std::string value;      // the parsed value
    std::string normalized; // normalize(value): voie names and lieux-dits only
};
using NameCache = StringMap<NameEntry>;

struct RowState {
    CleInterop cle;
    UidIds uid;
    std::string_view id_commune, id_toponyme, id_adresse;
    const NameEntry *voie_nom = nullptr;
    const NameEntry *toponyme = nullptr;
    const NameEntry *lieudit = nullptr;
    int numero = -1;
    bool has_suffixe = false;
    std::string_view suffixe;
    bool has_commune_insee = false;
    std::string commune_insee;
    bool has_commune_nom = false;
    std::string_view commune_nom;
    bool has_deleguee = false;
    std::string deleguee;          // in upper case
    std::string_view deleguee_raw; // trimmed
    bool position_raw = false, long_raw = false, lat_raw = false;
    std::optional<double> x, y, lon, lat;
    bool insee_columns_have_errors = false;
    int territory = -1;
    geo::XY projected;

    const NameEntry *voie() const { return voie_nom != nullptr ? voie_nom : toponyme; }
    // getCodeCommune: commune_insee, else the commune of cle_interop.
    const std::string *code_commune() const {
        if (has_commune_insee) {
            return &commune_insee;
        }
        return cle.additional ? &cle.code_commune : nullptr;
    }
    bool numero_set() const { return numero >= 0; }
    // "numero" in parsedValues and the value is not 99999: a numbered address.
    bool coordinates_required() const { return numero_set() && numero != toponym_number; }
};

} // namespace adressage::validator::detail
