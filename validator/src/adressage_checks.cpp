#include "adressage/validator/adressage_checks.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <deque>
#include <limits>
#include <tuple>
#include <unordered_map>

#include "adressage/names/grouping_key.hpp"
#include "adressage/names/voie_vocabulary.hpp"
#include "adressage_codes.hpp"
#include "js_text.hpp"
#include "voie_nom_style.hpp"

namespace adressage::validator {

using detail::bit;
using detail::ExtraCode;
using detail::ExtraCodes;

namespace {

constexpr std::uint32_t no_numero = std::numeric_limits<std::uint32_t>::max();
constexpr std::uint32_t toponym_numero = 99999;

struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
        return std::hash<std::string_view>{}(s);
    }
};
template <typename Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;

// Distinct values as small numbers; 0 is the empty value. Consecutive rows often repeat a value:
// the last one is checked first.
class Interner {
  public:
    std::uint32_t id(std::string_view value) {
        if (value.empty()) {
            return 0;
        }
        if (last_ != nullptr && last_->first == value) {
            return last_->second;
        }
        auto it = ids_.find(value);
        if (it == ids_.end()) {
            it =
                ids_.emplace(std::string(value), static_cast<std::uint32_t>(ids_.size() + 1)).first;
        }
        last_ = &*it;
        return it->second;
    }

  private:
    StringMap<std::uint32_t> ids_;
    const std::pair<const std::string, std::uint32_t> *last_ = nullptr;
};

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

enum class SuffixStyle : std::uint8_t { none, letter, repetition };

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

// The codes in the order of their names, so that alerts sort as (line, code) by number.
const std::array<std::uint8_t, detail::extra_code_count> &code_rank() {
    static const std::array<std::uint8_t, detail::extra_code_count> rank = [] {
        std::array<ExtraCode, detail::extra_code_count> codes{};
        for (std::size_t c = 0; c < codes.size(); ++c) {
            codes[c] = static_cast<ExtraCode>(c);
        }
        std::sort(codes.begin(), codes.end(), [](ExtraCode a, ExtraCode b) {
            return detail::info(a).code < detail::info(b).code;
        });
        std::array<std::uint8_t, detail::extra_code_count> out{};
        for (std::size_t r = 0; r < codes.size(); ++r) {
            out[static_cast<std::size_t>(codes[r])] = static_cast<std::uint8_t>(r);
        }
        return out;
    }();
    return rank;
}

ExtraCode code_of_rank(std::uint8_t rank) {
    const auto &ranks = code_rank();
    return static_cast<ExtraCode>(std::find(ranks.begin(), ranks.end(), rank) - ranks.begin());
}

// What a row leaves for the checks across rows: 48 bytes.
struct RowFacts {
    std::uint32_t line;
    std::uint32_t voie; // 1-based
    std::uint32_t numero;
    std::uint32_t suffixe;  // interned, lower case
    std::uint32_t position; // interned
    std::uint32_t code;     // interned voie code, 0: none
    double x, y;            // projected metres (x/y columns); NaN when not a number
    SuffixStyle style;
};

// An x or y cell as a number; NaN when it is not one. Floats keep a metre of precision at the
// size of projected coordinates (7,200,000 m: 0.5 m), enough for a distance of 500 m.
float coordinate(std::string_view v) {
    double d = 0.0;
    const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
    return ec == std::errc() && end == v.data() + v.size()
               ? static_cast<float>(d)
               : std::numeric_limits<float>::quiet_NaN();
}

