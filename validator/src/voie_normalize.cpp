#include "adressage/validator/voie_normalize.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <vector>

#include "js_text.hpp"

namespace adressage::validator {

namespace {

// ---- lodash `words` (4.18) on UTF-16 code units, as its regular expressions match them ----

bool is_upper(char16_t c) {
    return (c >= u'A' && c <= u'Z') || (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xDE);
}

bool is_lower(char16_t c) {
    return (c >= u'a' && c <= u'z') || (c >= 0xDF && c <= 0xF6) || (c >= 0xF8 && c <= 0xFF);
}

bool is_digit(char16_t c) { return c >= u'0' && c <= u'9'; }

bool is_break(char16_t c) {
    if (c <= 0x2F || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) ||
        (c >= 0x7B && c <= 0xBF) || c == 0xD7 || c == 0xF7 || (c >= 0x2000 && c <= 0x206F)) {
        return true;
    }
    return c == 0x1680 || c == 0x180E || c == 0x3000 || c == 0xFEFF;
}

bool is_surrogate(char16_t c) { return c >= 0xD800 && c <= 0xDFFF; }
bool is_dingbat(char16_t c) { return c >= 0x2700 && c <= 0x27BF; }

bool is_misc(char16_t c) {
    return !is_surrogate(c) && !is_break(c) && !is_digit(c) && !is_dingbat(c) && !is_lower(c) &&
           !is_upper(c);
}

bool is_apostrophe(char16_t c) { return c == u'\'' || c == 0x2019; }

bool is_ascii_word(char16_t c) {
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || is_digit(c) || c == u'_';
}

using U16 = std::u16string;

// An optional contraction ('d, 'll, 'm, 're, 's, 't, 've) at `i`, in the given case; its end.
std::optional<std::size_t> contraction(const U16 &s, std::size_t i, bool upper) {
    if (i >= s.size() || !is_apostrophe(s[i])) {
        return std::nullopt;
    }
    static constexpr std::array<std::u16string_view, 7> lower = {u"d", u"ll", u"m", u"re",
                                                                 u"s", u"t",  u"ve"};
    static constexpr std::array<std::u16string_view, 7> upper_forms = {u"D", u"LL", u"M", u"RE",
                                                                       u"S", u"T",  u"VE"};
    const std::u16string_view rest = std::u16string_view(s).substr(i + 1);
    for (std::u16string_view c : upper ? upper_forms : lower) {
        if (rest.substr(0, c.size()) == c) {
            return i + 1 + c.size();
        }
    }
    return std::nullopt;
}

// rsUpper? rsLower+ rsOptContrLower (?=rsBreak|rsUpper|$)
std::optional<std::size_t> lower_word(const U16 &s, std::size_t i) {
    const std::size_t n = s.size();
    const std::size_t p = is_upper(s[i]) ? i + 1 : i;
    std::size_t e = p;
    while (e < n && is_lower(s[e])) {
        ++e;
    }
    if (e == p) {
        return std::nullopt;
    }
    auto ahead = [&](std::size_t j) { return j == n || is_break(s[j]) || is_upper(s[j]); };
    if (const auto c = contraction(s, e, false); c && ahead(*c)) {
        return c;
    }
    if (ahead(e)) {
        return e;
    }
    return std::nullopt;
}

// rsMiscUpper+ rsOptContrUpper (?=rsBreak|rsUpper rsMiscLower|$), backtracking on the run.
std::optional<std::size_t> upper_word(const U16 &s, std::size_t i) {
    const std::size_t n = s.size();
    std::size_t run = i;
    while (run < n && (is_upper(s[run]) || is_misc(s[run]))) {
        ++run;
    }
    auto ahead = [&](std::size_t j) {
        return j == n || is_break(s[j]) ||
               (is_upper(s[j]) && j + 1 < n && (is_lower(s[j + 1]) || is_misc(s[j + 1])));
    };
    for (std::size_t e = run; e > i; --e) {
        if (const auto c = contraction(s, e, true); c && ahead(*c)) {
            return c;
        }
        if (ahead(e)) {
            return e;
        }
    }
    return std::nullopt;
}

// rsUpper? rsMiscLower+ rsOptContrLower
std::optional<std::size_t> mixed_word(const U16 &s, std::size_t i) {
    const std::size_t p = is_upper(s[i]) ? i + 1 : i;
    std::size_t e = p;
    while (e < s.size() && (is_lower(s[e]) || is_misc(s[e]))) {
        ++e;
    }
    if (e == p) {
        return std::nullopt;
    }
    return contraction(s, e, false).value_or(e);
}

// rsUpper+ rsOptContrUpper
std::optional<std::size_t> capitals(const U16 &s, std::size_t i) {
    std::size_t e = i;
    while (e < s.size() && is_upper(s[e])) {
        ++e;
    }
    if (e == i) {
        return std::nullopt;
    }
    return contraction(s, e, true).value_or(e);
}

// \d*(?:1st|2nd|3rd|(?![123])\dth)(?=\b|[A-Z_]) and its upper-case twin.
std::optional<std::size_t> ordinal(const U16 &s, std::size_t i, bool upper) {
    const std::size_t n = s.size();
    std::size_t digits = i;
    while (digits < n && is_digit(s[digits])) {
        ++digits;
    }
    auto ahead = [&](std::size_t j) {
        if (j == n || !is_ascii_word(s[j])) {
            return true; // word boundary after the ordinal's last letter
        }
        return upper ? ((s[j] >= u'a' && s[j] <= u'z') || s[j] == u'_')
                     : ((s[j] >= u'A' && s[j] <= u'Z') || s[j] == u'_');
    };
    const std::array<std::u16string_view, 3> fixed =
        upper ? std::array<std::u16string_view, 3>{u"1ST", u"2ND", u"3RD"}
              : std::array<std::u16string_view, 3>{u"1st", u"2nd", u"3rd"};
    const std::u16string_view th = upper ? u"TH" : u"th";
    for (std::size_t p = digits + 1; p-- > i;) {
        const std::u16string_view rest = std::u16string_view(s).substr(p);
        for (std::u16string_view f : fixed) {
            if (rest.substr(0, 3) == f && ahead(p + 3)) {
                return p + 3;
            }
        }
        if (rest.size() >= 3 && is_digit(rest[0]) && rest[0] != u'1' && rest[0] != u'2' &&
            rest[0] != u'3' && rest.substr(1, 2) == th && ahead(p + 3)) {
            return p + 3;
        }
    }
    return std::nullopt;
}

bool is_high(char16_t c) { return c >= 0xD800 && c <= 0xDBFF; }
bool is_low(char16_t c) { return c >= 0xDC00 && c <= 0xDFFF; }

bool regional_at(const U16 &s, std::size_t i) {
    return i + 3 < s.size() && s[i] == 0xD83C && s[i + 1] >= 0xDDE6 && s[i + 1] <= 0xDDFF &&
           s[i + 2] == 0xD83C && s[i + 3] >= 0xDDE6 && s[i + 3] <= 0xDDFF;
}

bool pair_at(const U16 &s, std::size_t i) {
    return i + 1 < s.size() && is_high(s[i]) && is_low(s[i + 1]);
}

// (?:rsDingbat|rsRegional|rsSurrPair) rsSeq
std::optional<std::size_t> emoji(const U16 &s, std::size_t i) {
    const std::size_t n = s.size();
    std::size_t e = i;
    if (is_dingbat(s[i])) {
        e = i + 1;
    } else if (regional_at(s, i)) {
        e = i + 4;
    } else if (pair_at(s, i)) {
        e = i + 2;
    } else {
        return std::nullopt;
    }
    auto variation_and_modifier = [&](std::size_t &j) {
        if (j < n && (s[j] == 0xFE0E || s[j] == 0xFE0F)) {
            ++j;
        }
        if (j < n && ((s[j] >= 0x300 && s[j] <= 0x36F) || (s[j] >= 0xFE20 && s[j] <= 0xFE2F) ||
                      (s[j] >= 0x20D0 && s[j] <= 0x20FF))) {
            ++j;
        } else if (j + 1 < n && s[j] == 0xD83C && s[j + 1] >= 0xDFFB && s[j + 1] <= 0xDFFF) {
            j += 2;
        }
    };
    variation_and_modifier(e);
    while (e < n && s[e] == 0x200D) {
        std::size_t j = e + 1;
        if (j < n && !is_surrogate(s[j])) {
            ++j;
        } else if (regional_at(s, j)) {
            j += 4;
        } else if (pair_at(s, j)) {
            j += 2;
        } else {
            break;
        }
        variation_and_modifier(j);
        e = j;
    }
    return e;
}

bool has_unicode_word(const U16 &s) {
    auto lo = [](char16_t c) { return c >= u'a' && c <= u'z'; };
    auto up = [](char16_t c) { return c >= u'A' && c <= u'Z'; };
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char16_t c = s[i];
        if (!lo(c) && !up(c) && !is_digit(c) && c != u' ') {
            return true;
        }
        if (i + 1 < s.size()) {
            const char16_t d = s[i + 1];
            if ((lo(c) && up(d)) || (is_digit(c) && (lo(d) || up(d))) ||
                ((lo(c) || up(c)) && is_digit(d))) {
                return true;
            }
            if (up(c) && up(d) && i + 2 < s.size() && lo(s[i + 2])) {
                return true;
            }
        }
    }
    return false;
}

