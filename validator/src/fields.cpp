#include "fields.hpp"

#include <algorithm>
#include <charconv>

#include "js_text.hpp"

namespace adressage::validator::detail {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), is_digit);
}

bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// ^-?(0|[1-9]\d*)(<sep>\d+)?\d?$
bool float_like(std::string_view s, char sep) {
    std::size_t i = 0;
    if (i < s.size() && s[i] == '-') {
        ++i;
    }
    if (i >= s.size() || !is_digit(s[i])) {
        return false;
    }
    if (s[i++] != '0') {
        while (i < s.size() && is_digit(s[i])) {
            ++i;
        }
    }
    const std::string_view rest = s.substr(i);
    if (rest.empty()) {
        return true;
    }
    if (rest[0] == sep) {
        return all_digits(rest.substr(1));
    }
    return rest.size() == 1 && is_digit(rest[0]); // the final \d? after a lone 0
}

// The suffixe's allowed letters besides ASCII letters, digits and spaces.
bool is_suffix_letter(char32_t c) {
    if (c < 0x80) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
    if (c == 0x178) {
        return true; // Ÿ
    }
    if (c < 0xC0 || c > 0xFF) {
        return false;
    }
    // Not Ð × Ø Þ ß ð ÷ ø þ.
    return c != 0xD0 && c != 0xD7 && c != 0xD8 && c != 0xDE && c != 0xDF && c != 0xF0 &&
           c != 0xF7 && c != 0xF8 && c != 0xFE;
}

// The position values of the specification, by their deburred, lower-case, spaced form.
struct PositionValue {
    std::string_view key;
    std::string_view value;
};
constexpr std::array<PositionValue, 8> position_values = {{
    {"entree", "entrée"},
    {"batiment", "bâtiment"},
    {"cage d escalier", "cage d’escalier"},
    {"logement", "logement"},
    {"service technique", "service technique"},
    {"delivrance postale", "délivrance postale"},
    {"parcelle", "parcelle"},
    {"segment", "segment"},
}};

bool is_leap(int year) { return year % 400 == 0 || (year % 4 == 0 && year % 100 != 0); }

int days_in_month(int year, int month) {
    static constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : days[static_cast<std::size_t>(month - 1)];
}

int to_int(std::string_view digits) {
    int n = 0;
    for (char c : digits) {
        n = n * 10 + (c - '0');
    }
    return n;
}

} // namespace

CogIndex::Status CogIndex::status(std::string_view code) {
    if (!has_last_ || code != last_code_) {
        last_code_ = code;
        last_status_ = {current(code), is_former(code)};
        has_last_ = true;
    }
    return last_status_;
}

bool is_uuid_v4(std::string_view v) {
    if (v.size() != 36) {
        return false;
    }
    for (std::size_t i = 0; i < v.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? v[i] != '-' : !is_hex(v[i])) {
            return false;
        }
    }
    const char variant = v[19];
    return v[14] == '4' && (variant == '8' || variant == '9' || variant == 'a' || variant == 'b' ||
                            variant == 'A' || variant == 'B');
}

