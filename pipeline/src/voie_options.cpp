#include "adressage/pipeline/voie_options.hpp"

#include <libfccp/csv.h>

#include <fstream>
#include <sstream>

#include "adressage/error.hpp"
#include "adressage/names/grouping_key.hpp"

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
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        throw InputError(input, "cannot be read; check the path");
    }
    std::stringstream buffer;
    buffer << file.rdbuf();
    std::string text = buffer.str();
    if (text.starts_with("\xEF\xBB\xBF")) {
        text.erase(0, 3); // UTF-8 byte order mark
    }
    const std::string header = text.substr(0, text.find_first_of("\r\n"));
    if (header.find_first_not_of(" \t") == std::string::npos) {
        throw InputError(input, "the file is empty or its first line is blank; " +
                                    std::string(header_help));
    }
    VoieOptions options;
    options.path_ = path;
    try {
        if (header.find(';') != std::string::npos) {
            read_rows<';'>(input, path, text, options.by_key_);
        } else {
            read_rows<','>(input, path, text, options.by_key_);
        }
    } catch (const io::error::base &e) {
        std::string where;
        if (const auto *with_line = dynamic_cast<const io::error::with_file_line *>(&e);
            with_line != nullptr && with_line->file_line > 0) {
            where = "line " + std::to_string(with_line->file_line) + ": ";
        }
        if (dynamic_cast<const io::error::escaped_string_not_closed *>(&e) != nullptr) {
            throw InputError(input, where + "a quote is not closed; close it or remove it");
        }
        if (dynamic_cast<const io::error::too_few_columns *>(&e) != nullptr ||
            dynamic_cast<const io::error::too_many_columns *>(&e) != nullptr) {
            throw InputError(input, where + "not as many fields as the header; give each line "
                                            "the header's columns, separated like it");
        }
        if (dynamic_cast<const io::error::duplicated_column_in_header *>(&e) != nullptr) {
            throw InputError(input,
                             "a column is named twice in the header; " + std::string(header_help));
        }
        throw InputError(input, where + std::string(e.what()) + "; " + header_help);
    }
    return options;
}

const VoieOption *VoieOptions::find(const std::string &nom) const {
    const auto it = by_key_.find(names::grouping_key(nom));
    return it == by_key_.end() ? nullptr : &it->second;
}

} // namespace adressage::pipeline
