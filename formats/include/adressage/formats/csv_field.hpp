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

// A value for a report file people open in a spreadsheet (a batch's summary, its skipped
// features): csv_field, and a text starting with = + - @, tab or CR (which a spreadsheet runs
// as a formula) starts with an apostrophe, which spreadsheets show as text. Not for the BAL,
// whose values are kept exact (its names are cleaned when read, names::unsafe_text_reason).
inline std::string report_csv_field(std::string_view text) {
    const bool formula =
        !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
    return formula ? csv_field("'" + std::string(text)) : csv_field(text);
}

} // namespace adressage::formats
