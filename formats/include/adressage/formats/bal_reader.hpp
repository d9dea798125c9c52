#pragma once
// Reading a BAL file of any version as the official validator does: encoding (UTF-8 with or
// without BOM, windows-1252 detected and decoded), delimiter guessed among , tab ;, LF/CRLF/CR,
// quoted fields, empty lines skipped. Values are kept as written (UTF-8); structural problems
// are reported, not thrown.
//
// BalReader streams: it keeps the file's bytes and hands out each data row as views into them,
// so a million-row file is validated without a copy of its cells. read_bal() builds a whole
// table on top of it, for the writers and the tests.
#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace adressage::formats {

struct BalParseError {
    std::string code;     // TooFewFields, TooManyFields, MissingQuotes (the validator's names)
    std::size_t row = 0;  // 0-based data-row index
    std::size_t line = 0; // 1-based line of the file
};

// One data row as read: as many cells as the header, or fewer or more on a broken line.
struct BalReadRow {
    std::size_t index = 0; // 0-based data-row index
    std::size_t line = 0;  // 1-based line of the file where the row starts
    std::span<const std::string_view> cells;
};

class BalReader {
  public:
    // Throws InputError (naming `name`) when the bytes are binary or in an encoding the BAN
    // does not take.
    explicit BalReader(std::string bytes, const std::string &name = "BAL");
    // Throws InputError when the file cannot be read.
    static BalReader open(const std::string &path);
    BalReader(BalReader &&) noexcept;
    BalReader &operator=(BalReader &&) noexcept;
    ~BalReader();

    const std::string &encoding() const; // "utf-8" or "windows-1252"
    bool bom() const;
    char delimiter() const;
    const std::string &linebreak() const; // "\n", "\r\n" or "\r"
    const std::vector<std::string> &header() const;

    // The next data row, or false at the end. The cells stay valid as long as the reader.
    bool next(BalReadRow &row);
    // The structural problems met so far; all of them once next() has returned false.
    const std::vector<BalParseError> &errors() const;

  private:
    BalReader();
    void init(std::string_view input, const std::string &name);
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

struct BalTable {
    std::string encoding = "utf-8"; // "utf-8" or "windows-1252"
    bool bom = false;
    char delimiter = ';';
    std::string linebreak = "\n"; // "\n", "\r\n", "\r"
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows; // as many values as the header, or as read
    std::vector<std::size_t> row_lines;         // 1-based file line of each row
    std::vector<BalParseError> errors;

    bool parse_ok() const noexcept { return errors.empty(); }
    // Index of a column in the header, or -1.
    int column(std::string_view name) const;
};

// Throws InputError when the bytes are binary or in an encoding the BAN does not take.
BalTable read_bal(std::string_view bytes, const std::string &name = "BAL");
// Throws InputError when the file cannot be read.
BalTable read_bal_file(const std::string &path);

} // namespace adressage::formats
