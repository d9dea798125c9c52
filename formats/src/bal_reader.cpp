#include "adressage/formats/bal_reader.hpp"

#include <libfccp/csv.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/utf8.h>

#include <algorithm>
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

std::vector<std::string_view> split_lines(std::string_view text, std::string &linebreak) {
    const std::size_t crlf = text.find("\r\n");
    const std::size_t lf = text.find('\n');
    const std::size_t cr = text.find('\r');
    if (crlf != std::string_view::npos && crlf <= lf) {
        linebreak = "\r\n";
    } else if (lf != std::string_view::npos) {
        linebreak = "\n";
    } else if (cr != std::string_view::npos) {
        linebreak = "\r";
    }
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find_first_of("\r\n", start);
        if (end == std::string_view::npos) {
            lines.push_back(text.substr(start));
            break;
        }
        lines.push_back(text.substr(start, end - start));
        start =
            end + ((text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') ? 2 : 1);
    }
    if (!lines.empty() && lines.back().empty()) {
        lines.pop_back(); // the final line break
    }
    return lines;
}

// Splits one line with fast-cpp-csv-parser's quote policy; false on an unclosed quote.
template <char sep> bool split_fields(std::string_view line, std::vector<std::string> &out) {
    using policy = io::double_quote_escape<sep, '"'>;
    std::string buffer(line);
    char *begin = buffer.data();
    out.clear();
    try {
        while (true) {
            char *end = const_cast<char *>(policy::find_next_column_end(begin));
            const bool last = *end == '\0';
            *end = '\0';
            char *col_begin = begin;
            char *col_end = end;
            policy::unescape(col_begin, col_end);
            out.emplace_back(col_begin, col_end);
            if (last) {
                return true;
            }
            begin = end + 1;
        }
    } catch (const io::error::base &) {
        return false;
    }
}

bool split(char sep, std::string_view line, std::vector<std::string> &out) {
    switch (sep) {
    case ',':
        return split_fields<','>(line, out);
    case '\t':
        return split_fields<'\t'>(line, out);
    default:
        return split_fields<';'>(line, out);
    }
}

// The validator's guess (papaparse): the delimiter whose first rows have the most consistent
// number of fields, more than one.
char guess_delimiter(const std::vector<std::string_view> &lines) {
    char best = ';';
    double best_score = -1.0;
    for (char sep : {',', '\t', ';'}) {
        std::vector<std::string> fields;
        std::size_t rows = 0;
        std::size_t consistent = 0;
        std::size_t expected = 0;
        for (std::string_view line : lines) {
            if (line.empty()) {
                continue;
            }
            if (!split(sep, line, fields)) {
                fields.assign(1, std::string());
            }
            if (rows == 0) {
                expected = fields.size();
            } else if (fields.size() == expected) {
                ++consistent;
            }
            if (++rows == 10) {
                break;
            }
        }
        if (expected < 2) {
            continue;
        }
        const double score =
            (rows > 1 ? static_cast<double>(consistent) / static_cast<double>(rows - 1) : 1.0) *
                1000.0 +
            static_cast<double>(expected);
        if (score > best_score) {
            best_score = score;
            best = sep;
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
    const std::vector<std::string_view> lines = split_lines(bytes, table.linebreak);
    table.delimiter = guess_delimiter(lines);

    std::vector<std::string> fields;
    bool have_header = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].empty()) {
            continue; // the validator skips empty lines
        }
        const bool closed = split(table.delimiter, lines[i], fields);
        if (!have_header) {
            table.header = fields;
            have_header = true;
            continue;
        }
        const std::size_t row = table.rows.size();
        if (!closed) {
            table.errors.push_back({"MissingQuotes", row, i + 1});
        } else if (fields.size() < table.header.size()) {
            table.errors.push_back({"TooFewFields", row, i + 1});
        } else if (fields.size() > table.header.size()) {
            table.errors.push_back({"TooManyFields", row, i + 1});
        }
        table.rows.push_back(fields);
        table.row_lines.push_back(i + 1);
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
