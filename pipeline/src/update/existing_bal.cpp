#include "update/existing_bal.hpp"

#include <filesystem>
#include <optional>
#include <tuple>
#include <utility>

#include "adressage/error.hpp"
#include "adressage/formats/bal_format.hpp"
#include "adressage/geo/transformer.hpp"
#include "core/bal_cells.hpp"
#include "update/bal_keys.hpp"

namespace adressage::pipeline {

using bal_cells::Columns;
using bal_cells::parse_double;
using bal_cells::parse_int;
using bal_cells::row_commune;

namespace {

// The whole file, read and checked for what the update needs of every row.
formats::BalTable read_checked(const std::string &path) {
    const auto fail = [&](const std::string &why) { return InputError("--existing " + path, why); };
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        throw fail("cannot be read; give the path of the commune's current BAL");
    }
    formats::BalTable t = formats::read_bal_file(path);
    if (!t.parse_ok()) {
        throw fail("not a readable BAL (" + t.errors.front().code + " at line " +
                   std::to_string(t.errors.front().line) +
                   "); fix the file (adressage validate shows every problem)");
    }
    const Columns c(t);
    for (const char *required : {"voie_nom", "numero"}) {
        if (c.index(required) < 0) {
            throw fail(std::string("has no column '") + required +
                       "'; give the commune's BAL file (versions 1.1 to 1.5)");
        }
    }
    if (c.index("commune_insee") < 0 && c.index("cle_interop") < 0) {
        throw fail("has neither commune_insee nor cle_interop to tell the commune of its rows; "
                   "give the commune's BAL file (versions 1.1 to 1.5)");
    }
    if (t.rows.empty()) {
        throw fail("has no rows; give the commune's current BAL or leave --existing out");
    }
    return t;
}

// "06012: 40, 06032: 3": the rows of each commune.
std::string rows_by_commune(const std::map<std::string, std::vector<std::size_t>> &communes) {
    std::string held;
    for (const auto &[insee, lines] : communes) {
        held.append(held.empty() ? "" : ", ")
            .append(insee.empty() ? "(none)" : insee)
            .append(": ")
            .append(std::to_string(lines.size()));
    }
    return held;
}

// The voie codes that the rows' cle_interop carry.
std::set<std::string> codes_in_keys(const formats::BalTable &t, const Columns &c) {
    std::set<std::string> codes;
    for (const auto &row : t.rows) {
        if (std::string code = voie_code_of(c.get(row, "cle_interop")); !code.empty()) {
            codes.insert(std::move(code));
        }
    }
    return codes;
}

// The code of a voie whose rows carry none: the ledger's for its toponyme id when no row uses
// it, else a temporary one.
std::string code_without_key(const Ledger *ledger, const std::string &toponyme_id,
                             ExistingVoieCodes &coding) {
    std::optional<std::string> known;
    if (ledger && !toponyme_id.empty()) {
        known = ledger->voie_code(toponyme_id);
    }
    if (known && !coding.codes.taken(*known)) {
        coding.codes.take(*known);
        ++coding.from_ledger;
        return *known;
    }
    ++coding.temporary;
    return coding.codes.take_unused();
}

} // namespace

formats::BalTable
read_existing_bal(const RunOptions &o,
                  std::map<std::string, std::vector<std::size_t>> &other_communes) {
    const formats::BalTable t = read_checked(o.existing);
    const Columns c(t);
    // A file may hold several communes (BAL 1.5 says so, the BAN splits them): the rows of this
    // commune are kept, the others left out and reported.
    formats::BalTable own;
    own.encoding = t.encoding;
    own.bom = t.bom;
    own.delimiter = t.delimiter;
    own.linebreak = t.linebreak;
    own.header = t.header;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const std::string insee = row_commune(c, t.rows[r]);
        if (insee != o.insee) {
            other_communes[insee].push_back(t.row_lines[r]);
            continue;
        }
        if (!parse_int(c.get(t.rows[r], "numero"))) {
            throw InputError("--existing " + o.existing,
                             "line " + std::to_string(t.row_lines[r]) + ": numero '" +
                                 c.get(t.rows[r], "numero") + "' is not a number; fix the file");
        }
        own.rows.push_back(t.rows[r]);
        own.row_lines.push_back(t.row_lines[r]);
    }
    if (own.rows.empty()) {
        throw InputError("--existing " + o.existing,
                         "has no row of commune " + o.insee + " (rows by commune: " +
                             rows_by_commune(other_communes) + "); give this commune's BAL");
    }
    return own;
}

