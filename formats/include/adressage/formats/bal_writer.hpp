#pragma once
// Writes a BAL 1.4 file: UTF-8 without BOM, ';', LF, no quotes, one header line.
#include <string>
#include <vector>

#include "adressage/formats/atomic_file.hpp"
#include "adressage/formats/bal_format.hpp"

namespace adressage::formats {

struct BalRow {
    std::string cle_interop;
    std::string commune_insee;
    std::string commune_nom;
    std::string commune_deleguee_insee;
    std::string commune_deleguee_nom;
    std::string voie_nom;
    std::string lieudit_complement_nom;
    int numero = 0;
    std::string suffixe;
    PositionType position = PositionType::batiment;
    double x = 0.0; // legal CRS, metres
    double y = 0.0;
    double lon = 0.0; // WGS84
    double lat = 0.0;
    std::string cad_parcelles;
    std::string source;
    std::string date_der_maj; // YYYY-MM-DD
    bool certification_commune = false;
};

// One row's values, in the order of bal14_columns, ready for a ';' file.
std::vector<std::string> bal14_cells(const BalRow &row);
// One row as a line of the file (without the line break): bal14_cells joined by ';'.
std::string format_bal14_row(const BalRow &row);
// The same line appended to `out`, with its line break, each value written in place.
void append_bal14_line(std::string &out, const BalRow &row);
std::string bal14_header();

class BalWriter {
  public:
    // Writes to a temporary file beside `path`; finish() renames it. Without finish() the
    // temporary file is removed.
    explicit BalWriter(const std::string &path);
    void write(const BalRow &row);
    void finish();
    std::size_t rows() const noexcept { return rows_; }

  private:
    AtomicFile file_;
    std::size_t rows_ = 0;
};

} // namespace adressage::formats
