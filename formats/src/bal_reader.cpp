#include "adressage/formats/bal_reader.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>

#include "adressage/error.hpp"

namespace adressage::formats {

namespace {

bool valid_utf8(std::string_view s) {
    for (int32_t i = 0; i < static_cast<int32_t>(s.size());) {
        UChar32 c = 0;
        U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
        if (c < 0) {
            return false;
        }
    }
    return true;
}

// ICU's detector names the 8-bit Latin encodings; the validator decodes all of them as
// windows-1252.
std::string decode_latin(std::string_view bytes, const std::string &name) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(ucsdet_open(&status),
                                                                        &ucsdet_close);
    ucsdet_setText(detector.get(), bytes.data(), static_cast<int32_t>(bytes.size()), &status);
    const UCharsetMatch *match = ucsdet_detect(detector.get(), &status);
    const std::string charset = U_SUCCESS(status) && match ? ucsdet_getName(match, &status) : "";
    if (charset != "ISO-8859-1" && charset != "windows-1252" && charset != "ISO-8859-15") {
        throw InputError(name, "unsupported encoding (" + (charset.empty() ? "unknown" : charset) +
                                   "); save the file as UTF-8");
    }
    status = U_ZERO_ERROR;
    std::string out(bytes.size() * 3 + 1, '\0');
    const int32_t length =
        ucnv_convert("UTF-8", "windows-1252", out.data(), static_cast<int32_t>(out.size()),
                     bytes.data(), static_cast<int32_t>(bytes.size()), &status);
    if (U_FAILURE(status)) {
        throw InputError(name, "cannot decode windows-1252; save the file as UTF-8");
    }
    out.resize(static_cast<std::size_t>(length));
    return out;
}

// The line ending papaparse guesses: quoted text removed, then '\n' unless '\r' comes first, in
// which case '\r\n' if most '\r' are followed by '\n'.
std::string guess_line_ending(std::string_view input) {
    input = input.substr(0, 1024 * 1024);
    std::string unquoted;
    unquoted.reserve(input.size());
    for (std::size_t i = 0; i < input.size(); ++i) {
        if (input[i] == '"') {
            const std::size_t close = input.find('"', i + 1);
            if (close != std::string_view::npos) {
                i = close;
                continue;
            }
        }
        unquoted.push_back(input[i]);
    }
    const std::size_t first_r = unquoted.find('\r');
    const std::size_t first_n = unquoted.find('\n');
    if (first_r == std::string::npos || (first_n != std::string::npos && first_n < first_r)) {
        return "\n";
    }
    std::size_t pieces = 1;
    std::size_t with_n = unquoted.front() == '\n' ? 1 : 0;
    for (std::size_t i = 0; i < unquoted.size(); ++i) {
        if (unquoted[i] == '\r') {
            ++pieces;
            with_n += (i + 1 < unquoted.size() && unquoted[i + 1] == '\n') ? 1 : 0;
        }
    }
    return static_cast<double>(with_n) >= static_cast<double>(pieces) / 2.0 ? "\r\n" : "\r";
}

struct Parsed {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::size_t> starts; // byte offset where each row starts
    bool missing_quotes = false;
    std::size_t missing_quotes_row = 0;
};

bool blank(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
    });
}

std::string unescape_quotes(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        out.push_back(s[i]);
        if (s[i] == '"' && i + 1 < s.size() && s[i + 1] == '"') {
            ++i;
        }
    }
    return out;
}

