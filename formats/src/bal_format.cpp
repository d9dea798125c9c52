#include "adressage/formats/bal_format.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <vector>

#include "adressage/error.hpp"

namespace adressage::formats {

std::string_view position_label(PositionType type) {
    switch (type) {
    case PositionType::delivrance_postale:
        return "délivrance postale";
    case PositionType::entree:
        return "entrée";
    case PositionType::batiment:
        return "bâtiment";
    case PositionType::cage_escalier:
        return "cage d\u2019escalier";
    case PositionType::logement:
        return "logement";
    case PositionType::parcelle:
        return "parcelle";
    case PositionType::segment:
        return "segment";
    case PositionType::service_technique:
        return "service technique";
    }
    return "bâtiment";
}

void append_fixed(std::string &out, double value, int decimals) {
    char buffer[64];
    const auto result =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals);
    const std::string_view digits(buffer, static_cast<std::size_t>(result.ptr - buffer));
    // "-0.00" after rounding: write it without the sign.
    const bool negative_zero =
        digits.front() == '-' && digits.find_first_not_of("-0.") == std::string_view::npos;
    out.append(negative_zero ? digits.substr(1) : digits);
}

std::string format_fixed(double value, int decimals) {
    std::string out;
    append_fixed(out, value, decimals);
    return out;
}

std::string cle_interop(std::string_view insee, std::string_view voie_code, int numero,
                        std::string_view suffixe) {
    char digits[16];
    const auto result = std::to_chars(digits, digits + sizeof digits, numero);
    std::string number(digits, result.ptr);
    if (number.size() < 5) {
        number.insert(0, 5 - number.size(), '0');
    }
    std::string key;
    key.append(insee).append("_").append(voie_code).append("_").append(number);
    if (!suffixe.empty()) {
        key.append("_").append(suffixe);
    }
    for (char &c : key) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return key;
}

std::optional<CleInterop> parse_cle_interop(std::string_view key) {
    std::vector<std::string> parts(1);
    for (char c : key) {
        if (c == '_') {
            parts.emplace_back();
        } else {
            parts.back().push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        }
    }
    if (parts.size() < 3) {
        return std::nullopt;
    }
    for (const std::string &part : parts) {
        if (part.empty()) {
            return std::nullopt;
        }
    }
    const std::string &digits = parts[2];
    if (!std::all_of(digits.begin(), digits.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
        return std::nullopt;
    }
    const std::size_t first = std::min(digits.find_first_not_of('0'), digits.size());
    if (digits.size() - first > 5) {
        return std::nullopt;
    }
    CleInterop out;
    out.commune = parts[0];
    out.voie = parts[1];
    std::from_chars(digits.data() + first, digits.data() + digits.size(), out.numero);
    for (std::size_t i = 3; i < parts.size(); ++i) {
        out.suffixes.append(i > 3 ? "_" : "").append(parts[i]);
    }
    return out;
}

std::string CleInterop::canonical() const {
    std::string number = std::to_string(numero);
    number.insert(0, 5 - std::min<std::size_t>(5, number.size()), '0');
    std::string key = commune + "_" + voie + "_" + number;
    if (!suffixes.empty()) {
        key.append("_").append(suffixes);
    }
    return key;
}

std::string temporary_voie_code(int n) {
    if (n < 1 || n > 2999) {
        throw ConfigError("more than 2999 voies without a TOPO code in one commune");
    }
    // x001..x999, then y000..y999, then z000..z999 (the BAN's pseudo-code sequence).
    const char letter = n <= 999 ? 'x' : n <= 1999 ? 'y' : 'z';
    const int rest = n <= 999 ? n : (n - 1000) % 1000;
    std::string code(1, letter);
    const std::string digits = std::to_string(rest);
    code.append(3 - digits.size(), '0').append(digits);
    return code;
}

void append_sanitized(std::string &out, std::string_view value) {
    const std::size_t start = out.size();
    bool pending_space = false;
    for (char c : value) {
        const bool blank = c == ';' || c == '"' || c == '\n' || c == '\r' || c == '\t' || c == ' ';
        if (blank) {
            pending_space = out.size() > start;
            continue;
        }
        if (pending_space) {
            out.push_back(' ');
            pending_space = false;
        }
        out.push_back(c);
    }
}

std::string sanitize_value(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    append_sanitized(out, value);
    return out;
}

} // namespace adressage::formats
