#include "options/voie_options.hpp"

#include "adressage/error.hpp"
#include "adressage/names/grouping_key.hpp"
#include "options/options_csv.hpp"

namespace adressage::pipeline {

namespace {

constexpr const char *header_help =
    "the first line must name the columns, voie_nom and origine and/or numerotation (e.g. "
    "voie_nom;origine;numerotation)";

// Lower-case ASCII, é as e, surrounding blanks removed: "Métrique " → "metrique".
std::string simple(std::string value) {
    std::string out;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const char c = value[i];
        if (c == '\xC3' && i + 1 < value.size() &&
            (value[i + 1] == '\xA9' || value[i + 1] == '\x89')) {
            out.push_back('e');
            ++i;
        } else {
            out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
        }
    }
    const auto first = out.find_first_not_of(" \t");
    const auto last = out.find_last_not_of(" \t");
    return first == std::string::npos ? std::string() : out.substr(first, last - first + 1);
}

std::optional<Cardinal> parse_origin(const std::string &cell, const std::string &input,
                                     std::size_t line) {
    const std::string v = simple(cell);
    if (v.empty() || v == "auto") {
        return std::nullopt;
    }
    if (v == "nord" || v == "north" || v == "n") {
        return Cardinal::north;
    }
    if (v == "sud" || v == "south" || v == "s") {
        return Cardinal::south;
    }
    if (v == "est" || v == "east" || v == "e") {
        return Cardinal::east;
    }
    if (v == "ouest" || v == "west" || v == "o" || v == "w") {
        return Cardinal::west;
    }
    throw InputError(input, "line " + std::to_string(line) + ": origine '" + cell +
                                "' is not an end of a voie; write nord, sud, est, ouest or "
                                "auto (or leave it empty)");
}

std::optional<NumberingMode> parse_numbering(const std::string &cell, const std::string &input,
                                             std::size_t line) {
    const std::string v = simple(cell);
    if (v.empty() || v == "auto") {
        return std::nullopt;
    }
    if (const auto mode = numbering_mode_from(v)) {
        return mode;
    }
    throw InputError(input, "line " + std::to_string(line) + ": numerotation '" + cell +
                                "' is not a numbering; write metrique or classique (or leave "
                                "it empty for --numbering)");
}

template <char delimiter>
void read_rows(const std::string &input, const std::string &path, const std::string &text,
               std::map<std::string, VoieOption> &out) {
    io::CSVReader<3, io::trim_chars<' ', '\t'>, io::double_quote_escape<delimiter, '"'>> in(
        path, text.data(), text.data() + text.size());
    in.read_header(io::ignore_extra_column | io::ignore_missing_column, "voie_nom", "origine",
                   "numerotation");
    if (!in.has_column("voie_nom") ||
        (!in.has_column("origine") && !in.has_column("numerotation"))) {
        throw InputError(input, header_help);
    }
    std::string nom;
    std::string origine;
    std::string numerotation;
    while (in.read_row(nom, origine, numerotation)) {
        const auto line = static_cast<std::size_t>(in.get_file_line());
        if (nom.empty()) {
            throw InputError(input, "line " + std::to_string(line) +
                                        ": voie_nom is empty; name the voie or remove the line");
        }
        VoieOption option{nom, line, parse_origin(origine, input, line),
                          parse_numbering(numerotation, input, line)};
        const std::string key = names::grouping_key(nom);
        const auto [it, inserted] = out.emplace(key, std::move(option));
        if (!inserted) {
            throw InputError(input, "line " + std::to_string(line) + ": voie '" + nom +
                                        "' is already given at line " +
                                        std::to_string(it->second.line) +
                                        "; keep one line per voie");
        }
    }
}

} // namespace

VoieOptions VoieOptions::load(const std::string &path) {
    const std::string input = "--voie-options " + path;
    VoieOptions options;
    options.path_ = path;
    read_options_csv(input, path, header_help, [&]<char delimiter>(const std::string &text) {
        read_rows<delimiter>(input, path, text, options.by_key_);
    });
    return options;
}

const VoieOption *VoieOptions::find(const std::string &nom) const {
    const auto it = by_key_.find(names::grouping_key(nom));
    return it == by_key_.end() ? nullptr : &it->second;
}

} // namespace adressage::pipeline
