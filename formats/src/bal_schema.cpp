#include "adressage/formats/bal_schema.hpp"

#include <algorithm>
#include <array>

#include "adressage/formats/bal_format.hpp"

namespace adressage::formats {

namespace {

constexpr std::array<std::string_view, 19> columns_1_3 = {"uid_adresse",
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

constexpr std::array<std::string_view, 20> columns_1_5 = {"id_ban_commune",
                                                          "id_ban_toponyme",
                                                          "id_ban_adresse",
                                                          "commune_insee",
                                                          "commune_nom",
                                                          "commune_deleguee_insee",
                                                          "commune_deleguee_nom",
                                                          "toponyme",
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

// @ban-team/shared-data 1.4.3, langues-regionales.json.
constexpr std::array<std::string_view, 25> languages = {
    "fra", "bre", "eus", "gsw",        "cos",       "gcr", "gcf",      "rcf", "swb",
    "oci", "cat", "pcd", "oc-provenc", "oc-nicard", "vls", "fr-gallo", "aji", "dhv",
    "nen", "pri", "ty",  "mrq",        "pmt",       "mrv", "frp"};

constexpr std::array<std::string_view, 5> localisable = {
    "commune_nom", "commune_deleguee_nom", "voie_nom", "toponyme", "lieudit_complement_nom"};

bool contains(const std::vector<std::string> &header, std::string_view name) {
    return std::find(header.begin(), header.end(), name) != header.end();
}

} // namespace

std::string_view to_string(BalVersion version) {
    switch (version) {
    case BalVersion::v1_3:
        return "1.3";
    case BalVersion::v1_4:
        return "1.4";
    case BalVersion::v1_5:
        return "1.5";
    }
    return "1.4";
}

std::optional<BalVersion> parse_bal_version(std::string_view text) {
    if (text == "1.3") {
        return BalVersion::v1_3;
    }
    if (text == "1.4") {
        return BalVersion::v1_4;
    }
    if (text == "1.5") {
        return BalVersion::v1_5;
    }
    return std::nullopt;
}

std::span<const std::string_view> bal_columns(BalVersion version) {
    switch (version) {
    case BalVersion::v1_3:
        return columns_1_3;
    case BalVersion::v1_4:
        return bal14_columns;
    case BalVersion::v1_5:
        return columns_1_5;
    }
    return bal14_columns;
}

BalVersion detect_bal_version(const std::vector<std::string> &header) {
    const bool ids = contains(header, "id_ban_commune") && contains(header, "id_ban_toponyme") &&
                     contains(header, "id_ban_adresse");
    if (ids && contains(header, "toponyme")) {
        return BalVersion::v1_5;
    }
    return ids ? BalVersion::v1_4 : BalVersion::v1_3;
}

std::span<const std::string_view> regional_language_codes() { return languages; }

std::optional<LocalisedColumn> parse_localised_column(std::string_view column) {
    for (std::string_view base : localisable) {
        if (column.size() > base.size() + 1 && column.substr(0, base.size()) == base &&
            column[base.size()] == '_') {
            const std::string_view code = column.substr(base.size() + 1);
            if (std::find(languages.begin(), languages.end(), code) != languages.end()) {
                return LocalisedColumn{std::string(base), std::string(code)};
            }
        }
    }
    return std::nullopt;
}

} // namespace adressage::formats
