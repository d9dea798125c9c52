#include "adressage/formats/parcel_id.hpp"

namespace adressage::formats {

namespace {
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum_upper(char c) { return is_digit(c) || (c >= 'A' && c <= 'Z'); }
char upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }
} // namespace

std::string parcel_id(std::string_view raw, std::string_view insee) {
    while (!raw.empty() && raw.front() == ' ') {
        raw.remove_prefix(1);
    }
    while (!raw.empty() && raw.back() == ' ') {
        raw.remove_suffix(1);
    }
    std::string id;
    if (raw.size() == 14) {
        id = raw;
    } else if (raw.size() == 12 && insee.size() == 5) {
        id = std::string(insee.substr(0, 2)) + std::string(raw);
    } else {
        return {};
    }
    for (char &c : id) {
        c = upper(c);
        if (!is_alnum_upper(c)) {
            return {};
        }
    }
    // Commune (2 + 3, 2A/2B in Corsica), prefix and number are digits; the section is not
    // checked beyond its characters ("0A", "AB", "ZC").
    for (std::size_t i : {2, 3, 4, 5, 6, 7, 10, 11, 12, 13}) {
        if (!is_digit(id[i])) {
            return {};
        }
    }
    return id;
}

} // namespace adressage::formats
