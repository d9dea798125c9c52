#include "adressage/formats/bal_reader.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <deque>
#include <fstream>
#include <memory>
#include <optional>

#include "adressage/error.hpp"
#include "adressage/formats/utf8_check.hpp"
#include "mapped_file.hpp"

namespace adressage::formats {

namespace {

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
// which case '\r\n' if most '\r' are followed by '\n'. One pass, without the unquoted copy.
std::string guess_line_ending(std::string_view input) {
    input = input.substr(0, 1024 * 1024);
    std::size_t pieces = 1; // the text cut at each '\r'
    std::size_t with_n = 0; // the pieces after the first that begin with '\n'
    bool after_r = false;   // the last character outside quotes was '\r'
    for (std::size_t i = 0; i < input.size(); ++i) {
        if (input[i] == '"') {
            const std::size_t close = input.find('"', i + 1);
            if (close != std::string_view::npos) {
                i = close; // quoted text is removed: the characters either side meet
                continue;
            }
        }
        if (input[i] == '\n') {
            if (pieces == 1) {
                return "\n"; // before any '\r': most files stop here, at their first line
            }
            with_n += after_r ? 1 : 0;
        }
        after_r = input[i] == '\r';
        pieces += after_r ? 1 : 0;
    }
    if (pieces == 1) {
        return "\n";
    }
    return static_cast<double>(with_n) >= static_cast<double>(pieces) / 2.0 ? "\r\n" : "\r";
}

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

// Splits the input into rows and fields the way papaparse 5 does, so that the validator's
// verdict can be reproduced: a field is quoted only when it starts with '"'; a closing quote
// must be followed (after optional blanks) by the delimiter or the line ending, otherwise the
// quote is text and the field goes on, across lines if need be; an unclosed quote takes the rest
// of the input. fast-cpp-csv-parser reads one line at a time and cannot follow these rules.
// One row at a time; fields are views into the input, or into `unescaped` for quoted fields
// with doubled quotes.
class PapaParser {
  public:
    PapaParser(std::string_view input, char delim, std::string_view newline,
               std::deque<std::string> *unescaped)
        : input_(input), delim_(delim), newline_(newline), unescaped_(unescaped) {}

    // The next row (an empty line gives one empty field); false at the end of the input.
    // `start` is the byte offset where the row begins; `missing_quotes` is set when the row
    // ends in an unclosed quote.
    bool next(std::vector<std::string_view> &fields, std::size_t &start, bool &missing_quotes);
    // The last row returned had a quoted field, so it may span several lines.
    bool last_row_quoted() const noexcept { return quoted_; }

  private:
    std::size_t next_of(std::string_view what, std::size_t from) const {
        const std::size_t at = input_.find(what, from);
        return at == std::string_view::npos ? input_.size() : at;
    }
    std::string_view quoted(std::size_t open, std::size_t close) {
        const std::string_view inner = input_.substr(open + 1, close - open - 1);
        if (inner.find("\"\"") == std::string_view::npos) {
            return inner;
        }
        return unescaped_->emplace_back(unescape_quotes(inner));
    }

