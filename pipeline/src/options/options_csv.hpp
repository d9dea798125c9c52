#pragma once
// The small CSV tables of options (--voie-options, --commune-options), read the same way: the
// whole file (a UTF-8 byte order mark dropped), ';' or ',' as the header uses, quotes as in any
// CSV, and every problem one InputError naming the option and the file.
#include <libfccp/csv.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "adressage/error.hpp"
#include "adressage/formats/utf8_check.hpp"

namespace adressage::pipeline {

// A table of options is small: a file beyond this is not one (and is not read into memory).
constexpr std::uintmax_t largest_options_file = 64 * 1024 * 1024;

// Reads `path` and calls `read_rows.template operator()<delimiter>(text)` with the header's
// delimiter; fast-cpp-csv-parser's errors become an InputError(input, ... header_help).
template <typename ReadRows>
void read_options_csv(const std::string &input, const std::string &path,
                      const std::string &header_help, ReadRows &&read_rows) {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        throw InputError(input, "cannot be read; check the path");
    }
    std::error_code ec;
    if (const auto size = std::filesystem::file_size(path, ec);
        !ec && size > largest_options_file) {
        throw InputError(input, "is " + std::to_string(size / (1024 * 1024)) +
                                    " MB, not a table of options (64 MB at most); check the path");
    }
    std::stringstream buffer;
    buffer << file.rdbuf();
    std::string text = buffer.str();
    if (text.starts_with("\xEF\xBB\xBF")) {
        text.erase(0, 3); // UTF-8 byte order mark
    }
    if (const std::size_t bad = formats::first_invalid_utf8(text); bad != std::string::npos) {
        const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<long>(bad), '\n');
        char byte[8];
        std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[bad]));
        throw InputError(input, "line " + std::to_string(line) + " is not UTF-8 (byte " + byte +
                                    ", Latin-1 or Windows-1252?); save the file as UTF-8");
    }
    const std::string header = text.substr(0, text.find_first_of("\r\n"));
    if (header.find_first_not_of(" \t") == std::string::npos) {
        throw InputError(input, "the file is empty or its first line is blank; " + header_help);
    }
    try {
        if (header.find(';') != std::string::npos) {
            read_rows.template operator()<';'>(text);
        } else {
            read_rows.template operator()<','>(text);
        }
    } catch (const io::error::base &e) {
        std::string where;
        if (const auto *with_line = dynamic_cast<const io::error::with_file_line *>(&e);
            with_line != nullptr && with_line->file_line > 0) {
            where = "line " + std::to_string(with_line->file_line) + ": ";
        }
        if (dynamic_cast<const io::error::escaped_string_not_closed *>(&e) != nullptr) {
            throw InputError(input, where + "a quote is not closed; close it or remove it");
        }
        if (dynamic_cast<const io::error::too_few_columns *>(&e) != nullptr ||
            dynamic_cast<const io::error::too_many_columns *>(&e) != nullptr) {
            throw InputError(input, where + "not as many fields as the header; give each line "
                                            "the header's columns, separated like it");
        }
        if (dynamic_cast<const io::error::duplicated_column_in_header *>(&e) != nullptr) {
            throw InputError(input, "a column is named twice in the header; " + header_help);
        }
        throw InputError(input, where + std::string(e.what()) + "; " + header_help);
    }
}

} // namespace adressage::pipeline
