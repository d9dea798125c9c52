#pragma once
// The row rules (lib/schema/row.ts): what a row's values say together.
#include <vector>

#include "codes.hpp"
#include "fields.hpp"
#include "row_state.hpp"

namespace adressage::validator::detail {

// Appends the row's codes, in the validator's order. s.projected: its long/lat in the legal
// projection of s.territory, when it has x and y.
void row_rules(const RowState &s, const CogIndex &cog, const CodeTable &codes,
               std::vector<CodeId> &errors);

} // namespace adressage::validator::detail