// Which of two styles or codes a voie uses least: the smaller count, or on a tie the one met
// later in the file.
struct Usage {
    std::uint32_t count = 0;
    std::uint32_t first_line = 0;
    bool more_than(const Usage &other) const {
        return count != other.count ? count > other.count : first_line < other.first_line;
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
    StringMap<NameFacts> names;
    const std::pair<const std::string, NameFacts> *last_name = nullptr;
    Interner name_keys, communes, deleguees, suffixes, positions, codes;
    std::unordered_map<VoieKey, std::uint32_t, VoieKeyHash> voies;
    VoieKey last_voie{};
    std::uint32_t last_voie_id = 0;

    std::deque<RowFacts> rows;         // grows without moving: a million rows are never copied
    std::vector<std::uint64_t> alerts; // line << 8 | rank of the code (see code_rank)

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

    void alert(std::size_t line, ExtraCode code) {
        alerts.push_back((std::uint64_t{line} << 8) | code_rank()[static_cast<std::size_t>(code)]);
    }

    void duplicates();
    void mixed_suffixes();
    void several_codes();
    void too_close();
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
    auto cell = [&](int column) -> std::string_view {
        return column < 0 || static_cast<std::size_t>(column) >= cells.size()
                   ? std::string_view()
                   : trim(cells[static_cast<std::size_t>(column)]);
    };

    const std::uint32_t numero = parse_numero(cell(s.numero));
    if (numero != no_numero && numero > 9999 && numero != toponym_numero) {
        s.alert(line, ExtraCode::numero_superieur_9999);
    }

    const std::string_view name = cell(s.voie_nom);
    if (name.empty()) {
        return; // the voie rules need a voie
    }
    const State::NameFacts &facts = s.name_facts(name);
    for (std::size_t c = 0; c < detail::extra_code_count; ++c) {
        if ((facts.codes & bit(static_cast<ExtraCode>(c))) != 0) {
            s.alert(line, static_cast<ExtraCode>(c));
        }
    }

    std::string_view deleguee = cell(s.deleguee_insee);
    if (deleguee.empty()) {
        deleguee = cell(s.deleguee_nom);
    }
    RowFacts row{};
    row.line = static_cast<std::uint32_t>(line);
    row.voie =
        s.voie_id({s.communes.id(cell(s.commune_insee)), s.deleguees.id(deleguee), facts.key});
    row.numero = numero;
    const std::string_view suffixe = cell(s.suffixe);
    if (!suffixe.empty()) {
        const std::string lower = ascii_lower(suffixe);
        row.suffixe = s.suffixes.id(lower);
        row.style = suffix_style(lower);
    }
    // "Entrée" is "entrée" (the official position.enum_fuzzy).
    const std::string_view position = cell(s.position);
    const bool capitals =
        std::any_of(position.begin(), position.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    row.position = s.positions.id(capitals ? std::string_view(ascii_lower(position)) : position);
    const std::string_view code = voie_code(cell(s.cle_interop));
    char lower_code[4];
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        lower_code[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    row.code = s.codes.id(std::string_view(lower_code, code.size()));
    row.x = coordinate(cell(s.x));
    row.y = coordinate(cell(s.y));
    s.rows.push_back(row);
}

// The same voie, numero, suffixe and position on several rows (one address has one row per
// position: an entrance and a parcel are not a duplicate). An open-addressing table of row
// indices: each row finds the first row of its address.
void AdressageChecks::State::duplicates() {
    auto counted = [](const RowFacts &f) {
        return f.numero != no_numero && f.numero != toponym_numero;
    };
    auto same = [](const RowFacts &a, const RowFacts &b) {
        return a.voie == b.voie && a.numero == b.numero && a.suffixe == b.suffixe &&
               a.position == b.position;
    };
    auto hash = [](const RowFacts &f) {
        std::uint64_t h = (std::uint64_t{f.voie} << 32 | f.numero) * 0x9E3779B97F4A7C15ULL;
        h ^= (std::uint64_t{f.suffixe} << 32 | f.position) * 0xC2B2AE3D27D4EB4FULL;
        return h ^ (h >> 29);
    };
    std::size_t size = 16;
    while (size < rows.size() * 2) {
        size *= 2;
    }
    std::vector<std::uint32_t> slots(size, 0); // row index + 1, 0: empty
    std::vector<bool> reported(rows.size(), false);
    // The slots are read in random order: each one is fetched a few rows ahead.
    std::vector<std::uint32_t> start(rows.size());
    for (std::size_t r = 0; r < rows.size(); ++r) {
        start[r] = static_cast<std::uint32_t>(hash(rows[r]) & (size - 1));
    }
    constexpr std::size_t ahead = 16;
    for (std::uint32_t r = 0; r < rows.size(); ++r) {
        if (r + ahead < rows.size()) {
            __builtin_prefetch(&slots[start[r + ahead]]);
        }
        const RowFacts &f = rows[r];
        if (!counted(f)) {
            continue;
        }
        for (std::size_t i = start[r];; i = (i + 1) & (size - 1)) {
            if (slots[i] == 0) {
                slots[i] = r + 1;
                break;
            }
            const std::uint32_t first = slots[i] - 1;
            if (same(rows[first], f)) {
                if (!reported[first]) {
                    reported[first] = true;
                    alert(rows[first].line, ExtraCode::numero_duplique);
                }
                alert(f.line, ExtraCode::numero_duplique);
                break;
            }
        }
    }
}

// bis/ter and A/B on one voie: the rows of the less used style.
void AdressageChecks::State::mixed_suffixes() {
    std::vector<std::array<Usage, 2>> styles(voies.size() + 1);
    for (const RowFacts &f : rows) {
        if (f.style != SuffixStyle::none) {
            Usage &u = styles[f.voie][f.style == SuffixStyle::letter ? 0 : 1];
            u.first_line = u.count++ == 0 ? f.line : u.first_line;
        }
    }
    for (const RowFacts &f : rows) {
        if (f.style == SuffixStyle::none) {
            continue;
        }
        const auto &[letters, repetitions] = styles[f.voie];
        if (letters.count == 0 || repetitions.count == 0) {
            continue;
        }
        const SuffixStyle minority =
            letters.more_than(repetitions) ? SuffixStyle::repetition : SuffixStyle::letter;
        if (f.style == minority) {
            alert(f.line, ExtraCode::suffixes_melanges);
        }
    }
}

// One voie name, several voie codes: the rows whose code is not the most used one, when a row of
// another code of that name lies within 500 m (or either has no position). Further apart, they
// are homonymous voies, each with its code, as a commune may have (the run's geometric check
// adressage.voie.homonyme_proche has the same distance).
void AdressageChecks::State::several_codes() {
    std::unordered_map<std::uint64_t, Usage> usage; // (voie, code)
    for (const RowFacts &f : rows) {
        if (f.code != 0) {
            Usage &u = usage[(std::uint64_t{f.voie} << 32) | f.code];
            u.first_line = u.count++ == 0 ? f.line : u.first_line;
        }
    }
    struct Best {
        std::uint32_t code = 0;
        Usage usage;
        bool several = false;
    };
    std::vector<Best> best(voies.size() + 1);
    for (const auto &[key, u] : usage) {
        Best &b = best[key >> 32];
        b.several = b.code != 0;
        if (b.code == 0 || u.more_than(b.usage)) {
            b = {static_cast<std::uint32_t>(key & 0xFFFFFFFFU), u, b.several};
        }
    }
    // The rows of the voies with several codes, by voie then x: a window of 500 m along x.
    std::vector<std::uint32_t> order;
    for (std::uint32_t r = 0; r < rows.size(); ++r) {
        if (rows[r].code != 0 && best[rows[r].voie].several) {
            order.push_back(r);
        }
    }
    if (order.empty()) {
        return;
    }
    const auto located = [](const RowFacts &f) { return !std::isnan(f.x) && !std::isnan(f.y); };
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        const RowFacts &fa = rows[a], &fb = rows[b];
        const double xa = located(fa) ? fa.x : -std::numeric_limits<double>::infinity();
        const double xb = located(fb) ? fb.x : -std::numeric_limits<double>::infinity();
        return std::tie(fa.voie, xa, a) < std::tie(fb.voie, xb, b);
    });
    constexpr double near = 500.0;
    std::vector<bool> close(rows.size(), false);
    for (std::size_t i = 0; i < order.size(); ++i) {
        const RowFacts &f = rows[order[i]];
        for (std::size_t j = i + 1; j < order.size(); ++j) {
            const RowFacts &g = rows[order[j]];
            if (g.voie != f.voie || (located(f) && located(g) && g.x - f.x > near)) {
                break;
            }
            if (g.code == f.code) {
                continue;
            }
            if (!located(f) || !located(g) || std::hypot(g.x - f.x, g.y - f.y) <= near) {
                close[order[i]] = true;
                close[order[j]] = true;
            }
        }
    }
    for (std::uint32_t r = 0; r < rows.size(); ++r) {
        const RowFacts &f = rows[r];
        if (f.code != 0 && f.code != best[f.voie].code && close[r]) {
            alert(f.line, ExtraCode::voie_codes_multiples);
        }
    }
}

// Two rows of different addresses (voie, numero or suffixe) and the same position type closer
// than 1 m (the run's geometric check of the same code): both rows. Toponymes (99999), segment
// positions and rows without x/y are left out. Rows at one point are taken together first (many
// BALs put a whole lieu-dit on one point: pairs of rows would be quadratic): a point holding two
// addresses flags all its rows. The points are sorted into 1 m cells (position type, column, row of
// the grid); each is compared with the rest of its cell, the next cell of its column and the three
// cells of the next column, found by a pointer that only moves forward.
// Over the function-size limit until its split lands (issue 20; see docs/architecture.md).
// NOLINTNEXTLINE(readability-function-size)
void AdressageChecks::State::too_close() {
    struct Located {
        std::uint32_t position;
        std::int64_t cx, cy;
        double x, y;
        std::uint32_t row;
    };
    // Facing houses share their projection on the axis: segment positions are not compared.
    const std::uint32_t segment = positions.id("segment");
    std::vector<Located> located;
    located.reserve(rows.size());
    for (std::uint32_t r = 0; r < rows.size(); ++r) {
        const RowFacts &f = rows[r];
        if (f.numero != no_numero && f.numero != toponym_numero && f.position != segment &&
            std::isfinite(f.x) && std::isfinite(f.y) && std::abs(f.x) < 1e12 &&
            std::abs(f.y) < 1e12) {
            located.push_back({f.position, static_cast<std::int64_t>(std::floor(f.x)),
                               static_cast<std::int64_t>(std::floor(f.y)), f.x, f.y, r});
        }
    }
    std::sort(located.begin(), located.end(), [](const Located &a, const Located &b) {
        return std::tie(a.position, a.cx, a.cy, a.x, a.y, a.row) <
               std::tie(b.position, b.cx, b.cy, b.x, b.y, b.row);
    });
    // The distinct points: their rows are located[first, last); `mixed` when they hold two
    // addresses.
    struct Point {
        std::uint32_t position;
        std::int64_t cx, cy;
        double x, y;
        std::uint32_t first, last;
        bool mixed = false;
        auto cell() const { return std::tie(position, cx, cy); }
    };
    const auto same_address = [&](std::uint32_t a, std::uint32_t b) {
        const RowFacts &f = rows[a];
        const RowFacts &g = rows[b];
        return g.voie == f.voie && g.numero == f.numero && g.suffixe == f.suffixe;
    };
    std::vector<Point> points;
    for (std::uint32_t i = 0; i < located.size(); ++i) {
        const Located &l = located[i];
        if (points.empty() || points.back().position != l.position || points.back().x != l.x ||
            points.back().y != l.y) {
            points.push_back({l.position, l.cx, l.cy, l.x, l.y, i, i + 1});
            continue;
        }
        Point &p = points.back();
        p.mixed = p.mixed || !same_address(located[p.first].row, l.row);
        p.last = i + 1;
    }
    constexpr double min_spacing = 1.0;
    std::vector<bool> close(points.size(), false);
    for (std::size_t i = 0; i < points.size(); ++i) {
        close[i] = points[i].mixed;
    }
    auto compare = [&](std::size_t a, std::size_t b) {
        const Point &p = points[a];
        const Point &q = points[b];
        const bool differ =
            p.mixed || q.mixed || !same_address(located[p.first].row, located[q.first].row);
        if (differ && std::hypot(q.x - p.x, q.y - p.y) < min_spacing) {
            close[a] = true;
            close[b] = true;
        }
    };
    std::size_t next_column = 0; // first point at or after (position, cx + 1, cy - 1)
    for (std::size_t i = 0; i < points.size(); ++i) {
        const Point &p = points[i];
        std::size_t j = i + 1;
        for (; j < points.size() && points[j].cell() == p.cell(); ++j) {
            compare(i, j);
        }
        const std::int64_t cy_above = p.cy + 1;
        for (; j < points.size() && points[j].cell() == std::tie(p.position, p.cx, cy_above); ++j) {
            compare(i, j);
        }
        const std::int64_t cx_next = p.cx + 1, cy_low = p.cy - 1, cy_high = p.cy + 1;
        next_column = std::max(next_column, i + 1);
        while (next_column < points.size() &&
               points[next_column].cell() < std::tie(p.position, cx_next, cy_low)) {
            ++next_column;
        }
        for (std::size_t k = next_column;
             k < points.size() && points[k].cell() <= std::tie(p.position, cx_next, cy_high); ++k) {
            compare(i, k);
        }
    }
    std::vector<bool> flagged(rows.size(), false);
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (close[i]) {
            for (std::uint32_t k = points[i].first; k < points[i].last; ++k) {
                flagged[located[k].row] = true;
            }
        }
    }
    for (std::uint32_t r = 0; r < rows.size(); ++r) {
        if (flagged[r]) {
            alert(rows[r].line, ExtraCode::position_trop_proche);
        }
    }
}

std::vector<ExtraAlert> AdressageChecks::finish() {
    State &s = *state_;
    s.duplicates();
    s.mixed_suffixes();
    s.several_codes();
    s.too_close();
    std::sort(s.alerts.begin(), s.alerts.end());
    std::vector<ExtraAlert> out;
    out.reserve(s.alerts.size());
    for (const std::uint64_t a : s.alerts) {
        const detail::ExtraCodeInfo &i = detail::info(code_of_rank(static_cast<std::uint8_t>(a)));
        out.push_back({static_cast<std::size_t>(a >> 8), i.code, i.level});
    }
    s.alerts.clear();
    return out;
}

} // namespace adressage::validator