// Splits `input` into rows and fields the way papaparse 5 does, so that the validator's verdict
// can be reproduced: a field is quoted only when it starts with '"'; a closing quote must be
// followed (after optional blanks) by the delimiter or the line ending, otherwise the quote is
// text and the field goes on, across lines if need be; an unclosed quote takes the rest of the
// input. fast-cpp-csv-parser reads one line at a time and cannot follow these rules.
Parsed papa_parse(std::string_view input, char delim, std::string_view newline,
                  std::size_t preview = 0) {
    Parsed out;
    const std::size_t len = input.size();
    std::size_t cursor = 0;
    std::vector<std::string> row;
    std::size_t row_start = 0;
    auto push_row = [&] {
        const std::size_t fields = row.size();
        out.rows.push_back(std::move(row));
        out.starts.push_back(row_start);
        row = std::vector<std::string>();
        row.reserve(fields); // rows have the same width: one allocation per row
        row_start = cursor;
    };
    auto next_of = [&](std::string_view what, std::size_t from) {
        const std::size_t at = input.find(what, from);
        return at == std::string_view::npos ? len : at;
    };
    const std::string_view delim_view(&delim, 1);
    constexpr std::size_t npos_line = static_cast<std::size_t>(-1);
    std::size_t cached_line = npos_line;
    while (cursor < len || !row.empty()) {
        if (preview > 0 && out.rows.size() >= preview) {
            return out;
        }
        if (cursor >= len) {
            break;
        }
        if (input[cursor] == '"') {
            const std::size_t open = cursor;
            std::size_t quote = open;
            bool closed = false;
            while (true) {
                quote = input.find('"', quote + 1);
                if (quote == std::string_view::npos) {
                    out.missing_quotes = true;
                    out.missing_quotes_row = out.rows.size();
                    row.emplace_back(input.substr(open + 1));
                    cursor = len;
                    push_row();
                    return out;
                }
                if (quote == len - 1) {
                    row.push_back(unescape_quotes(input.substr(open + 1, quote - open - 1)));
                    cursor = len;
                    push_row();
                    return out;
                }
                if (input[quote + 1] == '"') {
                    ++quote; // an escaped quote
                    continue;
                }
                const std::size_t next_delim = next_of(delim_view, quote + 1);
                const std::size_t next_line = next_of(newline, quote + 1);
                const std::size_t check = std::min(next_delim, next_line);
                const std::size_t spaces = (check > quote + 1 && check < len &&
                                            blank(input.substr(quote + 1, check - quote - 1)))
                                               ? check - quote - 1
                                               : 0;
                if (quote + 1 + spaces < len && input[quote + 1 + spaces] == delim) {
                    row.push_back(unescape_quotes(input.substr(open + 1, quote - open - 1)));
                    cursor = quote + 1 + spaces + 1;
                    closed = true;
                    break;
                }
                const std::size_t nl_spaces =
                    (next_line > quote + 1 && next_line < len &&
                     blank(input.substr(quote + 1, next_line - quote - 1)))
                        ? next_line - quote - 1
                        : 0;
                if (input.substr(quote + 1 + nl_spaces, newline.size()) == newline) {
                    row.push_back(unescape_quotes(input.substr(open + 1, quote - open - 1)));
                    cursor = quote + 1 + nl_spaces + newline.size();
                    push_row();
                    closed = true;
                    break;
                }
                // A quote inside the text ("InvalidQuotes" for papaparse, not fatal): go on.
            }
            if (closed) {
                continue;
            }
        }
        // The next line ending is searched once per line, not once per field.
        if (cached_line < cursor || cached_line == npos_line) {
            cached_line = next_of(newline, cursor);
        }
        const std::size_t next_line = cached_line;
        const std::size_t line_end = std::min(next_line, len);
        const void *found = std::memchr(input.data() + cursor, delim, line_end - cursor);
        const std::size_t next_delim =
            found ? static_cast<std::size_t>(static_cast<const char *>(found) - input.data()) : len;
        if (next_delim < next_line) {
            row.emplace_back(input.substr(cursor, next_delim - cursor));
            cursor = next_delim + 1;
            continue;
        }
        if (next_line < len) {
            row.emplace_back(input.substr(cursor, next_line - cursor));
            cursor = next_line + newline.size();
            push_row();
            continue;
        }
        row.emplace_back(input.substr(cursor));
        cursor = len;
        push_row();
    }
    return out;
}

bool empty_row(const std::vector<std::string> &row) { return row.size() == 1 && row[0].empty(); }

