#include "adressage/validator/validator.hpp"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <deque>
#include <functional>
#include <optional>
#include <span>
#include <unordered_map>
#include <unordered_set>

#include "adressage/error.hpp"
#include "adressage/formats/bal_schema.hpp"
#include "adressage/validator/adressage_checks.hpp"
#include "adressage/validator/voie_normalize.hpp"
#include "chunk_pipeline.hpp"
#include "codes.hpp"
#include "fields.hpp"
#include "js_text.hpp"
#include "legal_projection.hpp"

namespace adressage::validator {

namespace {

using namespace detail;

constexpr int toponym_number = 99999;
constexpr std::size_t chunk_size = 1024; // rows parsed, then projected together

// A recognised column of the file.
struct Column {
    std::size_t index = 0;
    Field field = Field::cle_interop;
    int language = -1;
    std::size_t prefix = 0;
};

// papaparse renames repeated header names: the second "a" becomes "a_1", and so on.
std::vector<std::string> papaparse_header(const std::vector<std::string> &header) {
    std::unordered_map<std::string, int> count;
    std::unordered_set<std::string> used(header.begin(), header.end());
    std::vector<std::string> out = header;
    for (std::string &name : out) {
        const std::string original = name;
        int &seen = count[original];
        if (seen > 0) {
            int suffix = seen;
            do {
                name = original + "_" + std::to_string(suffix++);
            } while (used.count(name) > 0);
            used.insert(name);
        }
        ++seen;
        used.insert(original);
    }
    return out;
}

// The validator's header matching (lib/validate/fields.ts): exact names, schema order, then
// the regional columns of a field that is present.
struct HeaderMatch {
    std::vector<Column> columns; // in header order
    std::array<bool, field_count> found{};
};

HeaderMatch match_header(const std::vector<std::string> &raw_header) {
    const std::vector<std::string> header = papaparse_header(raw_header);
    const auto languages = formats::regional_language_codes();
    std::vector<bool> taken(header.size(), false);
    HeaderMatch match;
    auto claim = [&](std::string_view name, Field field, int language) {
        for (std::size_t i = 0; i < header.size(); ++i) {
            if (!taken[i] && header[i] == name) {
                taken[i] = true;
                match.columns.push_back(
                    {i, field, language, CodeTable::get().prefix({field, language})});
                return true;
            }
        }
        return false;
    };
    for (std::size_t f = 0; f < field_count; ++f) {
        const Field field = static_cast<Field>(f);
        const FieldSchema &s = schema(field);
        match.found[f] = claim(s.name, field, -1);
        if (match.found[f] && s.regional) {
            for (std::size_t l = 0; l < languages.size(); ++l) {
                claim(std::string(s.name) + "_" + std::string(languages[l]), field,
                      static_cast<int>(l));
            }
        }
    }
    std::sort(match.columns.begin(), match.columns.end(),
              [](const Column &a, const Column &b) { return a.index < b.index; });
    return match;
}

std::string local_today() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    localtime_r(&now, &tm);
    char buffer[16];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &tm);
    return buffer;
}

// The check of a text value, kept per distinct raw value of its column.
struct NameEntry {
    FieldErrors errors;
    bool parsed = false;
    std::string value;      // the parsed value
    std::string normalized; // normalize(value): voie names and lieux-dits only
};
using NameCache = std::unordered_map<std::string, NameEntry, StringHash, std::equal_to<>>;

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

// One row's parsed values, as far as the row rules need them.
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

// What the cross-row rules need of a row; the values stay in the table or the caches.
struct Facts {
    std::string_view id_toponyme, id_adresse;
    std::string_view code_voie; // as written in cle_interop
    std::string_view suffixe;
    std::string_view deleguee; // trimmed, not yet in upper case
    const NameEntry *voie = nullptr;
    const NameEntry *lieudit = nullptr;
    int numero = -1;
    bool has_code_voie = false;
    bool has_suffixe = false;
    bool has_deleguee = false;
    // An absent id is null when uid_adresse was read, undefined otherwise: two values for the
    // validator's sets.
    bool uid_read = false;
};

