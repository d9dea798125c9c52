#include "checks/trace_rows.hpp"

#include "adressage/error.hpp"
#include "adressage/geo/transformer.hpp"
#include "adressage/names/grouping_key.hpp"

namespace adressage::pipeline {

namespace {

constexpr int toponyme_numero = 99999;

using bal_cells::parse_double;
using bal_cells::parse_int;

} // namespace

formats::BalTable read_bal_to_check(const std::string &path) {
    formats::BalTable table = formats::read_bal_file(path);
    if (!table.parse_ok()) {
        throw InputError(path, "not a readable CSV (" + table.errors.front().code + " at line " +
                                   std::to_string(table.errors.front().line) +
                                   "); adressage validate without --roads shows every problem");
    }
    return table;
}

std::string commune_of_rows(const std::string &path, const bal_cells::Columns &c) {
    std::map<std::string, std::size_t> communes;
    for (const auto &row : c.table.rows) {
        ++communes[bal_cells::row_commune(c, row)];
    }
    communes.erase("");
    if (communes.size() != 1) {
        throw InputError(path, communes.empty()
                                   ? "no commune_insee nor cle_interop tells the commune; give a "
                                     "BAL file (versions 1.1 to 1.5)"
                                   : "holds " + std::to_string(communes.size()) +
                                         " communes; check one commune's rows at a time against "
                                         "its roads");
    }
    return communes.begin()->first;
}

FileVoies addresses_by_voie(const bal_cells::Columns &c, const geo::LegalCrs &crs,
                            TraceCheckResult &result) {
    const formats::BalTable &table = c.table;
    FileVoies file_voies;
    const geo::Transformer to_legal("EPSG:4326", crs.definition());
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto &row = table.rows[r];
        const std::optional<int> numero = parse_int(c.get(row, "numero"));
        if (numero == toponyme_numero) {
            ++result.toponymes;
            continue;
        }
        std::optional<double> x = parse_double(c.get(row, "x"));
        std::optional<double> y = parse_double(c.get(row, "y"));
        if (!x || !y) {
            const std::optional<double> lon = parse_double(c.get(row, "long"));
            const std::optional<double> lat = parse_double(c.get(row, "lat"));
            if (lon && lat) {
                geo::XY p{*lon, *lat};
                to_legal.forward(std::span(&p, 1));
                x = p.x;
                y = p.y;
            }
        }
        if (!numero || !x || !y) {
            ++result.rows_without_position;
            continue;
        }
        const auto key = formats::parse_cle_interop(c.get(row, "cle_interop"));
        file_voies[{names::grouping_key(c.get(row, "voie_nom")), key ? key->voie : ""}].push_back(
            {r, *numero, {*x, *y}});
    }
    return file_voies;
}

formats::PositionType position_type(const std::string &text) {
    for (const formats::PositionType t :
         {formats::PositionType::entree, formats::PositionType::batiment,
          formats::PositionType::segment, formats::PositionType::delivrance_postale,
          formats::PositionType::cage_escalier, formats::PositionType::logement,
          formats::PositionType::parcelle, formats::PositionType::service_technique}) {
        if (formats::position_label(t) == text) {
            return t;
        }
    }
    return formats::PositionType::batiment; // an empty or unknown type
}

} // namespace adressage::pipeline
