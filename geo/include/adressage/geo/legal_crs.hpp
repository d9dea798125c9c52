#pragma once
// The legal projection of each French territory (decree 2006-272, as the BAL validator applies it
// through @etalab/project-legal).
#include <string>
#include <string_view>

namespace adressage::geo {

struct LegalCrs {
    int epsg;
    std::string_view territory;
    std::string definition() const { return "EPSG:" + std::to_string(epsg); }
};

// From the commune's INSEE code: 971/972/977/978 → 5490, 973 → 2972, 974 → 2975, 975 → 4467,
// 976 → 4471, anything else (metropolitan France, Corsica) → 2154.
LegalCrs legal_crs_for_insee(std::string_view insee);

} // namespace adressage::geo
