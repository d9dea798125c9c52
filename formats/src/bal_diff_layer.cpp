#include "adressage/formats/bal_diff_layer.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <string>

#include "adressage/error.hpp"

namespace adressage::formats {

namespace {

const std::string &cell_of(const std::vector<std::string> &row, int column) {
    static const std::string none;
    return column >= 0 && static_cast<std::size_t>(column) < row.size()
               ? row[static_cast<std::size_t>(column)]
               : none;
}

std::optional<double> number(const std::string &s) {
    double v = 0.0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) {
        return std::nullopt;
    }
    return v;
}

// A row of `table` as a feature of `layer`: the diff's fields, then the layer's BAL columns.
geo::OutputFeature feature(const geo::OutputLayer &layer, const BalTable &table,
                           std::size_t row_index, const char *status, const AddressChange &c) {
    const std::vector<std::string> &row = table.rows[row_index];
    std::string fields;
    for (const std::string &f : c.fields) {
        fields += (fields.empty() ? "" : ",") + f;
    }
    geo::OutputFeature f;
    f.values = {std::string(status), c.key,
                fields.empty() ? geo::FieldValue{} : geo::FieldValue{fields}};
    for (std::size_t k = 3; k < layer.fields.size(); ++k) {
        const std::string &value = cell_of(row, table.column(layer.fields[k].name));
        f.values.emplace_back(value.empty() ? geo::FieldValue{} : geo::FieldValue{value});
    }
    const auto lon = number(cell_of(row, table.column("long")));
    const auto lat = number(cell_of(row, table.column("lat")));
    if (lon && lat) {
        f.point = geo::XY{*lon, *lat};
    }
    return f;
}

} // namespace

geo::OutputLayer bal_diff_layer(const BalTable &old_table, const BalTable &new_table,
                                const BalDiff &diff) {
    using geo::FieldType;
    geo::OutputLayer layer{"differences", geo::LayerGeometry::point, {}, {}, {}};
    layer.description = "Adresses créées, modifiées ou supprimées entre les deux fichiers BAL";
    layer.fields = {{"statut", FieldType::text},
                    {"adresse", FieldType::text},
                    {"colonnes_modifiees", FieldType::text}};
    for (const std::string &name : new_table.header) {
        bool seen = name.empty();
        for (const geo::FieldDef &f : layer.fields) {
            seen = seen || f.name == name;
        }
        if (!seen) {
            layer.fields.push_back({name, FieldType::text});
        }
    }
    for (const AddressChange &c : diff.created) {
        for (const std::size_t r : c.rows) {
            layer.features.push_back(feature(layer, new_table, r, "cree", c));
        }
    }
    for (const AddressChange &c : diff.changed) {
        for (const std::size_t r : c.rows) {
            layer.features.push_back(feature(layer, new_table, r, "modifie", c));
        }
    }
    for (const AddressChange &c : diff.deleted) {
        for (const std::size_t r : c.rows) {
            layer.features.push_back(feature(layer, old_table, r, "supprime", c));
        }
    }
    return layer;
}

} // namespace adressage::formats

namespace adressage::formats {

namespace {

std::string newest_update(const BalTable &a, const BalTable &b) {
    std::string newest = "1970-01-01";
    for (const BalTable *t : {&a, &b}) {
        const int c = t->column("date_der_maj");
        for (const auto &row : t->rows) {
            const std::string &date = cell_of(row, c);
            if (date.size() == 10) {
                newest = std::max(newest, date);
            }
        }
    }
    return newest + "T00:00:00.000Z";
}

} // namespace

void write_bal_diff_geopackage(const std::string &path, const BalTable &old_table,
                               const BalTable &new_table, const BalDiff &diff) {
    try {
        geo::write_geopackage(path, 4326, {bal_diff_layer(old_table, new_table, diff)},
                              newest_update(old_table, new_table));
    } catch (const std::exception &e) {
        throw InputError("--gpkg " + path, std::string("cannot be written (") + e.what() +
                                               "); choose a writable folder and a .gpkg name");
    }
}

} // namespace adressage::formats
