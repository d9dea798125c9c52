#include "codes.hpp"

#include <algorithm>
#include <unordered_set>

#include "adressage/formats/bal_schema.hpp"

namespace adressage::validator::detail {

namespace {

constexpr std::uint8_t f11 = 1, f12 = 2, f13 = 4, f14 = 8, f15 = 16;

constexpr std::array<FieldSchema, field_count> fields = {{
    {"cle_interop", true, false, f11 | f12 | f13 | f14},
    {"uid_adresse", false, false, f11 | f12 | f13},
    {"id_ban_commune", false, false, f14 | f15},
    {"id_ban_toponyme", false, false, f14 | f15},
    {"id_ban_adresse", false, false, f14 | f15},
    {"voie_nom", false, true, f11 | f12 | f13 | f14},
    {"toponyme", false, true, f15},
    {"lieudit_complement_nom", false, true, f12 | f13 | f14 | f15},
    {"numero", true, false, f11 | f12 | f13 | f14 | f15},
    {"suffixe", false, false, f11 | f12 | f13 | f14 | f15},
    {"commune_insee", true, false, f12 | f13 | f14 | f15},
    {"commune_nom", true, true, f11 | f12 | f13 | f14 | f15},
    {"commune_deleguee_insee", false, false, f12 | f13 | f14 | f15},
    {"commune_deleguee_nom", false, true, f12 | f13 | f14 | f15},
    {"position", false, false, f11 | f12 | f13 | f14 | f15},
    {"x", false, false, f11 | f12 | f13 | f14 | f15},
    {"y", false, false, f11 | f12 | f13 | f14 | f15},
    {"long", false, false, f11 | f12 | f13 | f14 | f15},
    {"lat", false, false, f11 | f12 | f13 | f14 | f15},
    {"cad_parcelles", false, false, f12 | f13 | f14 | f15},
    {"source", true, false, f11 | f12 | f13 | f14 | f15},
    {"date_der_maj", true, false, f11 | f12 | f13 | f14 | f15},
    {"certification_commune", false, false, f13 | f14 | f15},
}};

// The regional fields, in the order of their prefix blocks.
constexpr std::array<Field, 5> regional_fields = {Field::commune_nom, Field::commune_deleguee_nom,
                                                  Field::voie_nom, Field::toponyme,
                                                  Field::lieudit_complement_nom};

constexpr std::array<std::string_view, field_error_count> field_error_names = {
    "espaces_debut_fin",
    "valeur_manquante",
    "casse_invalide",
    "structure_invalide",
    "commune_invalide",
    "commune_ancienne",
    "voie_invalide",
    "voie_non_renseignee",
    "numero_invalide",
    "numero_prefixe_manquant",
    "type_invalide",
    "trop_court",
    "trop_long",
    "caractere_invalide",
    "contient_tiret_bas",
    "casse_incorrecte",
    "trop_grand",
    "not_to_be_zero",
    "contient_prefixe",
    "debut_invalide",
    "enum_fuzzy",
    "valeur_invalide",
    "separateur_decimal_invalide",
    "pipe_debut_fin",
    "date_invalide",
    "date_ancienne",
    "date_future",
};

constexpr std::array<std::string_view, row_code_count> row_code_names = {
    "row.incoherence_numero",
    "row.commune_manquante",
    "row.commune_nom_invalide",
    "row.voie_nom_have_same_lieudit_complement_nom",
    "row.position_manquante",
    "row.longlat_vides",
    "row.longlat_invalides",
    "row.longlat_xy_incoherents",
    "row.adresse_incomplete",
    "row.chef_lieu_invalide",
    "row.lack_of_id_ban",
    "row.cog_no_match_id_ban_commune",
    "row.different_voie_nom_with_same_id_ban_toponyme",
    "row.different_id_ban_toponyme_with_same_voie_nom",
    "row.different_adresse_with_same_id_ban_adresse",
    "row.different_id_ban_adresses_with_same_adresse",
    "row.lieudit_complement_nom_not_declared",
};

constexpr std::array<std::string_view, global_code_count> global_code_names = {
    "rows.empty",
    "rows.multi_id_ban_commune",
    "rows.every_line_required_id_ban",
    "file.encoding.non_standard",
    "file.delimiter.non_standard",
    "file.linebreak.non_standard",
};

// ---- Profile lists (validateur-bal 3.5.2, lib/schema/profiles). Regional columns are looked
// up as <field>_@@.<error>. ----

constexpr std::string_view relax_errors[] = {
    "cle_interop.structure_invalide",
    "cle_interop.commune_invalide",
    "cle_interop.numero_invalide",
    "voie_nom.valeur_manquante",
    "voie_nom.trop_court",
    "voie_nom.trop_long",
    "voie_nom.caractere_invalide",
    "numero.valeur_manquante",
    "numero.type_invalide",
    "numero.trop_grand",
    "suffixe.debut_invalide",
    "suffixe.trop_long",
    "commune_insee.commune_invalide",
    "x.valeur_invalide",
    "y.valeur_invalide",
    "long.valeur_invalide",
    "lat.valeur_invalide",
    "row.incoherence_numero",
    "row.commune_manquante",
    "row.longlat_vides",
    "row.longlat_invalides",
    "row.adresse_incomplete",
    "field.voie_nom.missing",
    "field.numero.missing",
    "rows.empty",
};

// Warnings shared by every profile.
constexpr std::string_view common_warnings[] = {
    "cle_interop.voie_invalide",
    "cle_interop.commune_ancienne",
    "voie_nom.casse_incorrecte",
    "voie_nom.contient_tiret_bas",
    "voie_nom_@@.casse_incorrecte",
    "voie_nom_@@.contient_tiret_bas",
    "voie_nom_@@.trop_court",
    "voie_nom_@@.trop_long",
    "voie_nom_@@.caractere_invalide",
    "commune_insee.commune_ancienne",
    "commune_deleguee_insee.commune_invalide",
    "commune_deleguee_insee.commune_non_deleguee",
    "position.enum_fuzzy",
    "position.valeur_invalide",
    "cad_parcelles.valeur_invalide",
    "cad_parcelles.pipe_debut_fin",
    "source.valeur_manquante",
    "date_der_maj.valeur_manquante",
    "date_der_maj.date_ancienne",
    "date_der_maj.date_future",
    "certification_commune.valeur_invalide",
    "row.position_manquante",
    "row.chef_lieu_invalide",
    "row.longlat_xy_incoherents",
    "field.suffixe.missing",
    "field.cle_interop.missing",
    "field.position.missing",
    "field.x.missing",
    "field.y.missing",
    "field.source.missing",
    "field.date_der_maj.missing",
    "field.certification_commune.missing",
    "cle_interop.espaces_debut_fin",
    "commune_nom.espaces_debut_fin",
    "commune_deleguee_insee.espaces_debut_fin",
    "commune_deleguee_nom.espaces_debut_fin",
    "uid_adresse.espaces_debut_fin",
    "voie_nom.espaces_debut_fin",
    "voie_nom_@@.espaces_debut_fin",
    "lieudit_complement_nom.espaces_debut_fin",
    "lieudit_complement_nom_@@.espaces_debut_fin",
    "numero.espaces_debut_fin",
    "position.espaces_debut_fin",
    "long.espaces_debut_fin",
    "lat.espaces_debut_fin",
    "x.espaces_debut_fin",
    "y.espaces_debut_fin",
    "cad_parcelles.espaces_debut_fin",
    "source.espaces_debut_fin",
    "date_der_maj.espaces_debut_fin",
    "uid_adresse.type_invalide",
    "uid_adresse.incoherence_ids_ban",
    "suffixe.caractere_invalide",
};

// Errors from 1.3 on, warnings in 1.3-relax.
constexpr std::string_view strict_errors[] = {
    "cle_interop.valeur_manquante",
    "cle_interop.numero_prefixe_manquant",
    "cle_interop.casse_invalide",
    "suffixe.espaces_debut_fin",
    "numero.contient_prefixe",
    "commune_insee.espaces_debut_fin",
    "x.separateur_decimal_invalide",
    "y.separateur_decimal_invalide",
    "long.separateur_decimal_invalide",
    "lat.separateur_decimal_invalide",
    "date_der_maj.date_invalide",
    "field.commune_insee.missing",
    "field.long.missing",
    "field.lat.missing",
};

// Errors from 1.3 on, infos in 1.3-relax.
constexpr std::string_view strict_only_errors[] = {
    "commune_insee.valeur_manquante",
    "file.encoding.non_standard",
    "file.delimiter.non_standard",
    "file.linebreak.non_standard",
};

// Warnings from 1.3 on, infos in 1.3-relax.
constexpr std::string_view strict_warnings[] = {
    "numero.not_to_be_zero",
    "row.voie_nom_have_same_lieudit_complement_nom",
    "row.commune_nom_invalide",
    "row.lieudit_complement_nom_not_declared",
};

constexpr std::string_view ban_errors[] = {
    "id_ban_commune.type_invalide", "id_ban_toponyme.type_invalide",
    "id_ban_adresse.type_invalide", "uid_adresse.type_invalide",
    "row.lack_of_id_ban",           "row.cog_no_match_id_ban_commune",
    "rows.multi_id_ban_commune",    "rows.every_line_required_id_ban",
};

constexpr std::string_view ban_warnings[] = {
    "field.id_ban_commune.missing",
    "field.id_ban_toponyme.missing",
    "field.id_ban_adresse.missing",
    "row.different_voie_nom_with_same_id_ban_toponyme",
    "row.different_id_ban_toponyme_with_same_voie_nom",
    "row.different_adresse_with_same_id_ban_adresse",
    "row.different_id_ban_adresses_with_same_adresse",
};

// 1.5: errors added (and taken out of the warnings), errors removed, warnings added.
constexpr std::string_view v15_more_errors[] = {
    "field.id_ban_commune.missing", "field.id_ban_toponyme.missing", "field.id_ban_adresse.missing",
    "field.toponyme.missing",       "toponyme.valeur_manquante",     "toponyme.trop_court",
    "toponyme.trop_long",           "toponyme.caractere_invalide",
};
constexpr std::string_view v15_fewer_errors[] = {"field.voie_nom.missing"};
constexpr std::string_view v15_more_warnings[] = {
    "toponyme.casse_incorrecte",      "toponyme.contient_tiret_bas", "toponyme_@@.casse_incorrecte",
    "toponyme_@@.contient_tiret_bas", "toponyme_@@.trop_court",      "toponyme_@@.trop_long",
    "toponyme_@@.caractere_invalide",
};

struct Lists {
    std::unordered_set<std::string_view> errors;
    std::unordered_set<std::string_view> warnings;
};

template <std::size_t N>
void add(std::unordered_set<std::string_view> &set, const std::string_view (&codes)[N]) {
    set.insert(std::begin(codes), std::end(codes));
}

template <std::size_t N>
void remove(std::unordered_set<std::string_view> &set, const std::string_view (&codes)[N]) {
    for (std::string_view c : codes) {
        set.erase(c);
    }
}

Lists lists(Profile profile) {
    Lists l;
    add(l.errors, relax_errors);
    add(l.warnings, common_warnings);
    if (profile == Profile::v1_3_relax) {
        add(l.warnings, strict_errors);
        return l;
    }
    add(l.errors, strict_errors);
    add(l.errors, strict_only_errors);
    add(l.warnings, strict_warnings);
    if (profile == Profile::v1_3) {
        return l;
    }
    add(l.errors, ban_errors);
    add(l.warnings, ban_warnings);
    if (profile == Profile::v1_4) {
        return l;
    }
    remove(l.errors, v15_fewer_errors);
    add(l.errors, v15_more_errors);
    remove(l.warnings, v15_more_errors);
    add(l.warnings, v15_more_warnings);
    return l;
}

constexpr std::array<std::uint8_t, profile_count> profile_formats = {f13, f13, f14, f15};

} // namespace

const FieldSchema &schema(Field field) { return fields[static_cast<std::size_t>(field)]; }

std::optional<Profile> parse_profile(std::string_view name) {
    if (name == "1.3-relax") {
        return Profile::v1_3_relax;
    }
    if (name == "1.3") {
        return Profile::v1_3;
    }
    if (name == "1.4") {
        return Profile::v1_4;
    }
    if (name == "1.5") {
        return Profile::v1_5;
    }
    return std::nullopt;
}

std::string_view profile_name(Profile profile) {
    switch (profile) {
    case Profile::v1_3_relax:
        return "1.3-relax";
    case Profile::v1_3:
        return "1.3";
    case Profile::v1_4:
        return "1.4";
    case Profile::v1_5:
        return "1.5";
    }
    return "1.4";
}

const CodeTable &CodeTable::get() {
    static const CodeTable table;
    return table;
}

std::size_t CodeTable::prefix(Prefix p) const {
    if (p.language < 0) {
        return static_cast<std::size_t>(p.field);
    }
    const auto slot = static_cast<std::size_t>(
        std::find(regional_fields.begin(), regional_fields.end(), p.field) -
        regional_fields.begin());
    return field_count + slot * formats::regional_language_codes().size() +
           static_cast<std::size_t>(p.language);
}

CodeTable::CodeTable() {
    std::array<Lists, profile_count> profile_lists;
    for (std::size_t p = 0; p < profile_count; ++p) {
        profile_lists[p] = lists(static_cast<Profile>(p));
    }
    // `key` is what the profile lists hold; `formats` the formats of the code's field (0: none).
    auto push = [&](std::string text, std::string_view key, std::uint8_t row_formats,
                    std::uint8_t profile_formats_of_field) {
        Info info;
        info.text = std::move(text);
        for (std::size_t p = 0; p < profile_count; ++p) {
            const Lists &l = profile_lists[p];
            info.levels[p] = l.errors.count(key) > 0     ? Level::error
                             : l.warnings.count(key) > 0 ? Level::warning
                                                         : Level::info;
            info.in_rows[p] = row_formats == 0 || (row_formats & profile_formats[p]) != 0;
            info.in_profile[p] = profile_formats_of_field == 0 ||
                                 (profile_formats_of_field & profile_formats[p]) != 0;
        }
        codes_.push_back(std::move(info));
    };
    const auto languages = formats::regional_language_codes();
    const std::size_t prefixes = field_count + regional_fields.size() * languages.size();
    codes_.reserve(prefixes * field_error_count + field_count + row_code_count + global_code_count);
    for (std::size_t i = 0; i < prefixes; ++i) {
        Field field = static_cast<Field>(i);
        std::string column;
        std::string base;
        if (i < field_count) {
            column = std::string(fields[i].name);
            base = column;
        } else {
            const std::size_t k = i - field_count;
            field = regional_fields[k / languages.size()];
            base = std::string(schema(field).name) + "_@@";
            column = std::string(schema(field).name) + "_" +
                     std::string(languages[k % languages.size()]);
        }
        const std::uint8_t formats = schema(field).formats;
        for (std::string_view error : field_error_names) {
            const std::string key = base + "." + std::string(error);
            push(column + "." + std::string(error), key, i < field_count ? formats : 0, formats);
        }
    }
    missing_base_ = static_cast<CodeId>(codes_.size());
    for (const FieldSchema &f : fields) {
        const std::string text = "field." + std::string(f.name) + ".missing";
        push(text, text, 0, f.formats);
    }
    row_base_ = static_cast<CodeId>(codes_.size());
    for (std::string_view c : row_code_names) {
        push(std::string(c), c, 0, 0);
    }
    global_base_ = static_cast<CodeId>(codes_.size());
    for (std::string_view c : global_code_names) {
        push(std::string(c), c, 0, 0);
    }
}

} // namespace adressage::validator::detail