enum CrossFlag : std::uint8_t {
    cog_no_match = 1,
    voie_names_differ = 2,
    toponyme_ids_differ = 4,
    adresses_differ = 8,
    adresse_ids_differ = 16,
    lieudit_not_declared = 32,
};

// Where the rows come from: a streaming reader or a table in memory. The cells must stay
// valid until the run ends (the cross-row rules keep views of some of them).
struct RowSource {
    const std::vector<std::string> &header;
    const std::string &encoding;
    char delimiter;
    const std::string &linebreak;
    std::function<bool(formats::BalReadRow &)> next;
    std::function<const std::vector<formats::BalParseError> &()> errors;
};

class Run {
  public:
    Run(RowSource source, const Options &options)
        : source_(std::move(source)), options_(options), codes_(CodeTable::get()),
          cog_(options.communes), today_(options.today.empty() ? local_today() : options.today) {}

    Report run();

  private:
    void parse_row(std::span<const std::string_view> row, RowState &s, std::vector<CodeId> &errors);
    void parse_value(const Column &c, std::string_view raw, RowState &s, FieldErrors &errors);
    const NameEntry &name_entry(std::size_t column, const Column &c, std::string_view raw);
    void row_rules(const RowState &s, std::vector<CodeId> &errors) const;
    void collect(const RowState &s);
    void cross_rows();
    std::string voie_key(const Facts &f) const;
    std::string numero_key(const Facts &f) const;

    RowSource source_;
    const Options &options_;
    const CodeTable &codes_;
    CogIndex cog_;
    std::string today_;
    std::vector<Column> columns_;
    // By position in columns_: every distinct value, and the last one seen.
    std::vector<NameCache> caches_;
    std::vector<const std::pair<const std::string, NameEntry> *> last_;
    // Every row's errors before the cross-row rules, flattened.
    std::vector<CodeId> errors_;
    std::deque<std::size_t> offsets_;
    std::deque<std::size_t> lines_; // the file line of each row
    std::deque<Facts> facts_;       // grows without moving: a million rows are never copied
    std::deque<std::uint8_t> cross_;
    std::vector<CodeId> global_errors_;
    // Gathered row by row for the cross-row rules.
    std::size_t complete_ids_ = 0; // rows with every BAN id
    std::string_view first_district_;
    bool districts_differ_ = false;
    bool any_toponyme_ = false;
    bool any_adresse_ = false;
    std::unordered_set<std::string_view> declared_; // voie names of the 99999 rows
};

const NameEntry &Run::name_entry(std::size_t column, const Column &c, std::string_view raw) {
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
    const auto it = cache.emplace(std::string(raw), std::move(entry)).first;
    last_[column] = &*it;
    return it->second;
}

void Run::parse_value(const Column &c, std::string_view raw, RowState &s, FieldErrors &errors) {
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
    case Field::id_ban_adresse: {
        if (!is_uuid_v4(v)) {
            errors.add(FieldError::type_invalide);
            break;
        }
        (c.field == Field::id_ban_commune    ? s.id_commune
         : c.field == Field::id_ban_toponyme ? s.id_toponyme
                                             : s.id_adresse) = v;
        break;
    }
    case Field::numero:
        s.numero = check_numero(v, errors);
        break;
    case Field::suffixe:
        s.has_suffixe = check_suffixe(v, errors);
        s.suffixe = v;
        break;
    case Field::commune_insee: {
        InseeCheck insee = check_insee(v, cog_);
        if (!insee.known) {
            errors.add(FieldError::commune_invalide);
            break;
        }
        if (insee.former) {
            errors.add(FieldError::commune_ancienne);
        }
        s.has_commune_insee = true;
        s.commune_insee = std::move(insee.code);
        break;
    }
    case Field::commune_deleguee_insee: {
        InseeCheck insee = check_insee(v, cog_);
        if (!insee.known) {
            errors.add(FieldError::commune_invalide);
        }
        s.has_deleguee = true;
        s.deleguee = std::move(insee.code);
        s.deleguee_raw = v;
        break;
    }
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

void Run::parse_row(std::span<const std::string_view> row, RowState &s,
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
        } else {
            parse_value(c, raw, s, local);
        }
        if (c.language < 0) {
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
                s.insee_columns_have_errors = s.insee_columns_have_errors || found->size > 0;
                break;
            default:
                break;
            }
        }
        for (std::uint8_t i = 0; i < found->size; ++i) {
            errors.push_back(codes_.field_code(c.prefix, found->items[i]));
        }
    }
}

