#include "adressage/formats/topo_reader.hpp"

#include <libfccp/csv.h>

#include <algorithm>
#include <cctype>
#include <fstream>

#include "adressage/error.hpp"

namespace adressage::formats {

namespace {

bool valid_utf8(const std::string &s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t n = c < 0x80           ? 1
                              : (c >> 5) == 0x6  ? 2
                              : (c >> 4) == 0xE  ? 3
                              : (c >> 3) == 0x1E ? 4
                                                 : 0;
        if (n == 0 || i + n > s.size()) {
            return false;
        }
        for (std::size_t k = 1; k < n; ++k) {
            if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) {
                return false;
            }
        }
        i += n;
    }
    return true;
}

// Older DGFiP extracts are ISO-8859-1: read as such when a value is not UTF-8.
std::string to_utf8(const std::string &s) {
    if (valid_utf8(s)) {
        return s;
    }
    std::string out;
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x80) {
            out.push_back(ch);
        } else {
            out.push_back(static_cast<char>(0xC0 | (c >> 6)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        }
    }
    return out;
}

std::string lower_ascii(std::string s) {
    for (char &c : s) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return s;
}

std::string first_line(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw InputError("--topo " + path, "cannot open the file; check the path");
    }
    std::string line;
    std::getline(in, line);
    return line;
}

} // namespace

TopoCommune read_topo(const std::string &path, const std::string &insee,
                      const std::vector<std::string> &former_codes) {
    const std::string input = "--topo " + path;
    const std::string head = first_line(path);
    if (head.find(';') == std::string::npos) {
        throw InputError(input, "not a TOPO CSV file (header code_topo;nature_de_voie;libelle;"
                                "...); fixed-width FANTOIR/MAJIC files are not read, take the "
                                "TOPO CSV that the DGFiP publishes on data.gouv.fr");
    }
    TopoCommune out;
    try {
        io::CSVReader<6, io::trim_chars<' ', '\t', '\r'>, io::no_quote_escape<';'>> in(path);
        in.read_header(io::ignore_extra_column, "code_topo", "nature_de_voie", "libelle",
                       "annulation", "date_annulation", "type_voie");
        std::string code_topo, nature, libelle, annulation, date_annulation, type_voie;
        while (in.read_row(code_topo, nature, libelle, annulation, date_annulation, type_voie)) {
            // pays 5, région 2, département 2, commune 3, voie 4, type of record 2.
            if (code_topo.size() != 18 || code_topo.compare(16, 2, "14") != 0) {
                continue; // département, commune or other records
            }
            const std::string commune = code_topo.substr(7, 5);
            std::string former;
            if (commune != insee) {
                if (std::find(former_codes.begin(), former_codes.end(), commune) ==
                    former_codes.end()) {
                    ++out.other_communes;
                    continue;
                }
                former = commune;
            }
            if (!annulation.empty() ||
                (!date_annulation.empty() && date_annulation != "00000000")) {
                ++out.cancelled;
                continue;
            }
            TopoVoie voie;
            voie.code = lower_ascii(code_topo.substr(12, 4));
            if (!std::all_of(voie.code.begin(), voie.code.end(),
                             [](char c) { return std::isalnum(static_cast<unsigned char>(c)); })) {
                throw InputError(input, "line " + std::to_string(in.get_file_line()) +
                                            ": voie code '" + voie.code +
                                            "' is not 4 letters or digits");
            }
            voie.nature = to_utf8(nature);
            voie.libelle = to_utf8(libelle);
            voie.label = voie.nature.empty() ? voie.libelle : voie.nature + " " + voie.libelle;
            voie.former_commune = former;
            voie.type_voie = type_voie.size() == 1 && type_voie[0] >= '1' && type_voie[0] <= '9'
                                 ? type_voie[0] - '0'
                                 : 0;
            out.voies.push_back(std::move(voie));
        }
    } catch (const io::error::base &err) {
        throw InputError(input, std::string("not a readable TOPO CSV file: ") + err.what());
    }
    return out;
}

} // namespace adressage::formats
