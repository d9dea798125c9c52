#include "adressage/geo/legal_crs.hpp"

namespace adressage::geo {

LegalCrs legal_crs_for_insee(std::string_view insee) {
    const std::string_view dept = insee.substr(0, 3);
    if (dept == "971" || dept == "972" || dept == "977" || dept == "978") {
        return {5490, "Antilles (RGAF09 / UTM 20N)"};
    }
    if (dept == "973") {
        return {2972, "Guyane (RGFG95 / UTM 22N)"};
    }
    if (dept == "974") {
        return {2975, "La Réunion (RGR92 / UTM 40S)"};
    }
    if (dept == "975") {
        return {4467, "Saint-Pierre-et-Miquelon (RGSPM06 / UTM 21N)"};
    }
    if (dept == "976") {
        return {4471, "Mayotte (RGM04 / UTM 38S)"};
    }
    return {2154, "France métropolitaine (RGF93 / Lambert-93)"};
}

} // namespace adressage::geo