std::string VoieCodes::take_unused() {
    std::string code;
    do {
        code = formats::temporary_voie_code(next_temporary_++);
    } while (taken_.contains(code));
    taken_.insert(code);
    return code;
}

ExistingVoieCodes code_existing_rows(UpdateState &state) {
    const formats::BalTable &t = state.existing;
    const Columns c(t);
    ExistingVoieCodes coding{VoieCodes(codes_in_keys(t, c))};
    state.voie_codes.assign(t.rows.size(), std::string());
    std::map<std::tuple<std::string, std::string, std::string>, std::string> given;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const auto &row = t.rows[r];
        std::string code = voie_code_of(c.get(row, "cle_interop"));
        if (code.empty()) {
            std::string toponyme_id = c.get(row, "id_ban_toponyme");
            if (toponyme_id.empty()) {
                toponyme_id = uid_part(c.get(row, "uid_adresse"), "@v:");
            }
            const auto voie = std::make_tuple(c.get(row, "commune_deleguee_insee"),
                                              c.get(row, "voie_nom"), toponyme_id);
            auto it = given.find(voie);
            if (it == given.end()) {
                it = given.emplace(voie, code_without_key(state.ledger.get(), toponyme_id, coding))
                         .first;
            }
            code = it->second;
        }
        state.voie_codes[r] = std::move(code);
    }
    return coding;
}

std::vector<ExistingAddress> existing_addresses(const formats::BalTable &t,
                                                const std::vector<std::string> &voie_codes,
                                                const geo::LegalCrs &crs) {
    const Columns c(t);
    std::vector<ExistingAddress> addresses;
    std::map<std::tuple<std::string, std::string, std::string, int, std::string>, std::size_t>
        index;
    std::vector<geo::XY> lonlat_points;
    std::vector<std::size_t> lonlat_owner; // the address of each
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const auto &row = t.rows[r];
        const int numero = *parse_int(c.get(row, "numero"));
        if (numero == toponym_numero) {
            continue; // a toponyme: always kept as it is
        }
        // Homonym voies differ by their code.
        const auto key =
            std::make_tuple(c.get(row, "commune_deleguee_insee"), c.get(row, "voie_nom"),
                            voie_codes[r], numero, lower_ascii(c.get(row, "suffixe")));
        auto [it, inserted] = index.emplace(key, addresses.size());
        if (inserted) {
            ExistingAddress a;
            a.commune_deleguee_insee = std::get<0>(key);
            a.commune_deleguee_nom = c.get(row, "commune_deleguee_nom");
            a.voie_nom = std::get<1>(key);
            a.voie_code = voie_codes[r];
            a.numero = numero;
            a.suffixe = c.get(row, "suffixe");
            addresses.push_back(std::move(a));
        }
        ExistingAddress &a = addresses[it->second];
        a.rows.push_back(r);
        const auto x = parse_double(c.get(row, "x"));
        const auto y = parse_double(c.get(row, "y"));
        const auto lon = parse_double(c.get(row, "long"));
        const auto lat = parse_double(c.get(row, "lat"));
        if (x && y) {
            a.points.push_back({*x, *y});
        } else if (lon && lat) {
            lonlat_points.push_back({*lon, *lat});
            lonlat_owner.push_back(it->second);
        }
    }
    if (!lonlat_points.empty()) {
        geo::Transformer("EPSG:4326", crs.definition()).forward(lonlat_points);
        for (std::size_t i = 0; i < lonlat_points.size(); ++i) {
            addresses[lonlat_owner[i]].points.push_back(lonlat_points[i]);
        }
    }
    return addresses;
}

} // namespace adressage::pipeline
