#pragma once
// Every row's codes from the field and row rules, flattened, with the file line of each row.
#include <cstddef>
#include <deque>
#include <vector>

#include "codes.hpp"

namespace adressage::validator::detail {

class RowCodes {
  public:
    void add(std::size_t file_line, const std::vector<CodeId> &codes) {
        codes_.insert(codes_.end(), codes.begin(), codes.end());
        offsets_.push_back(codes_.size());
        lines_.push_back(file_line);
    }

    std::size_t file_line(std::size_t row) const { return lines_[row]; }
    // Replaces `out` with the row's codes.
    void copy(std::size_t row, std::vector<CodeId> &out) const {
        out.assign(codes_.begin() + static_cast<std::ptrdiff_t>(offsets_[row]),
                   codes_.begin() + static_cast<std::ptrdiff_t>(offsets_[row + 1]));
    }

  private:
    std::vector<CodeId> codes_;
    std::deque<std::size_t> offsets_ = {0}; // where each row's codes start, and the end
    std::deque<std::size_t> lines_;
};

} // namespace adressage::validator::detail
