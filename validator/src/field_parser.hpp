#pragma once
// The field phase (lib/schema/fields.ts): each recognised column of a row checked and parsed
// into a RowState, its codes appended in column order. Text values (names, position) are
// checked once per distinct value of their column.
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "codes.hpp"
#include "fields.hpp"
#include "header_match.hpp"
#include "row_state.hpp"

namespace adressage::validator::detail {

class FieldParser {
  public:
    // today: "YYYY-MM-DD". The parser keeps references to codes and cog.
    FieldParser(std::vector<Column> columns, const CodeTable &codes, CogIndex &cog,
                std::string today);

    const std::vector<Column> &columns() const { return columns_; }

    // s must be a fresh RowState. The row's cells must outlive the views s keeps of them; the
    // name entries s points to live as long as the parser.
    void parse_row(std::span<const std::string_view> row, RowState &s, std::vector<CodeId> &errors);

  private:
    const NameEntry &name_entry(std::size_t column, const Column &c, std::string_view raw);
    void parse_value(const Column &c, std::string_view raw, RowState &s, FieldErrors &errors);
    void parse_ban_id(Field field, std::string_view v, RowState &s, FieldErrors &errors);
    void parse_commune_insee(std::string_view v, RowState &s, FieldErrors &errors);
    void parse_deleguee_insee(std::string_view v, RowState &s, FieldErrors &errors);

    std::vector<Column> columns_;
    const CodeTable &codes_;
    CogIndex &cog_;
    std::string today_;
    // By position in columns_: every distinct value, and the last one seen.
    std::vector<NameCache> caches_;
    std::vector<const std::pair<const std::string, NameEntry> *> last_;
};

} // namespace adressage::validator::detail