// lib/schema/row.ts, in its order.
void Run::row_rules(const RowState &s, std::vector<CodeId> &errors) const {
    auto add = [&](RowCode code) { errors.push_back(codes_.row(code)); };
    if (s.cle.parsed && s.numero > 0 && s.cle.numero_voie != std::to_string(s.numero)) {
        add(RowCode::incoherence_numero);
    }
    if (!s.cle.parsed && !s.has_commune_insee) {
        add(RowCode::commune_manquante);
    }
    const std::string *code = s.code_commune();
    const formats::CogEntry *commune = code != nullptr ? cog_.current(*code) : nullptr;
    if (commune != nullptr && s.has_commune_nom && s.commune_nom != commune->nom) {
        add(RowCode::commune_nom_invalide);
    }
    const std::string_view voie_key =
        s.voie() != nullptr ? std::string_view(s.voie()->normalized) : std::string_view();
    const std::string_view lieudit_key =
        s.lieudit != nullptr ? std::string_view(s.lieudit->normalized) : std::string_view();
    if (voie_key == lieudit_key) {
        add(RowCode::voie_nom_have_same_lieudit_complement_nom);
    }
    if (s.coordinates_required() && !s.position_raw) {
        add(RowCode::position_manquante);
    }
    if (s.coordinates_required() && (!s.long_raw || !s.lat_raw)) {
        add(RowCode::longlat_vides);
    } else if (s.territory >= 0) {
        if (s.x && s.y && std::hypot(*s.x - s.projected.x, *s.y - s.projected.y) > 10.0) {
            add(RowCode::longlat_xy_incoherents);
        }
    } else if (s.numero != toponym_number) {
        add(RowCode::longlat_invalides);
    }
    if (!s.numero_set() || s.voie() == nullptr) {
        add(RowCode::adresse_incomplete);
    }
    // With no commune_insee column and a cle_interop commune outside the list, the validator
    // itself throws here; such a row gets no chef_lieu alert.
    if (s.has_deleguee && !s.insee_columns_have_errors && commune != nullptr) {
        const auto &former = commune->anciens_codes;
        if (std::find(former.begin(), former.end(), s.deleguee) == former.end() &&
            s.deleguee != *code) {
            add(RowCode::chef_lieu_invalide);
        }
    }
    const bool id_c = !s.id_commune.empty() || !s.uid.commune.empty();
    const bool id_t = !s.id_toponyme.empty() || !s.uid.toponyme.empty();
    const bool id_a = !s.id_adresse.empty() || !s.uid.adresse.empty();
    if (id_c || id_t || id_a) {
        if (!id_c) {
            add(RowCode::lack_of_id_ban);
        }
        if (!id_t) {
            add(RowCode::lack_of_id_ban);
        }
        if (!id_a && s.numero != toponym_number) {
            add(RowCode::lack_of_id_ban);
        }
    }
}

