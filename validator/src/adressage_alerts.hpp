#pragma once
// The adressage alerts of a file as they are found, given back sorted by (line, code).
#include <cstddef>
#include <cstdint>
#include <vector>

#include "adressage/validator/adressage_checks.hpp"
#include "adressage_codes.hpp"

namespace adressage::validator::detail {

class ExtraAlerts {
  public:
    void add(std::size_t line, ExtraCode code);
    // Every alert added, sorted; the list is emptied.
    std::vector<ExtraAlert> take_sorted();

  private:
    std::vector<std::uint64_t> alerts_; // line << 8 | rank of the code in the codes' names
};

} // namespace adressage::validator::detail