std::vector<U16> words(const U16 &s) {
    std::vector<U16> out;
    if (!has_unicode_word(s)) {
        std::size_t i = 0;
        while (i < s.size()) {
            // Only letters, digits and spaces here.
            while (i < s.size() && s[i] == u' ') {
                ++i;
            }
            const std::size_t start = i;
            while (i < s.size() && s[i] != u' ') {
                ++i;
            }
            if (i > start) {
                out.push_back(s.substr(start, i - start));
            }
        }
        return out;
    }
    std::size_t i = 0;
    while (i < s.size()) {
        std::optional<std::size_t> end = lower_word(s, i);
        if (!end) {
            end = upper_word(s, i);
        }
        if (!end) {
            end = mixed_word(s, i);
        }
        if (!end) {
            end = capitals(s, i);
        }
        if (!end) {
            end = ordinal(s, i, true);
        }
        if (!end) {
            end = ordinal(s, i, false);
        }
        if (!end && is_digit(s[i])) {
            std::size_t e = i;
            while (e < s.size() && is_digit(s[e])) {
                ++e;
            }
            end = e;
        }
        if (!end) {
            end = emoji(s, i);
        }
        if (end) {
            out.push_back(s.substr(i, *end - i));
            i = *end;
        } else {
            ++i;
        }
    }
    return out;
}