// The cross-row rules' part that needs only the row itself, and what the rest needs of it.
void Run::collect(const RowState &s) {
    const std::string_view id_commune = !s.id_commune.empty() ? s.id_commune : s.uid.commune;
    Facts &f = facts_.emplace_back();
    std::uint8_t &cross = cross_.emplace_back(0);
    f.id_toponyme = !s.id_toponyme.empty() ? s.id_toponyme : s.uid.toponyme;
    f.id_adresse = !s.id_adresse.empty() ? s.id_adresse : s.uid.adresse;
    f.uid_read = s.uid.parsed;
    f.voie = s.voie();
    f.lieudit = s.lieudit;
    f.has_code_voie = s.cle.has_code_voie;
    f.code_voie = s.cle.code_voie;
    f.has_suffixe = s.has_suffixe;
    f.suffixe = s.suffixe;
    f.has_deleguee = s.has_deleguee;
    f.deleguee = s.deleguee_raw;
    f.numero = s.numero;

    const std::string *code = s.code_commune();
    if (!id_commune.empty() && code != nullptr && !options_.ban_commune_ids.empty()) {
        const auto it = options_.ban_commune_ids.find(*code);
        if (it != options_.ban_commune_ids.end() && !it->second.empty() &&
            it->second != id_commune) {
            cross |= cog_no_match;
        }
    }
    if (!id_commune.empty() && !f.id_toponyme.empty() &&
        (!f.id_adresse.empty() || f.numero == toponym_number)) {
        if (complete_ids_++ == 0) {
            first_district_ = id_commune;
        } else if (id_commune != first_district_) {
            districts_differ_ = true;
        }
    }
    any_toponyme_ = any_toponyme_ || !f.id_toponyme.empty();
    any_adresse_ =
        any_adresse_ || ((!f.id_adresse.empty() || f.uid_read) && f.numero != toponym_number);
    if (f.numero == toponym_number && f.voie != nullptr) {
        declared_.insert(f.voie->value);
    }
}

// getVoieIdentifier without the toponyme flag.
std::string Run::voie_key(const Facts &f) const {
    std::string key = f.voie != nullptr ? f.voie->normalized : std::string();
    key += "\n#";
    key += f.has_code_voie ? js_upper(f.code_voie) : std::string("undefined");
    return key;
}

// getNumeroIdentifier, JavaScript's "undefined" included.
std::string Run::numero_key(const Facts &f) const {
    std::string key = f.numero >= 0 ? std::to_string(f.numero) : std::string("undefined");
    key += '#';
    key += f.has_suffixe ? std::string(f.suffixe) : std::string("undefined");
    key += '#';
    if (f.voie != nullptr) {
        key += f.voie->normalized;
    }
    key += '#';
    key += f.has_deleguee ? js_upper(f.deleguee) : std::string("undefined");
    return key;
}

// lib/schema/rows.ts and rows/ban_ids.ts.
void Run::cross_rows() {
    const std::size_t n = facts_.size();
    if (n == 0) {
        global_errors_.push_back(codes_.global(GlobalCode::rows_empty));
    }
    if (complete_ids_ == n) {
        if (districts_differ_) {
            global_errors_.push_back(codes_.global(GlobalCode::rows_multi_id_ban_commune));
        }
    } else if (complete_ids_ > 0) {
        global_errors_.push_back(codes_.global(GlobalCode::rows_every_line_required_id_ban));
    }

    struct Group {
        std::string_view first;
        bool differ = false;
    };
    auto note = [](Group &g, bool fresh, std::string_view value) {
        if (fresh) {
            g.first = value;
        } else if (g.first != value) {
            g.differ = true;
        }
    };

    if (any_toponyme_) {
        std::vector<std::string> voies(n); // getVoieIdentifier(row)
        std::vector<std::string> kinds(n); // getVoieIdentifier(row, true)
        std::unordered_map<std::string_view, Group> by_id;
        std::unordered_map<std::string_view, Group> by_voie;
        for (std::size_t r = 0; r < n; ++r) {
            const Facts &f = facts_[r];
            if (f.id_toponyme.empty()) {
                continue;
            }
            voies[r] = voie_key(f);
            kinds[r] = voies[r] + (f.numero == toponym_number ? "\n#toponyme" : "\n#voie");
            auto [by, fresh] = by_id.try_emplace(f.id_toponyme);
            note(by->second, fresh, voies[r]);
            auto [kind, fresh_kind] = by_voie.try_emplace(kinds[r]);
            note(kind->second, fresh_kind, f.id_toponyme);
        }
        for (std::size_t r = 0; r < n; ++r) {
            const Facts &f = facts_[r];
            if (f.id_toponyme.empty()) {
                continue;
            }
            if (by_id[f.id_toponyme].differ) {
                cross_[r] |= voie_names_differ;
            }
            if (by_voie[kinds[r]].differ) {
                cross_[r] |= toponyme_ids_differ;
            }
        }
    }

    if (any_adresse_) {
        std::vector<std::string> keys(n);
        std::unordered_map<std::string_view, Group> by_id;
        std::unordered_map<std::string_view, Group> by_numero;
        for (std::size_t r = 0; r < n; ++r) {
            const Facts &f = facts_[r];
            if (f.numero == toponym_number) {
                continue;
            }
            keys[r] = numero_key(f);
            if (!f.id_adresse.empty()) {
                auto [g, fresh] = by_id.try_emplace(f.id_adresse);
                note(g->second, fresh, keys[r]);
            }
            auto [g, fresh] = by_numero.try_emplace(keys[r]);
            const std::string_view absent =
                f.uid_read ? std::string_view("\0null", 5) : std::string_view("\0undefined", 10);
            note(g->second, fresh, f.id_adresse.empty() ? absent : f.id_adresse);
        }
        for (std::size_t r = 0; r < n; ++r) {
            const Facts &f = facts_[r];
            if (f.numero == toponym_number) {
                continue;
            }
            if (!f.id_adresse.empty() && by_id[f.id_adresse].differ) {
                cross_[r] |= adresses_differ;
            }
            if (by_numero[keys[r]].differ) {
                cross_[r] |= adresse_ids_differ;
            }
        }
    }

    for (std::size_t r = 0; r < n; ++r) {
        const Facts &f = facts_[r];
        if (f.lieudit != nullptr && declared_.count(f.lieudit->value) == 0) {
            cross_[r] |= lieudit_not_declared;
        }
    }
}