    std::string_view input_;
    char delim_;
    std::string_view newline_;
    std::deque<std::string> *unescaped_;
    std::size_t cursor_ = 0;
    bool quoted_ = false;
    std::size_t cached_line_ = std::string_view::npos; // next line ending, searched once a line
};

bool PapaParser::next(std::vector<std::string_view> &fields, std::size_t &start,
                      bool &missing_quotes) {
    fields.clear();
    missing_quotes = false;
    quoted_ = false;
    start = cursor_;
    const std::size_t len = input_.size();
    if (cursor_ >= len) {
        return false;
    }
    const std::string_view delim_view(&delim_, 1);
    while (true) {
        if (cursor_ >= len) {
            fields.emplace_back(); // after a final delimiter: papaparse's empty last field
            return true;
        }
        if (input_[cursor_] == '"') {
            quoted_ = true;
            const std::size_t open = cursor_;
            std::size_t quote = open;
            bool closed = false;
            while (true) {
                quote = input_.find('"', quote + 1);
                if (quote == std::string_view::npos) {
                    missing_quotes = true;
                    fields.push_back(input_.substr(open + 1));
                    cursor_ = len;
                    return true;
                }
                if (quote == len - 1) {
                    fields.push_back(quoted(open, quote));
                    cursor_ = len;
                    return true;
                }
                if (input_[quote + 1] == '"') {
                    ++quote; // an escaped quote
                    continue;
                }
                const std::size_t next_delim = next_of(delim_view, quote + 1);
                const std::size_t next_line = next_of(newline_, quote + 1);
                const std::size_t check = std::min(next_delim, next_line);
                const std::size_t spaces = (check > quote + 1 && check < len &&
                                            blank(input_.substr(quote + 1, check - quote - 1)))
                                               ? check - quote - 1
                                               : 0;
                if (quote + 1 + spaces < len && input_[quote + 1 + spaces] == delim_) {
                    fields.push_back(quoted(open, quote));
                    cursor_ = quote + 1 + spaces + 1;
                    closed = true;
                    break;
                }
                const std::size_t nl_spaces =
                    (next_line > quote + 1 && next_line < len &&
                     blank(input_.substr(quote + 1, next_line - quote - 1)))
                        ? next_line - quote - 1
                        : 0;
                if (input_.substr(quote + 1 + nl_spaces, newline_.size()) == newline_) {
                    fields.push_back(quoted(open, quote));
                    cursor_ = quote + 1 + nl_spaces + newline_.size();
                    return true;
                }
                // A quote inside the text ("InvalidQuotes" for papaparse, not fatal): go on.
            }
            if (closed) {
                continue;
            }
        }
        if (cached_line_ < cursor_ || cached_line_ == std::string_view::npos) {
            cached_line_ = next_of(newline_, cursor_);
        }
        const std::size_t next_line = cached_line_;
        const std::size_t line_end = std::min(next_line, len);
        const void *found = std::memchr(input_.data() + cursor_, delim_, line_end - cursor_);
        const std::size_t next_delim =
            found ? static_cast<std::size_t>(static_cast<const char *>(found) - input_.data())
                  : len;
        if (next_delim < next_line) {
            fields.push_back(input_.substr(cursor_, next_delim - cursor_));
            cursor_ = next_delim + 1;
            continue;
        }
        if (next_line < len) {
            fields.push_back(input_.substr(cursor_, next_line - cursor_));
            cursor_ = next_line + newline_.size();
            return true;
        }
        fields.push_back(input_.substr(cursor_));
        cursor_ = len;
        return true;
    }
}

bool empty_row(std::span<const std::string_view> row) { return row.size() == 1 && row[0].empty(); }

// papaparse's guess among , tab ; (in that order): the lowest change in field count over the
// first 10 rows, ties to the higher average; more than 1.99 fields on average. 0 if none.
char guess_delimiter(std::string_view input, std::string_view newline) {
    char best = 0;
    double best_delta = 0.0;
    double best_average = 0.0;
    std::deque<std::string> scratch;
    std::vector<std::string_view> row;
    for (char delim : {',', '\t', ';'}) {
        PapaParser parser(input, delim, newline, &scratch);
        double delta = 0.0;
        double average = 0.0;
        std::size_t rows = 0;
        std::size_t empty = 0;
        bool have_previous = false;
        std::size_t previous = 0;
        std::size_t start = 0;
        bool missing_quotes = false;
        while (rows < 10 && parser.next(row, start, missing_quotes)) {
            ++rows;
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
            delta += std::abs(static_cast<double>(row.size()) - static_cast<double>(previous));
            previous = row.size();
        }
        if (rows > empty) {
            average /= static_cast<double>(rows - empty);
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

struct BalReader::Impl {
    std::optional<detail::MappedFile> file;
    std::string bytes; // as given, or decoded to UTF-8
    std::string_view text;
    std::string encoding = "utf-8";
    bool bom = false;
    char delimiter = ',';
    std::string linebreak;
    std::vector<std::string> header;
    std::vector<BalParseError> errors;
    std::deque<std::string> unescaped;
    std::optional<PapaParser> parser;
    std::vector<std::string_view> fields;
    std::size_t rows = 0;
    std::size_t line = 1;    // line of the byte at `counted`
    std::size_t counted = 0; // line endings are counted up to here

    // The next non-empty row and its 1-based line, or false.
    bool next_fields(std::size_t &row_line, bool &missing_quotes) {
        std::size_t start = 0;
        while (true) {
            const bool previous_quoted = parser->last_row_quoted();
            if (!parser->next(fields, start, missing_quotes)) {
                return false;
            }
            // Line endings between the previous row's start and this one: one, unless a quoted
            // field let the previous row span lines.
            if (start > counted) {
                const char last = linebreak.back(); // '\n' of LF and CRLF, or '\r'
                line += previous_quoted
                            ? static_cast<std::size_t>(std::count(
                                  text.begin() + static_cast<std::ptrdiff_t>(counted),
                                  text.begin() + static_cast<std::ptrdiff_t>(start), last))
                            : 1;
                counted = start;
            }
            release_before(start);
            if (!empty_row(fields)) { // the validator skips empty lines
                row_line = line;
                return true;
            }
        }
    }

    // A mapped file's pages before `offset` of the text leave the resident set every few MB:
    // they stay valid (a later read maps them again from the file), but a streamed file no
    // longer counts in full in the memory of the process.
    void release_before(std::size_t offset) {
        constexpr std::size_t step = 4u << 20;
        if (!file || offset < released + step) {
            return;
        }
        const std::size_t base = static_cast<std::size_t>(text.data() - file->bytes().data());
        released = offset;
        file->release_before(base + offset);
    }
    std::size_t released = 0;
};

BalReader::BalReader() : impl_(std::make_unique<Impl>()) {}

void BalReader::init(std::string_view input, const std::string &name) {
    Impl &m = *impl_;
    if (input.find('\0') != std::string_view::npos) {
        throw InputError(name, "not a text file; give a BAL CSV file");
    }
    if (input.substr(0, 3) == "\xEF\xBB\xBF") {
        m.bom = true;
        input.remove_prefix(3);
    }
    if (first_invalid_utf8(input) != std::string::npos) {
        m.bytes = decode_latin(input, name);
        m.encoding = "windows-1252";
        m.text = m.bytes;
    } else {
        m.text = input;
    }
    m.linebreak = guess_line_ending(m.text);
    m.delimiter = guess_delimiter(m.text, m.linebreak);
    if (m.delimiter == 0) {
        m.delimiter = ',';
        m.errors.push_back({"UndetectableDelimiter", 0, 1});
    }
    m.parser.emplace(m.text, m.delimiter, m.linebreak, &m.unescaped);
    std::size_t line = 0;
    bool missing_quotes = false;
    if (m.next_fields(line, missing_quotes)) {
        m.header.assign(m.fields.begin(), m.fields.end());
    }
}

BalReader::BalReader(std::string bytes, const std::string &name) : BalReader() {
    impl_->bytes = std::move(bytes);
    init(impl_->bytes, name);
}

BalReader BalReader::open(const std::string &path) {
    BalReader reader;
    reader.impl_->file.emplace(path);
    reader.init(reader.impl_->file->bytes(), path);
    return reader;
}

BalReader::BalReader(BalReader &&) noexcept = default;
BalReader &BalReader::operator=(BalReader &&) noexcept = default;
BalReader::~BalReader() = default;

const std::string &BalReader::encoding() const { return impl_->encoding; }
bool BalReader::bom() const { return impl_->bom; }
char BalReader::delimiter() const { return impl_->delimiter; }
const std::string &BalReader::linebreak() const { return impl_->linebreak; }
const std::vector<std::string> &BalReader::header() const { return impl_->header; }
const std::vector<BalParseError> &BalReader::errors() const { return impl_->errors; }

bool BalReader::next(BalReadRow &row) {
    Impl &m = *impl_;
    std::size_t line = 0;
    bool missing_quotes = false;
    if (!m.next_fields(line, missing_quotes)) {
        return false;
    }
    const std::size_t index = m.rows++;
    if (missing_quotes) {
        m.errors.push_back({"MissingQuotes", index, line});
    }
    if (m.fields.size() < m.header.size()) {
        m.errors.push_back({"TooFewFields", index, line});
    } else if (m.fields.size() > m.header.size()) {
        m.errors.push_back({"TooManyFields", index, line});
    }
    row.index = index;
    row.line = line;
    row.cells = m.fields;
    return true;
}

int BalTable::column(std::string_view name) const {
    const auto it = std::find(header.begin(), header.end(), name);
    return it == header.end() ? -1 : static_cast<int>(it - header.begin());
}

namespace {
BalTable to_table(BalReader &reader) {
    BalTable table;
    table.encoding = reader.encoding();
    table.bom = reader.bom();
    table.delimiter = reader.delimiter();
    table.linebreak = reader.linebreak();
    table.header = reader.header();
    BalReadRow row;
    while (reader.next(row)) {
        table.rows.emplace_back(row.cells.begin(), row.cells.end());
        table.row_lines.push_back(row.line);
    }
    table.errors = reader.errors();
    return table;
}
} // namespace

BalTable read_bal(std::string_view bytes, const std::string &name) {
    BalReader reader{std::string(bytes), name};
    return to_table(reader);
}

BalTable read_bal_file(const std::string &path) {
    BalReader reader = BalReader::open(path);
    return to_table(reader);
}

} // namespace adressage::formats
