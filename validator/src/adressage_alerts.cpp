#include "adressage_alerts.hpp"

#include <algorithm>
#include <array>

namespace adressage::validator::detail {

namespace {

// The codes in the order of their names, so that alerts sort as (line, code) by number.
const std::array<std::uint8_t, extra_code_count> &code_rank() {
    static const std::array<std::uint8_t, extra_code_count> rank = [] {
        std::array<ExtraCode, extra_code_count> codes{};
        for (std::size_t c = 0; c < codes.size(); ++c) {
            codes[c] = static_cast<ExtraCode>(c);
        }
        std::sort(codes.begin(), codes.end(),
                  [](ExtraCode a, ExtraCode b) { return info(a).code < info(b).code; });
        std::array<std::uint8_t, extra_code_count> out{};
        for (std::size_t r = 0; r < codes.size(); ++r) {
            out[static_cast<std::size_t>(codes[r])] = static_cast<std::uint8_t>(r);
        }
        return out;
    }();
    return rank;
}

ExtraCode code_of_rank(std::uint8_t rank) {
    const auto &ranks = code_rank();
    return static_cast<ExtraCode>(std::find(ranks.begin(), ranks.end(), rank) - ranks.begin());
}

} // namespace

void ExtraAlerts::add(std::size_t line, ExtraCode code) {
    alerts_.push_back((std::uint64_t{line} << 8) | code_rank()[static_cast<std::size_t>(code)]);
}

std::vector<ExtraAlert> ExtraAlerts::take_sorted() {
    std::sort(alerts_.begin(), alerts_.end());
    std::vector<ExtraAlert> out;
    out.reserve(alerts_.size());
    for (const std::uint64_t a : alerts_) {
        const ExtraCodeInfo &i = info(code_of_rank(static_cast<std::uint8_t>(a)));
        out.push_back({static_cast<std::size_t>(a >> 8), i.code, i.level});
    }
    alerts_.clear();
    return out;
}

} // namespace adressage::validator::detail
