#pragma once
// A value for a ';'-separated report file (a batch's summary, its list of skipped features):
// as it is, or quoted with its quotes doubled when it holds ';', '"' or a line break.
#include <string>
#include <string_view>

namespace adressage::formats {

inline std::string csv_field(std::string_view text) {
    if (text.find_first_of(";\"\r\n") == std::string_view::npos) {
        return std::string(text);
    }
    std::string out = "\"";
    for (char c : text) {
        out += c;
        if (c == '"') {
            out += '"';
        }
    }
    return out + "\"";
}

} // namespace adressage::formats