void check_cle_interop(std::string_view v, CogIndex &cog, FieldErrors &errors, CleInterop &out) {
    if (!lower_unchanged(v)) {
        errors.add(FieldError::casse_invalide);
    }
    std::array<std::string_view, 3> parts{};
    std::size_t count = 0;
    bool empty_part = false;
    for (std::size_t start = 0;;) {
        const std::size_t end = v.find('_', start);
        const std::string_view part = v.substr(start, end - start);
        empty_part = empty_part || part.empty();
        if (count < parts.size()) {
            parts[count] = part;
        }
        ++count;
        if (end == std::string_view::npos) {
            break;
        }
        start = end + 1;
    }
    if (count < 3 || empty_part) {
        errors.add(FieldError::structure_invalide);
        return;
    }
    out.code_commune = js_upper(parts[0]);
    const CogIndex::Status commune = cog.status(out.code_commune);
    if (commune.current == nullptr && !commune.former) {
        errors.add(FieldError::commune_invalide);
    } else if (commune.former) {
        errors.add(FieldError::commune_ancienne);
    }
    const std::string_view voie = parts[1];
    bool voie_error = true;
    if (utf16_length(voie) != 4) {
        errors.add(FieldError::voie_invalide);
    } else if (voie == "0000" ||
               (voie.size() == 4 && std::all_of(voie.begin(), voie.end(),
                                                [](char c) { return c == 'x' || c == 'X'; }))) {
        errors.add(FieldError::voie_non_renseignee);
    } else {
        voie_error = false;
    }
    const std::string_view numero = parts[2];
    if (!all_digits(numero)) {
        errors.add(FieldError::numero_invalide);
        return;
    }
    if (numero.size() != 5) {
        errors.add(FieldError::numero_prefixe_manquant);
    }
    out.parsed = true;
    out.additional = true;
    out.has_code_voie = !voie_error;
    out.code_voie = voie;
    out.numero_voie = numero.substr(std::min(numero.find_first_not_of('0'), numero.size()));
}

void check_uid_adresse(std::string_view v, FieldErrors &errors, UidIds &out) {
    // The first "@<tag>:" followed by non-spaces, case-insensitive: what follows up to a space.
    auto token = [&](char tag) -> std::string_view {
        for (std::size_t i = 0; i + 3 < v.size(); ++i) {
            if (v[i] != '@' || (v[i + 1] != tag && v[i + 1] != tag - 'a' + 'A') ||
                v[i + 2] != ':') {
                continue;
            }
            std::size_t end = i + 3;
            while (end < v.size()) {
                std::size_t next = end;
                if (is_js_space(next_code_point(v, next))) {
                    break;
                }
                end = next;
            }
            if (end > i + 3) {
                return v.substr(i + 3, end - i - 3);
            }
        }
        return {};
    };
    const std::string_view commune = token('c');
    const std::string_view toponyme = token('v');
    const std::string_view adresse = token('a');
    if ((!commune.empty() && !is_uuid_v4(commune)) ||
        (!toponyme.empty() && !is_uuid_v4(toponyme)) ||
        (!adresse.empty() && !is_uuid_v4(adresse))) {
        errors.add(FieldError::type_invalide);
        return;
    }
    out = {true, commune, toponyme, adresse};
}

std::optional<std::string> check_voie_nom(std::string_view v, FieldErrors &errors) {
    const std::size_t length = utf16_length(v);
    if (length < 3) {
        errors.add(FieldError::trop_court);
        return std::nullopt;
    }
    if (length > 200) {
        errors.add(FieldError::trop_long);
        return std::nullopt;
    }
    if (v.find("\xEF\xBF\xBD") != std::string_view::npos) { // U+FFFD
        errors.add(FieldError::caractere_invalide);
        return std::nullopt;
    }
    std::string name(v);
    if (name.find('_') != std::string::npos) {
        errors.add(FieldError::contient_tiret_bas);
        std::replace(name.begin(), name.end(), '_', ' ');
    }
    if (upper_unchanged(name)) {
        errors.add(FieldError::casse_incorrecte);
    }
    return name;
}

int check_numero(std::string_view v, FieldErrors &errors) {
    if (!all_digits(v)) {
        errors.add(FieldError::type_invalide);
        return -1;
    }
    const std::string_view significant = v.substr(std::min(v.find_first_not_of('0'), v.size()));
    if (significant.size() > 5) {
        errors.add(FieldError::trop_grand);
        return -1;
    }
    const int n = to_int(significant);
    if (n == 0) {
        errors.add(FieldError::not_to_be_zero);
    } else if (v[0] == '0') {
        errors.add(FieldError::contient_prefixe);
    }
    return n;
}

