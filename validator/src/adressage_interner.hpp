#pragma once
// Distinct values as small numbers, for the adressage checks.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "string_hash.hpp"

namespace adressage::validator::detail {

// 0 is the empty value, the others count from 1. Consecutive rows often repeat a value: the
// last one is checked first.
class Interner {
  public:
    std::uint32_t id(std::string_view value) {
        if (value.empty()) {
            return 0;
        }
        if (last_ != nullptr && last_->first == value) {
            return last_->second;
        }
        auto it = ids_.find(value);
        if (it == ids_.end()) {
            it =
                ids_.emplace(std::string(value), static_cast<std::uint32_t>(ids_.size() + 1)).first;
        }
        last_ = &*it;
        return it->second;
    }

  private:
    StringMap<std::uint32_t> ids_;
    const std::pair<const std::string, std::uint32_t> *last_ = nullptr;
};

} // namespace adressage::validator::detail
