#include "adressage/pipeline/run_options.hpp"

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <regex>

#include "adressage/error.hpp"
#include "adressage/install_paths.hpp"
#include "adressage/names/unsafe_text.hpp"

namespace adressage::pipeline {

// $ADRESSAGE_DATA; else share/adressage of an installed executable (install_paths.hpp); else
// the datasets/ of the checkout this build was made from.
std::string default_data_dir() {
    if (const char *env = std::getenv("ADRESSAGE_DATA"); env != nullptr && *env != '\0') {
        return env;
    }
    if (std::string installed = beside_executable("share/adressage", {".."}); !installed.empty()) {
        return installed;
    }
    return ADRESSAGE_DATA_DIR;
}

RunOptions default_commune_options(const std::string &data_dir) {
    RunOptions o;
    const std::string osm = data_dir + "/osm-alpes-maritimes-2016/";
    o.insee = "06012";
    o.roads = {osm + "osm-06012.gpkg:roads"};
    o.buildings = {osm + "osm-06012.gpkg:buildings"};
    o.boundary = {osm + "boundary-06012.geojson"};
    o.preset = "osm";
    return o;
}

namespace {

std::string today_utc() {
    const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    const std::chrono::year_month_day ymd{today};
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return buffer;
}

} // namespace

void check_options(RunOptions &o) {
    static const std::regex insee_pattern("^([0-9]{2}|2A|2B)[0-9]{3}$");
    if (!std::regex_match(o.insee, insee_pattern)) {
        throw ConfigError("--commune '" + o.insee +
                          "': an INSEE code has 5 characters (e.g. 06012, 2A004)");
    }
    if (!(o.max_distance > 0.0)) {
        throw ConfigError("--max-distance must be a positive number of metres");
    }
    if (!(o.homonym_distance >= 0.0)) {
        throw ConfigError("--homonym-distance must be zero or a positive number of metres");
    }
    if (o.date.empty()) {
        o.date = today_utc();
    } else {
        static const std::regex date_pattern("^([0-9]{4})-([0-9]{2})-([0-9]{2})$");
        std::smatch m;
        bool ok = std::regex_match(o.date, m, date_pattern);
        if (ok) {
            const std::chrono::year_month_day ymd{
                std::chrono::year{std::stoi(m[1])},
                std::chrono::month{static_cast<unsigned>(std::stoi(m[2]))},
                std::chrono::day{static_cast<unsigned>(std::stoi(m[3]))}};
            ok = ymd.ok() && o.date >= "2010-01-01" && o.date <= today_utc();
        }
        if (!ok) {
            throw ConfigError("--date '" + o.date +
                              "': give a real date YYYY-MM-DD between 2010-01-01 and today");
        }
    }
    if (!(o.classic_gap_metres >= 0.0) || !std::isfinite(o.classic_gap_metres)) {
        throw ConfigError("--classic-gap-metres must be zero (no gaps) or a positive number of "
                          "metres");
    }
    if (!(o.min_building_area >= 0.0) || !std::isfinite(o.min_building_area)) {
        throw ConfigError("--min-building-area must be zero (keep every building) or a positive "
                          "number of square metres");
    }
    if (!(o.ambiguity_ratio >= 1.0) || !std::isfinite(o.ambiguity_ratio)) {
        throw ConfigError("--ambiguity-ratio must be a number of at least 1 (e.g. 1.2: a second "
                          "voie less than 1.2 times as far as the nearest makes it ambiguous)");
    }
    if (o.naming_min_buildings < 1) {
        throw ConfigError("--naming-min-buildings must be at least 1 (building served)");
    }
    if (!(o.place_radius >= 0.0) || !std::isfinite(o.place_radius)) {
        throw ConfigError("--place-radius must be zero or a positive number of metres");
    }
    if (o.source.find_first_not_of(" \t") == std::string::npos) {
        throw ConfigError("--source must name the organisation that made the addresses");
    }
    if (const auto unsafe = names::unsafe_text_reason(o.source)) {
        throw ConfigError("--source '" + o.source + "' " + *unsafe +
                          "; give the organisation's name as it should read in the BAL");
    }
}

} // namespace adressage::pipeline