U16 to_u16(std::string_view s) {
    U16 out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const char32_t c = detail::next_code_point(s, i);
        if (c >= 0x10000) {
            out.push_back(static_cast<char16_t>(0xD800 + ((c - 0x10000) >> 10)));
            out.push_back(static_cast<char16_t>(0xDC00 + ((c - 0x10000) & 0x3FF)));
        } else {
            out.push_back(static_cast<char16_t>(c));
        }
    }
    return out;
}

void append_u16(std::string &out, const U16 &s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        char32_t c = s[i];
        if (is_high(s[i]) && i + 1 < s.size() && is_low(s[i + 1])) {
            c = 0x10000 + ((c - 0xD800) << 10) + (s[i + 1] - 0xDC00);
            ++i;
        } else if (is_surrogate(s[i])) {
            c = 0xFFFD; // a lone surrogate cannot be written as UTF-8
        }
        detail::append_utf8(out, c);
    }
}

// ---- written-number 0.9.1, French ----

constexpr std::array<std::string_view, 21> small_numbers = {
    "zéro",     "un",     "deux",  "trois",    "quatre",   "cinq",     "six",
    "sept",     "huit",   "neuf",  "dix",      "onze",     "douze",    "treize",
    "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf", "vingt"};

// Tens 30..90 as the library's base cardinals.
std::string_view tens(int ten) {
    switch (ten) {
    case 20:
        return "vingt";
    case 30:
        return "trente";
    case 40:
        return "quarante";
    case 50:
        return "cinquante";
    case 60:
        return "soixante";
    case 70:
        return "soixante-dix";
    case 80:
        return "quatre-vingt";
    default:
        return "quatre-vingt-dix";
    }
}

std::optional<std::string_view> base_cardinal(double n) {
    if (n >= 0 && n <= 20 && n == std::floor(n)) {
        return small_numbers[static_cast<std::size_t>(n)];
    }
    if (n >= 30 && n <= 90 && std::fmod(n, 10) == 0) {
        return tens(static_cast<int>(n));
    }
    return std::nullopt;
}

