#include "naming/voie_names_file.hpp"

#include <map>

#include "adressage/error.hpp"
#include "adressage/names/unsafe_text.hpp"
#include "options/options_csv.hpp"

namespace adressage::pipeline {

namespace {

constexpr const char *header_help =
    "the first line must name the columns id and nom (e.g. id;nom), then one voie à nommer per "
    "line: its id from report.json and the name chosen, or the rank of a proposal (1, 2, 3)";

template <char delimiter>
void read_rows(const std::string &input, const std::string &path, const std::string &text,
               std::vector<VoieNameLine> &out) {
    io::CSVReader<2, io::trim_chars<' ', '\t'>, io::double_quote_escape<delimiter, '"'>> in(
        path, text.data(), text.data() + text.size());
    in.read_header(io::ignore_extra_column | io::ignore_missing_column, "id", "nom");
    if (!in.has_column("id") || !in.has_column("nom")) {
        throw InputError(input, header_help);
    }
    std::map<std::string, std::size_t> seen;
    VoieNameLine row;
    while (in.read_row(row.id, row.nom)) {
        row.line = static_cast<std::size_t>(in.get_file_line());
        const std::string at = "line " + std::to_string(row.line) + ": ";
        if (row.id.empty()) {
            throw InputError(input, at + "id is empty; copy the voie's id (vn-...) from "
                                         "report.json voies_a_nommer");
        }
        if (row.nom.empty()) {
            throw InputError(input, at + "nom is empty for " + row.id +
                                        "; write the name chosen, a proposal's rank, or remove "
                                        "the line");
        }
        if (const auto unsafe = names::unsafe_text_reason(row.nom)) {
            throw InputError(input, at + "nom for " + row.id + " " + *unsafe +
                                        "; write the name as it will be on the plate");
        }
        if (const auto [it, added] = seen.emplace(row.id, row.line); !added) {
            throw InputError(input, at + row.id + " is already given at line " +
                                        std::to_string(it->second) + "; keep one line per voie");
        }
        out.push_back(row);
    }
}

} // namespace

std::vector<VoieNameLine> read_voie_names(const std::string &path) {
    const std::string input = "--voie-names " + path;
    std::vector<VoieNameLine> out;
    read_options_csv(input, path, header_help, [&]<char delimiter>(const std::string &text) {
        read_rows<delimiter>(input, path, text, out);
    });
    return out;
}

} // namespace adressage::pipeline
