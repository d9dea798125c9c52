#pragma once
// What the update reads out of the cells of a BAL row to compare them: voie codes and suffixes
// in ASCII lower case (voie names compare by names::grouping_key), the parts of a BAL 1.3
// uid_adresse.
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

namespace adressage::pipeline {

constexpr int toponym_numero = 99999;

inline std::string lower_ascii(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// The voie code of a cle_interop "insee_code_numero[_suffixe]", or "".
inline std::string voie_code_of(const std::string &cle) {
    const std::size_t a = cle.find('_');
    if (a == std::string::npos) {
        return {};
    }
    const std::size_t b = cle.find('_', a + 1);
    return b == std::string::npos ? std::string() : lower_ascii(cle.substr(a + 1, b - a - 1));
}

// "@c:<uuid> @v:<uuid> @a:<uuid>" → the part of `tag`.
inline std::string uid_part(const std::string &uid, std::string_view tag) {
    std::size_t at = uid.find(tag);
    if (at == std::string::npos) {
        return {};
    }
    at += tag.size();
    const std::size_t end = uid.find(' ', at);
    return uid.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

} // namespace adressage::pipeline
