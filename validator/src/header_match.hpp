#pragma once
// The validator's header matching (lib/validate/fields.ts): which column holds which field.
#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "codes.hpp"

namespace adressage::validator::detail {

// A recognised column of the file.
struct Column {
    std::size_t index = 0;
    Field field = Field::cle_interop;
    int language = -1;
    std::size_t prefix = 0;
};

struct HeaderMatch {
    std::vector<Column> columns; // in header order
    std::array<bool, field_count> found{};

    bool has(Field f) const { return found[static_cast<std::size_t>(f)]; }
};

// Exact names, in schema order, then the regional columns of a field that is present.
HeaderMatch match_header(const std::vector<std::string> &raw_header);

} // namespace adressage::validator::detail
