#include "adressage/pipeline/option_values.hpp"

#include <algorithm>
#include <charconv>
#include <regex>

#include "adressage/error.hpp"

namespace adressage::pipeline {

namespace {

std::string quoted(std::string_view flag, const std::string &text) {
    return std::string(flag) + " '" + text + "': ";
}

// The shortest text that reads back as the same double.
std::string shortest(double value) {
    char buffer[32];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    return {buffer, end};
}

} // namespace

std::optional<NumberingMode> numbering_mode_from(std::string_view name) {
    if (name == "metric" || name == "metrique" || name == "m\u00e9trique") {
        return NumberingMode::metric;
    }
    if (name == "classic" || name == "classique") {
        return NumberingMode::classic;
    }
    return std::nullopt;
}

const char *numbering_mode_name(NumberingMode mode) {
    return mode == NumberingMode::classic ? "classic" : "metric";
}

NumberingMode parse_numbering(std::string_view flag, const std::string &text) {
    const auto mode = numbering_mode_from(text);
    if (!mode) {
        throw ConfigError(quoted(flag, text) + "use metric or classic");
    }
    return *mode;
}

geo::XY parse_lonlat(std::string_view flag, const std::string &text) {
    static const std::regex pattern(
        R"(^\s*(-?[0-9]+(\.[0-9]+)?)\s*[,;]\s*(-?[0-9]+(\.[0-9]+)?)\s*$)");
    std::smatch m;
    // Bounded first: libstdc++'s regex recurses once per character of a `\s*` run.
    if (text.size() <= 64 && std::regex_match(text, m, pattern)) {
        const geo::XY lonlat{std::stod(m[1]), std::stod(m[3])};
        if (lonlat.x >= -180.0 && lonlat.x <= 180.0 && lonlat.y >= -90.0 && lonlat.y <= 90.0) {
            return lonlat;
        }
    }
    throw ConfigError(quoted(flag, text) +
                      "give the town hall as LON,LAT in WGS84 degrees (e.g. 7.4197,43.7366)");
}

std::vector<formats::PositionType> parse_positions(std::string_view flag, const std::string &text) {
    using formats::PositionType;
    bool entree = false;
    bool batiment = false;
    bool segment = false;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find(',', start), text.size());
        std::string word = text.substr(start, end - start);
        word.erase(0, word.find_first_not_of(' '));
        word.erase(word.find_last_not_of(' ') + 1);
        if (word == "entr\u00e9e" || word == "entree") {
            entree = true;
        } else if (word == "b\u00e2timent" || word == "batiment") {
            batiment = true;
        } else if (word == "segment") {
            segment = true;
        } else {
            throw ConfigError(quoted(flag, text) +
                              "give one or more of entrée, bâtiment, segment, separated by "
                              "commas (e.g. entrée,bâtiment)");
        }
        start = end + 1;
    }
    std::vector<PositionType> out;
    for (const auto &[wanted, type] :
         {std::pair{entree, PositionType::entree}, std::pair{batiment, PositionType::batiment},
          std::pair{segment, PositionType::segment}}) {
        if (wanted) {
            out.push_back(type);
        }
    }
    return out;
}

formats::BalVersion parse_written_bal_version(std::string_view flag, const std::string &text) {
    const auto version = formats::parse_bal_version(text);
    if (!version || *version == formats::BalVersion::v1_3) {
        throw ConfigError(quoted(flag, text) + "write 1.4 or 1.5");
    }
    return *version;
}

std::string option_text(NumberingMode mode) { return numbering_mode_name(mode); }

std::string option_text(const std::optional<geo::XY> &lonlat) {
    return lonlat ? shortest(lonlat->x) + "," + shortest(lonlat->y) : std::string();
}

std::string option_text(const std::vector<formats::PositionType> &types) {
    std::string out;
    for (const formats::PositionType type : types) {
        out += (out.empty() ? "" : ",") + std::string(formats::position_label(type));
    }
    return out;
}

std::string option_text(formats::BalVersion version) {
    return std::string(formats::to_string(version));
}

} // namespace adressage::pipeline
