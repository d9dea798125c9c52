#include "field_parser.hpp"

#include "adressage/validator/voie_normalize.hpp"
#include "js_text.hpp"

namespace adressage::validator::detail {

namespace {

// The columns whose values are checked once per distinct value.
bool cached(const Column &c) {
    if (c.language >= 0) {
        return true;
    }
    switch (c.field) {
    case Field::voie_nom:
    case Field::toponyme:
    case Field::lieudit_complement_nom:
    case Field::commune_nom:
    case Field::position:
        return true;
    default:
        return false;
    }
}

// The checks of a cached column's value, trimmed and not empty.
void check_name(const Column &c, std::string_view v, NameEntry &entry) {
    switch (c.field) {
    case Field::voie_nom:
    case Field::toponyme:
        if (auto name = check_voie_nom(v, entry.errors)) {
            entry.parsed = true;
            entry.value = std::move(*name);
        }
        break;
    case Field::commune_nom:
        check_commune_nom(v, entry.errors);
        entry.parsed = true;
        entry.value = std::string(v);
        break;
    case Field::position:
        check_position(v, entry.errors);
        break;
    default:
        entry.parsed = true;
        entry.value = std::string(v);
        break;
    }
    const bool names_voie = c.field == Field::voie_nom || c.field == Field::toponyme ||
                            c.field == Field::lieudit_complement_nom;
    if (entry.parsed && names_voie && c.language < 0) {
        entry.normalized = normalize_voie_nom(entry.value);
    }
}

// What the row rules need of a cached column: the parsed names.
void keep_name(const Column &c, const NameEntry &entry, RowState &s) {
    switch (c.field) {
    case Field::voie_nom:
        s.voie_nom = entry.parsed ? &entry : nullptr;
        break;
    case Field::toponyme:
        s.toponyme = entry.parsed ? &entry : nullptr;
        break;
    case Field::lieudit_complement_nom:
        s.lieudit = entry.parsed ? &entry : nullptr;
        break;
    case Field::commune_nom:
        s.has_commune_nom = entry.parsed;
        s.commune_nom = entry.value;
        break;
    default:
        break;
    }
}

// What the row rules need of any column beyond its parsed value: whether some cells were
// written at all, and whether the INSEE columns had errors.
void note_cell(const Column &c, std::string_view raw, const FieldErrors &errors, RowState &s) {
    switch (c.field) {
    case Field::position:
        s.position_raw = !raw.empty();
        break;
    case Field::long_:
        s.long_raw = !raw.empty();
        break;
    case Field::lat:
        s.lat_raw = !raw.empty();
        break;
    case Field::commune_insee:
    case Field::commune_deleguee_insee:
        s.insee_columns_have_errors = s.insee_columns_have_errors || errors.size > 0;
        break;
    default:
        break;
    }
}

} // namespace

FieldParser::FieldParser(std::vector<Column> columns, const CodeTable &codes, CogIndex &cog,
                         std::string today)
    : columns_(std::move(columns)), codes_(codes), cog_(cog), today_(std::move(today)),
      caches_(columns_.size()), last_(columns_.size(), nullptr) {}

const NameEntry &FieldParser::name_entry(std::size_t column, const Column &c,
                                         std::string_view raw) {
    if (last_[column] != nullptr && last_[column]->first == raw) {
        return last_[column]->second;
    }
    NameCache &cache = caches_[column];
    if (const auto it = cache.find(raw); it != cache.end()) {
        last_[column] = &*it;
        return it->second;
    }
    NameEntry entry;
    const std::string_view v = js_trim(raw);
    if (v.size() != raw.size()) {
        entry.errors.add(FieldError::espaces_debut_fin);
    }
    if (v.empty()) {
        if (schema(c.field).required && c.language < 0) {
            entry.errors.add(FieldError::valeur_manquante);
        }
    } else {
        check_name(c, v, entry);
    }
    const auto it = cache.emplace(std::string(raw), std::move(entry)).first;
    last_[column] = &*it;
    return it->second;
}

void FieldParser::parse_ban_id(Field field, std::string_view v, RowState &s, FieldErrors &errors) {
    if (!is_uuid_v4(v)) {
        errors.add(FieldError::type_invalide);
        return;
    }
    (field == Field::id_ban_commune    ? s.id_commune
     : field == Field::id_ban_toponyme ? s.id_toponyme
                                       : s.id_adresse) = v;
}

void FieldParser::parse_commune_insee(std::string_view v, RowState &s, FieldErrors &errors) {
    InseeCheck insee = check_insee(v, cog_);
    if (!insee.known) {
        errors.add(FieldError::commune_invalide);
        return;
    }
    if (insee.former) {
        errors.add(FieldError::commune_ancienne);
    }
    s.has_commune_insee = true;
    s.commune_insee = std::move(insee.code);
}

void FieldParser::parse_deleguee_insee(std::string_view v, RowState &s, FieldErrors &errors) {
    InseeCheck insee = check_insee(v, cog_);
    if (!insee.known) {
        errors.add(FieldError::commune_invalide);
    }
    s.has_deleguee = true;
    s.deleguee = std::move(insee.code);
    s.deleguee_raw = v;
}

void FieldParser::parse_value(const Column &c, std::string_view raw, RowState &s,
                              FieldErrors &errors) {
    const std::string_view v = js_trim(raw);
    if (v.size() != raw.size()) {
        errors.add(FieldError::espaces_debut_fin);
    }
    if (v.empty()) {
        if (schema(c.field).required) {
            errors.add(FieldError::valeur_manquante);
        }
        return;
    }
    switch (c.field) {
    case Field::cle_interop:
        check_cle_interop(v, cog_, errors, s.cle);
        break;
    case Field::uid_adresse:
        check_uid_adresse(v, errors, s.uid);
        break;
    case Field::id_ban_commune:
    case Field::id_ban_toponyme:
    case Field::id_ban_adresse:
        parse_ban_id(c.field, v, s, errors);
        break;
    case Field::numero:
        s.numero = check_numero(v, errors);
        break;
    case Field::suffixe:
        s.has_suffixe = check_suffixe(v, errors);
        s.suffixe = v;
        break;
    case Field::commune_insee:
        parse_commune_insee(v, s, errors);
        break;
    case Field::commune_deleguee_insee:
        parse_deleguee_insee(v, s, errors);
        break;
    case Field::x:
        s.x = check_coordinate(v, errors);
        break;
    case Field::y:
        s.y = check_coordinate(v, errors);
        break;
    case Field::long_:
        s.lon = check_coordinate(v, errors);
        break;
    case Field::lat:
        s.lat = check_coordinate(v, errors);
        break;
    case Field::cad_parcelles:
        check_cad_parcelles(v, errors);
        break;
    case Field::date_der_maj:
        check_date_der_maj(v, today_, errors);
        break;
    case Field::certification_commune:
        check_certification(v, errors);
        break;
    default: // source, commune_deleguee_nom: no check beyond the spaces
        break;
    }
}

void FieldParser::parse_row(std::span<const std::string_view> row, RowState &s,
                            std::vector<CodeId> &errors) {
    for (std::size_t k = 0; k < columns_.size(); ++k) {
        const Column &c = columns_[k];
        const std::string_view raw = c.index < row.size() ? row[c.index] : std::string_view();
        FieldErrors local;
        const FieldErrors *found = &local;
        if (cached(c)) {
            const NameEntry &entry = name_entry(k, c, raw);
            found = &entry.errors;
            if (c.language < 0) {
                keep_name(c, entry, s);
            }
        } else {
            parse_value(c, raw, s, local);
        }
        if (c.language < 0) {
            note_cell(c, raw, *found, s);
        }
        for (std::uint8_t i = 0; i < found->size; ++i) {
            errors.push_back(codes_.field_code(c.prefix, found->items[i]));
        }
    }
}

} // namespace adressage::validator::detail
