#include "adressage/formats/bal_writer.hpp"

#include "adressage/error.hpp"

namespace adressage::formats {

std::string bal14_header() {
    std::string line;
    for (std::string_view column : bal14_columns) {
        line.append(line.empty() ? "" : ";").append(column);
    }
    return line;
}

std::string format_bal14_row(const BalRow &r) {
    const std::string numero = std::to_string(r.numero);
    // Order of bal14_columns; BAN ids stay empty until the BAN issues them.
    const std::string_view fields[] = {"",
                                       "",
                                       "",
                                       r.cle_interop,
                                       r.commune_insee,
                                       r.commune_nom,
                                       r.commune_deleguee_insee,
                                       r.commune_deleguee_nom,
                                       r.voie_nom,
                                       r.lieudit_complement_nom,
                                       numero,
                                       r.suffixe,
                                       position_label(r.position)};
    std::string line;
    for (std::size_t i = 0; i < std::size(fields); ++i) {
        if (i > 0) {
            line.push_back(';');
        }
        line.append(sanitize_value(fields[i]));
    }
    line.append(";").append(format_fixed(r.x, 2));
    line.append(";").append(format_fixed(r.y, 2));
    line.append(";").append(format_fixed(r.lon, 7));
    line.append(";").append(format_fixed(r.lat, 7));
    line.append(";").append(sanitize_value(r.cad_parcelles));
    line.append(";").append(sanitize_value(r.source));
    line.append(";").append(r.date_der_maj);
    line.append(";").append(r.certification_commune ? "1" : "0");
    return line;
}

BalWriter::BalWriter(const std::string &path) : file_(path) {
    file_.stream() << bal14_header() << '\n';
}

void BalWriter::write(const BalRow &row) {
    file_.stream() << format_bal14_row(row) << '\n';
    ++rows_;
}

void BalWriter::finish() { file_.commit(); }

} // namespace adressage::formats
