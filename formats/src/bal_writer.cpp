#include "adressage/formats/bal_writer.hpp"

#include <charconv>

#include "adressage/error.hpp"

namespace adressage::formats {

std::string bal14_header() {
    std::string line;
    for (std::string_view column : bal14_columns) {
        line.append(line.empty() ? "" : ";").append(column);
    }
    return line;
}

std::vector<std::string> bal14_cells(const BalRow &r) {
    // Order of bal14_columns; BAN ids stay empty until the BAN issues them.
    return {"",
            "",
            "",
            sanitize_value(r.cle_interop),
            sanitize_value(r.commune_insee),
            sanitize_value(r.commune_nom),
            sanitize_value(r.commune_deleguee_insee),
            sanitize_value(r.commune_deleguee_nom),
            sanitize_value(r.voie_nom),
            sanitize_value(r.lieudit_complement_nom),
            std::to_string(r.numero),
            sanitize_value(r.suffixe),
            std::string(position_label(r.position)),
            format_fixed(r.x, 2),
            format_fixed(r.y, 2),
            format_fixed(r.lon, 7),
            format_fixed(r.lat, 7),
            sanitize_value(r.cad_parcelles),
            sanitize_value(r.source),
            r.date_der_maj,
            r.certification_commune ? "1" : "0"};
}

void append_bal14_line(std::string &out, const BalRow &r) {
    // Order of bal14_columns, as bal14_cells (which the tests compare it with); BAN ids empty.
    const auto text = [&](std::string_view value) {
        append_sanitized(out, value);
        out.push_back(';');
    };
    const auto number = [&](double value, int decimals) {
        append_fixed(out, value, decimals);
        out.push_back(';');
    };
    out.append(";;;");
    text(r.cle_interop);
    text(r.commune_insee);
    text(r.commune_nom);
    text(r.commune_deleguee_insee);
    text(r.commune_deleguee_nom);
    text(r.voie_nom);
    text(r.lieudit_complement_nom);
    char digits[16];
    const auto numero = std::to_chars(digits, digits + sizeof digits, r.numero);
    out.append(digits, numero.ptr).push_back(';');
    text(r.suffixe);
    out.append(position_label(r.position)).push_back(';');
    number(r.x, 2);
    number(r.y, 2);
    number(r.lon, 7);
    number(r.lat, 7);
    text(r.cad_parcelles);
    text(r.source);
    out.append(r.date_der_maj);
    out.append(r.certification_commune ? ";1\n" : ";0\n");
}

std::string format_bal14_row(const BalRow &r) {
    std::string line;
    append_bal14_line(line, r);
    line.pop_back();
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
