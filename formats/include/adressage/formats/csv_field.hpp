#pragma once
// A value for a ';'-separated report file (a batch's summary, its list of skipped features):
// as it is, or quoted with its quotes doubled when it holds ';', '"' or a line break.
#include <algorithm>
#include <string>
#include <string_view>

namespace adressage::formats {

// True when `text` holds the separator, a quote or a line break (one pass over the bytes:
// find_first_of with a set looks for each character of the set at every position).
inline bool needs_csv_quotes(std::string_view text) {
    return std::any_of(text.begin(), text.end(),
                       [](char c) { return c == ';' || c == '"' || c == '\r' || c == '\n'; });
}

inline std::string csv_field(std::string_view text) {
    if (!needs_csv_quotes(text)) {
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
