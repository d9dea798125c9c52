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
    // Order of bal14_columns, as bal14_cells (which the tests compare it with).
    out.append(";;;");
    append_sanitized(out, r.cle_interop);
    out.push_back(';');
    append_sanitized(out, r.commune_insee);
    out.push_back(';');
    append_sanitized(out, r.commune_nom);
    out.push_back(';');
    append_sanitized(out, r.commune_deleguee_insee);
    out.push_back(';');
    append_sanitized(out, r.commune_deleguee_nom);
    out.push_back(';');
    append_sanitized(out, r.voie_nom);
    out.push_back(';');
    append_sanitized(out, r.lieudit_complement_nom);
    out.push_back(';');
    char digits[16];
    const auto numero = std::to_chars(digits, digits + sizeof digits, r.numero);
    out.append(digits, numero.ptr);
    out.push_back(';');
    append_sanitized(out, r.suffixe);
    out.push_back(';');
    out.append(position_label(r.position));
    out.push_back(';');
    append_fixed(out, r.x, 2);
    out.push_back(';');
    append_fixed(out, r.y, 2);
    out.push_back(';');
    append_fixed(out, r.lon, 7);
    out.push_back(';');
    append_fixed(out, r.lat, 7);
    out.push_back(';');
    append_sanitized(out, r.cad_parcelles);
    out.push_back(';');
    append_sanitized(out, r.source);
    out.push_back(';');
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
