#include <algorithm>
#include <array>
#include <regex>
#include <string_view>

#include "normaliser_steps.hpp"

namespace adressage::names::detail {

std::optional<std::string> road_designation(const std::string &input) {
    // A designation ("RD 12", "V.C. nº 4") is short; libstdc++'s regex recurses once per
    // character of a `\s*` run, so a long input would overflow the stack (a 10 MB line did).
    constexpr std::size_t longest_designation = 64;
    if (input.size() > longest_designation) {
        return std::nullopt;
    }
    // Most names fail on their first two letters ("Rue", "CHEMIN"): no regex for them.
    std::size_t at = input.find_first_not_of(" \t\n\r\f\v(");
    if (at == std::string::npos || std::string_view("RCV").find(input[at]) == std::string::npos) {
        return std::nullopt;
    }
    at = input.find_first_not_of(" \t\n\r\f\v.", at + 1);
    if (at == std::string::npos || std::string_view("DNRC").find(input[at]) == std::string::npos) {
        return std::nullopt;
    }
    static const std::regex pattern(
        R"(^\s*\(?\s*([RCV])\s*\.?\s*([DNRC])\s*\.?\s*(?:[Nn]\s*(?:°|º|o|O)?\s*\.?\s*)?)"
        R"(([0-9]{1,4}(?:\s*[A-Za-z])?)\s*\)?\s*$)");
    std::smatch m;
    if (!std::regex_match(input, m, pattern)) {
        return std::nullopt;
    }
    const std::string code = m[1].str() + m[2].str();
    static const std::array<std::pair<const char *, const char *>, 5> designations = {{
        {"RD", "Route départementale"},
        {"RN", "Route nationale"},
        {"CD", "Chemin départemental"},
        {"CR", "Chemin rural"},
        {"VC", "Voie communale"},
    }};
    for (const auto &[abbreviation, written] : designations) {
        if (code == abbreviation) {
            std::string number = m[3].str();
            number.erase(std::remove(number.begin(), number.end(), ' '), number.end());
            return std::string(written) + " nº " + number;
        }
    }
    return std::nullopt;
}

} // namespace adressage::names::detail