// Over the function-size limit until its split lands (issue 20; see docs/architecture.md).
// NOLINTNEXTLINE(readability-function-size)
Report Run::run() {
    Report report;
    const HeaderMatch header = match_header(source_.header);
    columns_ = header.columns;
    caches_.resize(columns_.size());

    Profile profile = Profile::v1_3;
    if (options_.profile == "auto" || options_.profile.empty()) {
        const auto has = [&](Field f) { return header.found[static_cast<std::size_t>(f)]; };
        if (has(Field::id_ban_commune) && has(Field::id_ban_toponyme) &&
            has(Field::id_ban_adresse)) {
            profile = has(Field::toponyme) ? Profile::v1_5 : Profile::v1_4;
        }
    } else if (const auto chosen = parse_profile(options_.profile)) {
        profile = *chosen;
    } else {
        throw ConfigError("unknown BAL profile '" + options_.profile +
                          "'; use auto, 1.3, 1.3-relax, 1.4 or 1.5");
    }
    report.profile = std::string(profile_name(profile));

    for (std::size_t f = 0; f < field_count; ++f) {
        if (!header.found[f]) {
            global_errors_.push_back(codes_.missing(static_cast<Field>(f)));
        }
    }

    offsets_.push_back(0);
    last_.assign(columns_.size(), nullptr);
    std::optional<AdressageChecks> checks;
    if (options_.adressage_checks) {
        checks.emplace(source_.header);
    }
    // Rows go through in chunks: read ahead on a second thread (where the adressage checks also
    // run), then parsed, projected with one PROJ call per territory, and checked here.
    const std::size_t width = source_.header.size();
    std::vector<RowState> states(chunk_size);
    std::vector<std::vector<CodeId>> chunk_errors(chunk_size);
    {
        // The long/lat columns, for the projection on the reading thread.
        std::optional<std::size_t> lon_column, lat_column;
        for (const Column &c : columns_) {
            if (c.language < 0 && c.field == Field::long_) {
                lon_column = c.index;
            } else if (c.language < 0 && c.field == Field::lat) {
                lat_column = c.index;
            }
        }
        LegalProjector &reading_projector = LegalProjector::of_this_thread();
        std::vector<geo::XY> points;
        std::vector<std::size_t> owners;
        std::vector<int> territories;
        auto coordinate = [](std::string_view raw) -> std::optional<double> {
            const std::string_view v = js_trim(raw);
            FieldErrors ignored;
            return v.empty() ? std::nullopt : check_coordinate(v, ignored);
        };
        auto on_chunk = [&](RowChunk &chunk) {
            const std::span<const std::string_view> cells(chunk.cells);
            if (checks) {
                for (std::size_t i = 0; i < chunk.count; ++i) {
                    checks->add_row(chunk.first + i, cells.subspan(i * width, width));
                }
            }
            chunk.projected.assign(chunk.count, geo::XY{});
            chunk.has_projection.assign(chunk.count, false);
            if (!lon_column || !lat_column) {
                return;
            }
            territories.assign(chunk.count, -1);
            for (std::size_t i = 0; i < chunk.count; ++i) {
                const auto lon = coordinate(cells[i * width + *lon_column]);
                const auto lat = coordinate(cells[i * width + *lat_column]);
                if (lon && lat) {
                    territories[i] = find_territory(*lon, *lat);
                    chunk.projected[i] = {*lon, *lat};
                }
            }
            for (int t = 0; t < static_cast<int>(territory_count); ++t) {
                points.clear();
                owners.clear();
                for (std::size_t i = 0; i < chunk.count; ++i) {
                    if (territories[i] == t) {
                        points.push_back(chunk.projected[i]);
                        owners.push_back(i);
                    }
                }
                if (points.empty()) {
                    continue;
                }
                reading_projector.project(t, points);
                for (std::size_t k = 0; k < points.size(); ++k) {
                    chunk.projected[owners[k]] = points[k];
                    chunk.has_projection[owners[k]] = true;
                }
            }
        };
        ChunkPipeline rows(source_.next, width, chunk_size, on_chunk, options_.read_ahead);
        while (const RowChunk *chunk = rows.next()) {
            const std::span<const std::string_view> cells(chunk->cells);
            const std::size_t count = chunk->count;
            for (std::size_t i = 0; i < count; ++i) {
                lines_.push_back(chunk->lines[i]);
                RowState &s = states[i];
                s = RowState();
                chunk_errors[i].clear();
                parse_row(cells.subspan(i * width, width), s, chunk_errors[i]);
                if (!(s.coordinates_required() && (!s.long_raw || !s.lat_raw)) && s.lon && s.lat) {
                    s.territory = find_territory(*s.lon, *s.lat);
                }
            }
            for (std::size_t i = 0; i < count; ++i) {
                // The same long/lat, territory and projection as the reading thread computed.
                RowState &s = states[i];
                if (s.territory >= 0 && s.x && s.y && chunk->has_projection[i]) {
                    s.projected = chunk->projected[i];
                }
                row_rules(s, chunk_errors[i]);
                errors_.insert(errors_.end(), chunk_errors[i].begin(), chunk_errors[i].end());
                offsets_.push_back(errors_.size());
                collect(states[i]);
            }
        }
    } // the reading thread has ended: the source and the checks are ours again
    const std::vector<formats::BalParseError> &parse_errors = source_.errors();
    if (!parse_errors.empty()) {
        Report broken;
        broken.parse_ok = false;
        broken.parse_errors = parse_errors;
        return broken;
    }
    const std::size_t n = facts_.size();
    report.row_count = n;
    cross_rows();

    if (source_.encoding != "utf-8") {
        global_errors_.push_back(codes_.global(GlobalCode::file_encoding));
    }
    if (source_.delimiter != ';') {
        global_errors_.push_back(codes_.global(GlobalCode::file_delimiter));
    }
    if (source_.linebreak != "\n" && source_.linebreak != "\r\n") {
        global_errors_.push_back(codes_.global(GlobalCode::file_linebreak));
    }

    // Distinct codes: global ones, then row ones in order of appearance (before the profile's
    // filter, which profilErrors applies by field).
    std::vector<bool> seen(codes_.size(), false);
    std::vector<CodeId> distinct;
    auto see = [&](CodeId id) {
        if (!seen[id]) {
            seen[id] = true;
            distinct.push_back(id);
        }
    };
    for (CodeId id : global_errors_) {
        see(id);
    }
    static constexpr std::array<std::pair<CrossFlag, RowCode>, 6> cross_codes = {{
        {cog_no_match, RowCode::cog_no_match_id_ban_commune},
        {voie_names_differ, RowCode::different_voie_nom_with_same_id_ban_toponyme},
        {toponyme_ids_differ, RowCode::different_id_ban_toponyme_with_same_voie_nom},
        {adresses_differ, RowCode::different_adresse_with_same_id_ban_adresse},
        {adresse_ids_differ, RowCode::different_id_ban_adresses_with_same_adresse},
        {lieudit_not_declared, RowCode::lieudit_complement_nom_not_declared},
    }};
    std::vector<CodeId> row_codes;
    for (std::size_t r = 0; r < n; ++r) {
        row_codes.assign(errors_.begin() + static_cast<std::ptrdiff_t>(offsets_[r]),
                         errors_.begin() + static_cast<std::ptrdiff_t>(offsets_[r + 1]));
        for (const auto &[flag, code] : cross_codes) {
            if ((cross_[r] & flag) != 0) {
                row_codes.push_back(codes_.row(code));
            }
        }
        RowAlerts alerts;
        for (CodeId id : row_codes) {
            see(id);
            if (!codes_.kept_in_rows(profile, id)) {
                continue;
            }
            const Level level = codes_.level(profile, id);
            alerts.errors.push_back({codes_.code(id), level});
            (level == Level::error     ? report.alert_counts.errors
             : level == Level::warning ? report.alert_counts.warnings
                                       : report.alert_counts.infos) += 1;
        }
        if (!alerts.errors.empty()) {
            alerts.line = r;
            alerts.file_line = lines_[r];
            report.rows.push_back(std::move(alerts));
        }
    }
    if (checks) {
        for (const ExtraAlert &a : checks->finish()) {
            if (report.adressage_rows.empty() || report.adressage_rows.back().line != a.line) {
                report.adressage_rows.push_back({a.line, lines_[a.line], {}});
            }
            report.adressage_rows.back().errors.push_back({a.code, a.level});
            (a.level == Level::warning ? report.adressage_counts.warnings
                                       : report.adressage_counts.infos) += 1;
        }
    }
    for (CodeId id : distinct) {
        if (codes_.kept_in_profile(profile, id)) {
            const Level level = codes_.level(profile, id);
            report.profil_errors.push_back({codes_.code(id), level});
            report.blocked = report.blocked || level == Level::error;
        }
    }
    return report;
}

} // namespace