std::optional<std::string_view> unit_exception(double n) {
    struct Exception {
        int n;
        std::string_view text;
    };
    static constexpr std::array<Exception, 24> exceptions = {{
        {21, "vingt et un"},           {31, "trente et un"},          {41, "quarante et un"},
        {51, "cinquante et un"},       {61, "soixante et un"},        {71, "soixante et onze"},
        {72, "soixante-douze"},        {73, "soixante-treize"},       {74, "soixante-quatorze"},
        {75, "soixante-quinze"},       {76, "soixante-seize"},        {77, "soixante-dix-sept"},
        {78, "soixante-dix-huit"},     {79, "soixante-dix-neuf"},     {80, "quatre-vingts"},
        {91, "quatre-vingt-onze"},     {92, "quatre-vingt-douze"},    {93, "quatre-vingt-treize"},
        {94, "quatre-vingt-quatorze"}, {95, "quatre-vingt-quinze"},   {96, "quatre-vingt-seize"},
        {97, "quatre-vingt-dix-sept"}, {98, "quatre-vingt-dix-huit"}, {99, "quatre-vingt-dix-neuf"},
    }};
    for (const Exception &e : exceptions) {
        if (n == e.n) {
            return e.text;
        }
    }
    return std::nullopt;
}

struct ScaleUnit {
    std::string_view singular;
    std::string_view plural; // empty: none
};

constexpr std::array<ScaleUnit, 17> scale_units = {{{"cent", "cents"},
                                                    {"mille", ""},
                                                    {"million", "millions"},
                                                    {"milliard", "milliards"},
                                                    {"billion", "billions"},
                                                    {"billiard", "billiards"},
                                                    {"trillion", "trillions"},
                                                    {"trilliard", "trilliards"},
                                                    {"quadrillion", "quadrillions"},
                                                    {"quadrilliard", "quadrilliards"},
                                                    {"quintillion", "quintillions"},
                                                    {"quintilliard", "quintilliards"},
                                                    {"sextillion", "sextillions"},
                                                    {"sextilliard", "sextilliards"},
                                                    {"septillion", "septillions"},
                                                    {"septilliard", "septilliards"},
                                                    {"octillion", "octillions"}}};

// The library's short scale, 100 then Math.pow(10, 3k) as V8 computes it (three of those
// powers are one unit in the last place away from the exact decimal value).
const std::array<double, 17> &short_scale() {
    static const std::array<double, 17> scale = [] {
        std::array<double, 17> s{};
        s[0] = 100.0;
        for (int i = 1; i <= 16; ++i) {
            s[static_cast<std::size_t>(i)] =
                std::strtod(("1e" + std::to_string(3 * i)).c_str(), nullptr);
        }
        s[12] = std::nextafter(s[12], 0.0);         // 1e36
        s[13] = std::nextafter(s[13], s[13] * 2.0); // 1e39
        s[14] = std::nextafter(s[14], 0.0);         // 1e42
        return s;
    }();
    return scale;
}

// Math.round: halves go up.
double js_round(double n) {
    const double floor = std::floor(n);
    return n - floor >= 0.5 ? floor + 1 : floor;
}

std::string written_number(double n) {
    if (n < 0) {
        return {};
    }
    n = js_round(n);
    if (const auto e = unit_exception(n)) {
        return std::string(*e);
    }
    if (const auto b = base_cardinal(n)) {
        return std::string(*b);
    }
    if (n < 100) {
        const double dec = std::floor(n / 10) * 10;
        const double unit = n - dec;
        std::string out(base_cardinal(dec).value_or("undefined"));
        if (unit != 0) {
            out += "-" + written_number(unit);
        }
        return out;
    }
    const double m = std::fmod(n, 100);
    std::vector<std::string> parts;
    if (m != 0 && !std::isnan(m)) {
        parts.push_back(written_number(m));
    }
    const auto &scale = short_scale();
    for (std::size_t i = 0; i < scale_units.size(); ++i) {
        double r = std::floor(n / scale[i]);
        const double divide_by = i + 1 == scale_units.size() ? 1000000.0 : scale[i + 1] / scale[i];
        r = std::fmod(r, divide_by);
        if (r == 0 || std::isnan(r)) {
            continue;
        }
        const ScaleUnit &unit = scale_units[i];
        std::string_view word = unit.singular;
        if (r != 1 && !unit.plural.empty() && (i != 0 || m == 0 || std::isnan(m))) {
            word = unit.plural; // "cents" only when nothing follows the hundreds
        }
        if (i <= 1 && r == 1) {
            parts.emplace_back(word); // "cent", "mille", never "un cent"
            continue;
        }
        const auto exception = unit_exception(r);
        const std::string number = exception ? std::string(*exception) : written_number(r);
        n -= r * scale[i];
        parts.push_back(number + " " + std::string(word));
    }
    std::string out;
    for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
        if (it != parts.rbegin()) {
            out += ' ';
        }
        out += *it;
    }
    return out;
}