bool check_suffixe(std::string_view v, FieldErrors &errors) {
    const char first = v[0];
    if (!is_digit(first) && !(first >= 'a' && first <= 'z') && !(first >= 'A' && first <= 'Z')) {
        errors.add(FieldError::debut_invalide);
        return false;
    }
    if (utf16_length(v) > 9) {
        errors.add(FieldError::trop_long);
        return false;
    }
    for (std::size_t i = 0; i < v.size();) {
        const char32_t c = next_code_point(v, i);
        if (!is_suffix_letter(c) && !is_js_space(c)) {
            errors.add(FieldError::caractere_invalide);
            break;
        }
    }
    return true;
}

InseeCheck check_insee(std::string_view v, CogIndex &cog) {
    InseeCheck out;
    out.code = js_upper(v);
    const CogIndex::Status status = cog.status(out.code);
    out.former = status.former;
    out.known = status.former || status.current != nullptr;
    return out;
}

void check_commune_nom(std::string_view v, FieldErrors &errors) {
    if (lower_unchanged(v)) {
        errors.add(FieldError::casse_incorrecte);
    }
    if (upper_unchanged(v)) {
        errors.add(FieldError::casse_incorrecte);
    }
}

void check_position(std::string_view v, FieldErrors &errors) {
    const std::string value = nfc(v);
    const std::string plain = deburr(value);
    // \W+ → ' ' (every non-ASCII code unit is \W), trim, lower case.
    std::string key;
    bool gap = false;
    for (char c : plain) {
        const bool word =
            is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        if (!word) {
            gap = true;
            continue;
        }
        if (gap && !key.empty()) {
            key.push_back(' ');
        }
        gap = false;
        key.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
    for (const PositionValue &p : position_values) {
        if (key == p.key) {
            if (value != p.value) {
                errors.add(FieldError::enum_fuzzy);
            }
            return;
        }
    }
    errors.add(FieldError::valeur_invalide);
}

std::optional<double> check_coordinate(std::string_view v, FieldErrors &errors) {
    double value = 0;
    if (float_like(v, '.')) {
        std::from_chars(v.data(), v.data() + v.size(), value);
        return value;
    }
    if (!float_like(v, ',')) {
        errors.add(FieldError::valeur_invalide);
        return std::nullopt;
    }
    errors.add(FieldError::separateur_decimal_invalide);
    std::string text(v);
    std::replace(text.begin(), text.end(), ',', '.');
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

void check_cad_parcelles(std::string_view v, FieldErrors &errors) {
    const std::size_t begin = v.find_first_not_of('|');
    const std::string_view inner = begin == std::string_view::npos
                                       ? std::string_view()
                                       : v.substr(begin, v.find_last_not_of('|') - begin + 1);
    if (inner.size() != v.size()) {
        errors.add(FieldError::pipe_debut_fin);
    }
    if (inner.empty()) {
        errors.add(FieldError::valeur_invalide);
        return;
    }
    for (std::size_t start = 0;;) {
        const std::size_t end = inner.find('|', start);
        const std::size_t length = utf16_length(inner.substr(start, end - start));
        if (length != 14 && length != 15) {
            errors.add(FieldError::valeur_invalide);
            return;
        }
        if (end == std::string_view::npos) {
            return;
        }
        start = end + 1;
    }
}

void check_date_der_maj(std::string_view v, std::string_view today, FieldErrors &errors) {
    const bool shape = v.size() == 10 && v[4] == '-' && v[7] == '-' && all_digits(v.substr(0, 4)) &&
                       all_digits(v.substr(5, 2)) && all_digits(v.substr(8, 2));
    if (!shape) {
        errors.add(FieldError::date_invalide);
        return;
    }
    const int year = to_int(v.substr(0, 4));
    const int month = to_int(v.substr(5, 2));
    const int day = to_int(v.substr(8, 2));
    if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) {
        errors.add(FieldError::date_invalide);
        return;
    }
    // Same-shape dates compare as strings.
    if (v < "2010-01-01") {
        errors.add(FieldError::date_ancienne);
    }
    if (v > today) {
        errors.add(FieldError::date_future);
    }
}

void check_certification(std::string_view v, FieldErrors &errors) {
    if (v != "1" && v != "0") {
        errors.add(FieldError::valeur_invalide);
    }
}

} // namespace adressage::validator::detail