// papaparse's guess among , tab ; (in that order): the lowest change in field count over the
// first 10 rows, ties to the higher average; more than 1.99 fields on average. 0 if none.
char guess_delimiter(std::string_view input, std::string_view newline) {
    char best = 0;
    double best_delta = 0.0;
    double best_average = 0.0;
    for (char delim : {',', '\t', ';'}) {
        const Parsed preview = papa_parse(input, delim, newline, 10);
        double delta = 0.0;
        double average = 0.0;
        std::size_t empty = 0;
        bool have_previous = false;
        std::size_t previous = 0;
        for (const auto &row : preview.rows) {
            if (empty_row(row)) {
                ++empty;
                continue;
            }
            average += static_cast<double>(row.size());
            if (!have_previous) {
                previous = row.size();
                have_previous = true;
                continue;
            }
            if (!row.empty()) {
                delta += std::abs(static_cast<double>(row.size()) - static_cast<double>(previous));
                previous = row.size();
            }
        }
        if (!preview.rows.empty() && preview.rows.size() > empty) {
            average /= static_cast<double>(preview.rows.size() - empty);
        }
        if (average > 1.99 &&
            (best == 0 || delta < best_delta || (delta == best_delta && average > best_average))) {
            best = delim;
            best_delta = delta;
            best_average = average;
        }
    }
    return best;
}

} // namespace

int BalTable::column(std::string_view name) const {
    const auto it = std::find(header.begin(), header.end(), name);
    return it == header.end() ? -1 : static_cast<int>(it - header.begin());
}

BalTable read_bal(std::string_view bytes, const std::string &name) {
    BalTable table;
    if (bytes.find('\0') != std::string_view::npos) {
        throw InputError(name, "not a text file; give a BAL CSV file");
    }
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
        table.bom = true;
        bytes.remove_prefix(3);
    }
    std::string decoded;
    if (!valid_utf8(bytes)) {
        decoded = decode_latin(bytes, name);
        table.encoding = "windows-1252";
        bytes = decoded;
    }
    table.linebreak = guess_line_ending(bytes);
    const char delimiter = guess_delimiter(bytes, table.linebreak);
    if (delimiter == 0) {
        table.delimiter = ',';
        table.errors.push_back({"UndetectableDelimiter", 0, 1});
    } else {
        table.delimiter = delimiter;
    }
    Parsed parsed = papa_parse(bytes, table.delimiter, table.linebreak);
    // 1-based line of each row: count line endings up to its start.
    std::size_t line = 1;
    std::size_t counted = 0;
    bool have_header = false;
    for (std::size_t i = 0; i < parsed.rows.size(); ++i) {
        // Line endings between the previous row's start and this one (rows may span lines).
        const char last = table.linebreak.back(); // '\n' of LF and CRLF, or '\r'
        line += static_cast<std::size_t>(
            std::count(bytes.begin() + static_cast<std::ptrdiff_t>(counted),
                       bytes.begin() + static_cast<std::ptrdiff_t>(parsed.starts[i]), last));
        counted = parsed.starts[i];
        auto &fields = parsed.rows[i];
        if (empty_row(fields)) {
            continue; // the validator skips empty lines
        }
        if (!have_header) {
            table.header = fields;
            have_header = true;
            continue;
        }
        const std::size_t row = table.rows.size();
        if (parsed.missing_quotes && i == parsed.missing_quotes_row) {
            table.errors.push_back({"MissingQuotes", row, line});
        }
        if (fields.size() < table.header.size()) {
            table.errors.push_back({"TooFewFields", row, line});
        } else if (fields.size() > table.header.size()) {
            table.errors.push_back({"TooManyFields", row, line});
        }
        table.rows.push_back(std::move(fields)); // no copy: the parse is not used again
        table.row_lines.push_back(line);
    }
    return table;
}

BalTable read_bal_file(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw InputError(path, "cannot be read; check the path");
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    return read_bal(buffer.str(), path);
}

} // namespace adressage::formats