// ---- adresses-util extractSignificantWords ----

constexpr std::array<std::u16string_view, 18> stop_words = {
    u"la",  u"le",  u"les", u"l",    u"d", u"du",  u"de", u"des", u"dos",
    u"las", u"los", u"sur", u"sous", u"a", u"par", u"et", u"au",  u"aux"};

struct Expansion {
    std::u16string_view from;
    std::u16string_view to;
};

constexpr std::array<Expansion, 25> first_word_expansions = {{
    {u"pl", u"place"},    {u"av", u"avenue"},     {u"bd", u"boulevard"}, {u"sq", u"square"},
    {u"che", u"chemin"},  {u"chem", u"chemin"},   {u"rte", u"route"},    {u"all", u"allee"},
    {u"pas", u"passage"}, {u"vla", u"villa"},     {u"imp", u"impasse"},  {u"qu", u"quai"},
    {u"ham", u"hammeau"}, {u"prt", u"porte"},     {u"parv", u"parvis"},  {u"lot", u"lotissement"},
    {u"sen", u"sente"},   {u"r", u"rue"},         {u"rle", u"ruelle"},   {u"car", u"carrefour"},
    {u"mte", u"montee"},  {u"ptte", u"placette"}, {u"str", u"sentier"},  {u"tsse", u"terrasse"},
    {u"snt", u"sente"},
}};

constexpr std::array<Expansion, 4> word_expansions = {{
    {u"st", u"saint"},
    {u"ste", u"sainte"},
    {u"gal", u"general"},
    {u"mal", u"marechal"},
}};

template <std::size_t N>
const std::u16string_view *expand(const std::array<Expansion, N> &table, const U16 &word) {
    for (const Expansion &e : table) {
        if (word == e.from) {
            return &e.to;
        }
    }
    return nullptr;
}

bool all_digits(const U16 &w) {
    return !w.empty() && std::all_of(w.begin(), w.end(), [](char16_t c) { return is_digit(c); });
}

} // namespace

std::string french_number_words(std::string_view digits) {
    return written_number(std::strtod(std::string(digits).c_str(), nullptr));
}

std::string normalize_voie_nom(std::string_view name) {
    const U16 base = to_u16(detail::js_lower(detail::deburr(name)));
    std::vector<U16> list = words(base);
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::u16string_view *to =
            i == 0 ? expand(first_word_expansions, list[i]) : expand(word_expansions, list[i]);
        if (to != nullptr) {
            list[i] = U16(*to);
        }
    }
    // A leading "rue" goes when a later word ends in "rue" (the name then has its own type).
    if (list.size() > 1 && list[0] == u"rue" &&
        std::any_of(list.begin() + 1, list.end(), [](const U16 &w) {
            return w.size() >= 3 && w.compare(w.size() - 3, 3, u"rue") == 0;
        })) {
        list.erase(list.begin());
    }
    if (list.size() > 2 && list[0] == u"lieu" && list[1] == u"dit") {
        list.erase(list.begin(), list.begin() + 2);
    }
    std::string out;
    auto emit = [&](const U16 &w) {
        if (!out.empty()) {
            out += ' ';
        }
        append_u16(out, w);
    };
    for (const U16 &w : list) {
        if (std::find(stop_words.begin(), stop_words.end(), w) != stop_words.end()) {
            continue;
        }
        if (!all_digits(w)) {
            emit(w);
            continue;
        }
        std::string digits;
        append_u16(digits, w);
        for (const U16 &part : words(to_u16(french_number_words(digits)))) {
            emit(part);
        }
    }
    return out;
}

} // namespace adressage::validator