Report validate(const formats::BalTable &table, const Options &options) {
    if (!table.parse_ok()) {
        Report report;
        report.parse_ok = false;
        report.parse_errors = table.errors;
        return report;
    }
    std::size_t next_row = 0;
    std::vector<std::string_view> cells;
    RowSource source{
        .header = table.header,
        .encoding = table.encoding,
        .delimiter = table.delimiter,
        .linebreak = table.linebreak,
        .next =
            [&](formats::BalReadRow &row) {
                if (next_row == table.rows.size()) {
                    return false;
                }
                cells.assign(table.rows[next_row].begin(), table.rows[next_row].end());
                row = {next_row, table.row_lines.empty() ? 0 : table.row_lines[next_row], cells};
                ++next_row;
                return true;
            },
        .errors = [&]() -> const std::vector<formats::BalParseError> & { return table.errors; }};
    return Run(std::move(source), options).run();
}

Report validate(formats::BalReader &reader, const Options &options) {
    RowSource source{
        .header = reader.header(),
        .encoding = reader.encoding(),
        .delimiter = reader.delimiter(),
        .linebreak = reader.linebreak(),
        .next = [&](formats::BalReadRow &row) { return reader.next(row); },
        .errors = [&]() -> const std::vector<formats::BalParseError> & { return reader.errors(); }};
    return Run(std::move(source), options).run();
}

bool is_known_profile(std::string_view profile) { return parse_profile(profile).has_value(); }

} // namespace adressage::validator
