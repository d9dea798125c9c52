#include "batch/batch_commune_options.hpp"

#include <filesystem>
#include <regex>

#include "adressage/error.hpp"
#include "options/options_csv.hpp"
#include "options/voie_options.hpp"

namespace adressage::pipeline {

namespace {

namespace fs = std::filesystem;

constexpr const char *header_help =
    "the first line must name the columns: insee and any of numerotation, mairie_lon, "
    "mairie_lat, id_ban_commune, siren (e.g. insee;numerotation;mairie_lon;mairie_lat)";
constexpr const char *placeholder = "{insee}";

std::string lower_ascii(std::string text) {
    for (char &c : text) {
        c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return text;
}

bool is_number(const std::string &text) {
    static const std::regex pattern(R"(^-?[0-9]+(\.[0-9]+)?$)");
    return std::regex_match(text, pattern);
}

CommuneOption parse_line(const std::string &input, std::size_t line, std::string insee,
                         const std::string &numerotation, const std::string &lon,
                         const std::string &lat, const std::string &id, const std::string &siren) {
    const std::string at = "line " + std::to_string(line) + ": ";
    static const std::regex insee_pattern("^([0-9]{2}|2A|2B)[0-9]{3}$");
    if (!std::regex_match(insee, insee_pattern)) {
        throw InputError(input, at + "insee '" + insee +
                                    "' is not an INSEE code (5 characters, e.g. 06012)");
    }
    CommuneOption option;
    option.insee = std::move(insee);
    option.line = line;
    if (!numerotation.empty()) {
        const auto mode = numbering_mode_from(lower_ascii(numerotation));
        if (!mode) {
            throw InputError(input, at + "numerotation '" + numerotation +
                                        "' is not a numbering; write metrique or classique (or "
                                        "leave it empty for --numbering)");
        }
        option.numbering = *mode;
    }
    if (!lon.empty() || !lat.empty()) {
        const bool ok = is_number(lon) && is_number(lat) && std::abs(std::stod(lon)) <= 180.0 &&
                        std::abs(std::stod(lat)) <= 90.0;
        if (!ok) {
            throw InputError(input, at + "mairie_lon '" + lon + "' mairie_lat '" + lat +
                                        "': give both, in WGS84 degrees (e.g. 7.4197 and "
                                        "43.7366), or leave both empty");
        }
        option.town_hall = geo::XY{std::stod(lon), std::stod(lat)};
    }
    static const std::regex uuid_pattern(
        "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    if (!id.empty() && !std::regex_match(id, uuid_pattern)) {
        throw InputError(input, at + "id_ban_commune '" + id +
                                    "' is not a UUID; give the BAN's id of the commune or leave "
                                    "it empty");
    }
    option.id_ban_commune = lower_ascii(id);
    static const std::regex siren_pattern("^[0-9]{9}$");
    if (!siren.empty() && !std::regex_match(siren, siren_pattern)) {
        throw InputError(input,
                         at + "siren '" + siren + "' is not a SIREN (9 digits); fix or empty it");
    }
    option.siren = siren;
    return option;
}

template <char delimiter>
void read_rows(const std::string &input, const std::string &path, const std::string &text,
               std::map<std::string, CommuneOption> &out) {
    io::CSVReader<7, io::trim_chars<' ', '\t'>, io::double_quote_escape<delimiter, '"'>> in(
        path, text.data(), text.data() + text.size());
    in.read_header(io::ignore_extra_column | io::ignore_missing_column, "insee", "commune_insee",
                   "numerotation", "mairie_lon", "mairie_lat", "id_ban_commune", "siren");
    if (in.has_column("insee") == in.has_column("commune_insee")) {
        throw InputError(input, header_help);
    }
    std::string insee;
    std::string commune_insee;
    std::string numerotation;
    std::string lon;
    std::string lat;
    std::string id;
    std::string siren;
    while (in.read_row(insee, commune_insee, numerotation, lon, lat, id, siren)) {
        const auto line = static_cast<std::size_t>(in.get_file_line());
        CommuneOption option = parse_line(input, line, insee.empty() ? commune_insee : insee,
                                          numerotation, lon, lat, id, siren);
        const auto [it, inserted] = out.emplace(option.insee, option);
        if (!inserted) {
            throw InputError(input, "line " + std::to_string(line) + ": commune " + option.insee +
                                        " is already given at line " +
                                        std::to_string(it->second.line) +
                                        "; keep one line per commune");
        }
    }
}

nlohmann::json file_key(const std::string &path) {
    if (path.empty()) {
        return nullptr;
    }
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    const auto time = fs::last_write_time(path, ec);
    return {{"path", path},
            {"size", ec ? 0 : size},
            {"mtime", ec ? 0 : time.time_since_epoch().count()}};
}

} // namespace

CommuneOptions CommuneOptions::load(const std::string &path) {
    const std::string input = "--commune-options " + path;
    CommuneOptions options;
    read_options_csv(input, path, header_help, [&]<char delimiter>(const std::string &text) {
        read_rows<delimiter>(input, path, text, options.by_insee_);
    });
    return options;
}

const CommuneOption *CommuneOptions::find(const std::string &insee) const {
    const auto it = by_insee_.find(insee);
    return it == by_insee_.end() ? nullptr : &it->second;
}

std::string expand_insee(const std::string &pattern, const std::string &insee) {
    std::string out = pattern;
    const std::string key = placeholder;
    for (std::size_t at = out.find(key); at != std::string::npos;
         at = out.find(key, at + insee.size())) {
        out.replace(at, key.size(), insee);
    }
    return out;
}

void check_commune_patterns(const RunOptions &base, const std::vector<std::string> &communes) {
    const auto has_placeholder = [](const std::string &p) {
        return p.find(placeholder) != std::string::npos;
    };
    if (!base.ledger.empty() && !has_placeholder(base.ledger)) {
        throw ConfigError("--ledger '" + base.ledger +
                          "': a ledger belongs to one commune; in a batch give a path with "
                          "{insee} (e.g. ledgers/{insee}.sqlite)");
    }
    if (!base.voie_options.empty() && !has_placeholder(base.voie_options)) {
        VoieOptions::load(base.voie_options); // one file for every commune: checked once
    }
    if (base.existing.empty()) {
        return;
    }
    if (!has_placeholder(base.existing)) {
        throw ConfigError("--existing '" + base.existing +
                          "': in a batch give one file per commune, a path with {insee} (e.g. "
                          "bal/{insee}.csv)");
    }
    for (const std::string &insee : communes) {
        std::error_code ec;
        if (fs::is_regular_file(expand_insee(base.existing, insee), ec)) {
            return;
        }
    }
    throw InputError("--existing " + base.existing,
                     "no file for any of the " + std::to_string(communes.size()) +
                         " communes (looked for " + expand_insee(base.existing, communes.front()) +
                         "...); check the pattern");
}

RunOptions commune_run_options(const RunOptions &base, const std::string &insee,
                               const CommuneOption *line) {
    RunOptions o = base;
    o.insee = insee;
    std::error_code ec;
    if (!o.existing.empty()) {
        o.existing = expand_insee(o.existing, insee);
        if (!fs::exists(o.existing, ec)) {
            o.existing.clear(); // this commune has no BAL yet: numbered afresh
        }
    }
    if (o.voie_options.find(placeholder) != std::string::npos) {
        o.voie_options = expand_insee(o.voie_options, insee);
        if (!fs::exists(o.voie_options, ec)) {
            o.voie_options.clear(); // no per-voie options for this commune
        }
    }
    if (!o.voie_names.empty()) {
        o.voie_names = expand_insee(o.voie_names, insee);
        if (!fs::exists(o.voie_names, ec)) {
            o.voie_names.clear(); // the council has not named this commune's voies yet
        }
    }
    o.ledger = expand_insee(o.ledger, insee);
    if (line != nullptr) {
        if (line->numbering) {
            o.numbering = *line->numbering;
        }
        if (line->town_hall) {
            o.town_hall = line->town_hall;
        }
        if (!line->id_ban_commune.empty()) {
            o.id_ban_commune = line->id_ban_commune;
        }
        if (!line->siren.empty()) {
            o.siren = line->siren;
        }
    }
    return o;
}

nlohmann::json commune_options_key(const RunOptions &options, const CommuneOption *line) {
    nlohmann::json key = {{"existing", file_key(options.existing)},
                          {"voie_options", file_key(options.voie_options)},
                          {"voie_names", file_key(options.voie_names)},
                          {"ledger", options.ledger}};
    if (line != nullptr) {
        key["commune_options"] = {line->numbering ? option_text(*line->numbering) : "",
                                  option_text(line->town_hall), line->id_ban_commune, line->siren};
    }
    return key;
}

} // namespace adressage::pipeline
