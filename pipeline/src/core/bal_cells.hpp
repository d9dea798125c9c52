#pragma once
// Reading the cells of a BAL table read from a file (formats::BalTable), the same way for the
// update (update_stage.cpp), the trace checks (trace_checks.cpp) and the review layers
// (review_layers.cpp): columns by name or index, numbers parsed strictly, the commune of a row
// as the validator tells it.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "adressage/formats/bal_reader.hpp"

namespace adressage::pipeline::bal_cells {

inline std::optional<double> parse_double(const std::string &s) {
    if (s.empty()) {
        return std::nullopt;
    }
    double v = 0.0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) {
        return std::nullopt;
    }
    return v;
}

inline std::optional<int> parse_int(const std::string &s) {
    int v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc() || end != s.data() + s.size()) {
        return std::nullopt;
    }
    return v;
}

// A row's cell by column index; "" where the column (-1) or the cell is missing.
inline const std::string &cell(const std::vector<std::string> &row, int col) {
    static const std::string none;
    return col >= 0 && static_cast<std::size_t>(col) < row.size()
               ? row[static_cast<std::size_t>(col)]
               : none;
}

// A table cell by column name ("" when absent); voie_nom and toponyme stand for each other.
struct Columns {
    explicit Columns(const formats::BalTable &t) : table(t) {}
    const formats::BalTable &table;
    int index(std::string_view name) const {
        int i = table.column(name);
        if (i < 0 && name == "voie_nom") {
            i = table.column("toponyme");
        } else if (i < 0 && name == "toponyme") {
            i = table.column("voie_nom");
        }
        return i;
    }
    std::string get(const std::vector<std::string> &row, std::string_view name) const {
        return cell(row, index(name));
    }
};

// The commune of a row, as the validator tells it: commune_insee, else (BAL 1.1, or an empty
// cell) the first part of cle_interop in upper case ("67482_0340_43" → 67482).
inline std::string row_commune(const Columns &c, const std::vector<std::string> &row) {
    std::string insee = c.get(row, "commune_insee");
    if (insee.empty()) {
        const std::string cle = c.get(row, "cle_interop");
        insee = cle.substr(0, cle.find('_'));
        std::transform(insee.begin(), insee.end(), insee.begin(),
                       [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
    }
    return insee;
}

} // namespace adressage::pipeline::bal_cells
