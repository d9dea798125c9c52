#include "adressage/validator/adressage_checks.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <deque>
#include <limits>
#include <unordered_map>

#include "adressage/names/grouping_key.hpp"
#include "adressage/names/voie_vocabulary.hpp"
#include "adressage_alerts.hpp"
#include "adressage_codes.hpp"
#include "adressage_cross_checks.hpp"
#include "adressage_interner.hpp"
#include "adressage_row_facts.hpp"
#include "js_text.hpp"
#include "string_hash.hpp"
#include "voie_nom_style.hpp"

namespace adressage::validator {

using detail::bit;
using detail::ExtraCode;
using detail::ExtraCodes;
using detail::Interner;
using detail::no_numero;
using detail::RowFacts;
using detail::SuffixStyle;
using detail::toponym_numero;

namespace {

// A voie: its name's grouping key within its commune and commune déléguée.
struct VoieKey {
    std::uint32_t commune, deleguee, name;
    friend bool operator==(const VoieKey &, const VoieKey &) = default;
};
struct VoieKeyHash {
    std::size_t operator()(const VoieKey &k) const noexcept {
        const std::uint64_t a = (std::uint64_t{k.commune} << 32) | k.deleguee;
        return std::hash<std::uint64_t>{}(a * 0x9E3779B97F4A7C15ULL ^ k.name);
    }
};

// "A", "b": a letter; "bis", "ter", "quater"...: a repetition index; anything else: neither.
SuffixStyle suffix_style(std::string_view lower) {
    if (lower.size() == 1 && lower[0] >= 'a' && lower[0] <= 'z') {
        return SuffixStyle::letter;
    }
    static constexpr std::string_view repetitions[] = {
        "bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "nonies", "decies"};
    for (std::string_view r : repetitions) {
        if (lower == r) {
            return SuffixStyle::repetition;
        }
    }
    return SuffixStyle::none;
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char &c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

// Digits only, as the official numero: its value; otherwise no_numero.
std::uint32_t parse_numero(std::string_view v) {
    if (v.empty() || v.size() > 6) {
        return no_numero;
    }
    std::uint32_t n = 0;
    for (char c : v) {
        if (c < '0' || c > '9') {
            return no_numero;
        }
        n = n * 10 + static_cast<std::uint32_t>(c - '0');
    }
    return n;
}

// js_trim, with a shortcut for the common value that starts and ends with a visible ASCII
// character.
std::string_view trim(std::string_view v) {
    const auto visible = [](char c) { return c > ' ' && c < 0x7F; };
    if (v.empty() || (visible(v.front()) && visible(v.back()))) {
        return v;
    }
    return detail::js_trim(v);
}

// The voie part of cle_interop (its 2nd part), when it is a real 4-character code.
std::string_view voie_code(std::string_view cle) {
    const std::size_t first = cle.find('_');
    if (first == std::string_view::npos) {
        return {};
    }
    const std::size_t second = cle.find('_', first + 1);
    if (second == std::string_view::npos) {
        return {};
    }
    const std::string_view code = cle.substr(first + 1, second - first - 1);
    if (code.size() != 4 || code == "0000" || code == "xxxx" || code == "XXXX") {
        return {};
    }
    return code;
}

// An x or y cell as a number; NaN when it is not one. Floats keep a metre of precision at the
// size of projected coordinates (7,200,000 m: 0.5 m), enough for a distance of 500 m.
float coordinate(std::string_view v) {
    double d = 0.0;
    const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
    return ec == std::errc() && end == v.data() + v.size()
               ? static_cast<float>(d)
               : std::numeric_limits<float>::quiet_NaN();
}

// A row's cells by column index, trimmed; -1 or a column past the row is an empty cell.
struct Cells {
    std::span<const std::string_view> cells;
    std::string_view operator()(int column) const {
        return column < 0 || static_cast<std::size_t>(column) >= cells.size()
                   ? std::string_view()
                   : trim(cells[static_cast<std::size_t>(column)]);
    }
};

} // namespace

struct AdressageChecks::State {
    int voie_nom = -1;
    int numero = -1;
    int suffixe = -1;
    int position = -1;
    int commune_insee = -1;
    int deleguee_insee = -1;
    int deleguee_nom = -1;
    int cle_interop = -1;
    int x = -1;
    int y = -1;

    const names::VoieVocabulary &vocabulary = names::VoieVocabulary::shipped();

    // Per distinct voie name: its grouping key and its voie_nom codes.
    struct NameFacts {
        std::uint32_t key = 0;
        ExtraCodes codes = 0;
    };
    detail::StringMap<NameFacts> names;
    const std::pair<const std::string, NameFacts> *last_name = nullptr;
    Interner name_keys, communes, deleguees, suffixes, positions, codes;
    std::unordered_map<VoieKey, std::uint32_t, VoieKeyHash> voies;
    VoieKey last_voie{};
    std::uint32_t last_voie_id = 0;

    std::deque<RowFacts> rows; // grows without moving: a million rows are never copied
    detail::ExtraAlerts alerts;

    const NameFacts &name_facts(std::string_view name) {
        if (last_name != nullptr && last_name->first == name) {
            return last_name->second;
        }
        auto it = names.find(name);
        if (it == names.end()) {
            NameFacts facts;
            facts.key = name_keys.id(names::grouping_key(name));
            facts.codes = detail::voie_nom_style(name, vocabulary);
            it = names.emplace(std::string(name), facts).first;
        }
        last_name = &*it;
        return it->second;
    }

    std::uint32_t voie_id(const VoieKey &key) {
        if (last_voie_id != 0 && key == last_voie) {
            return last_voie_id;
        }
        const auto it = voies.try_emplace(key, static_cast<std::uint32_t>(voies.size() + 1)).first;
        last_voie = key;
        last_voie_id = it->second;
        return last_voie_id;
    }

    // "Entrée" is "entrée" (the official position.enum_fuzzy).
    std::uint32_t position_id(std::string_view position) {
        const bool capitals = std::any_of(position.begin(), position.end(),
                                          [](char c) { return c >= 'A' && c <= 'Z'; });
        return positions.id(capitals ? std::string_view(ascii_lower(position)) : position);
    }

    // The voie code of cle_interop, in lower case.
    std::uint32_t code_id(std::string_view cle) {
        const std::string_view code = voie_code(cle);
        char lower_code[4];
        for (std::size_t i = 0; i < code.size(); ++i) {
            const char c = code[i];
            lower_code[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
        }
        return codes.id(std::string_view(lower_code, code.size()));
    }

    void keep_row(std::size_t line, std::uint32_t numero_value, std::uint32_t name_key,
                  const Cells &cell);
};

AdressageChecks::AdressageChecks(const std::vector<std::string> &header)
    : state_(std::make_unique<State>()) {
    State &s = *state_;
    auto find = [&](std::string_view name) {
        const auto it = std::find(header.begin(), header.end(), name);
        return it == header.end() ? -1 : static_cast<int>(it - header.begin());
    };
    s.voie_nom = find("voie_nom");
    if (s.voie_nom < 0) {
        s.voie_nom = find("toponyme");
    }
    s.numero = find("numero");
    s.suffixe = find("suffixe");
    s.position = find("position");
    s.commune_insee = find("commune_insee");
    s.deleguee_insee = find("commune_deleguee_insee");
    s.deleguee_nom = find("commune_deleguee_nom");
    s.cle_interop = find("cle_interop");
    s.x = find("x");
    s.y = find("y");
}

AdressageChecks::~AdressageChecks() = default;
AdressageChecks::AdressageChecks(AdressageChecks &&) noexcept = default;
AdressageChecks &AdressageChecks::operator=(AdressageChecks &&) noexcept = default;

void AdressageChecks::add_row(std::size_t line, std::span<const std::string_view> cells) {
    State &s = *state_;
    const Cells cell{cells};
    const std::uint32_t numero = parse_numero(cell(s.numero));
    if (numero != no_numero && numero > 9999 && numero != toponym_numero) {
        s.alerts.add(line, ExtraCode::numero_superieur_9999);
    }

    const std::string_view name = cell(s.voie_nom);
    if (name.empty()) {
        return; // the voie rules need a voie
    }
    const State::NameFacts &facts = s.name_facts(name);
    for (std::size_t c = 0; c < detail::extra_code_count; ++c) {
        if ((facts.codes & bit(static_cast<ExtraCode>(c))) != 0) {
            s.alerts.add(line, static_cast<ExtraCode>(c));
        }
    }
    s.keep_row(line, numero, facts.key, cell);
}

// What the checks across rows need of the row.
void AdressageChecks::State::keep_row(std::size_t line, std::uint32_t numero_value,
                                      std::uint32_t name_key, const Cells &cell) {
    std::string_view deleguee = cell(deleguee_insee);
    if (deleguee.empty()) {
        deleguee = cell(deleguee_nom);
    }
    RowFacts row{};
    row.line = static_cast<std::uint32_t>(line);
    row.voie = voie_id({communes.id(cell(commune_insee)), deleguees.id(deleguee), name_key});
    row.numero = numero_value;
    const std::string_view suffixe_value = cell(suffixe);
    if (!suffixe_value.empty()) {
        const std::string lower = ascii_lower(suffixe_value);
        row.suffixe = suffixes.id(lower);
        row.style = suffix_style(lower);
    }
    row.position = position_id(cell(position));
    row.code = code_id(cell(cle_interop));
    row.x = coordinate(cell(x));
    row.y = coordinate(cell(y));
    rows.push_back(row);
}

std::vector<ExtraAlert> AdressageChecks::finish() {
    State &s = *state_;
    detail::flag_duplicates(s.rows, s.alerts);
    detail::flag_mixed_suffixes(s.rows, s.voies.size(), s.alerts);
    detail::flag_several_codes(s.rows, s.voies.size(), s.alerts);
    // Facing houses share their projection on the axis: segment positions are not compared.
    detail::flag_too_close(s.rows, s.positions.id("segment"), s.alerts);
    return s.alerts.take_sorted();
}

} // namespace adressage::validator
