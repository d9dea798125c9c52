#pragma once
// `code,libelle` rows of the small name tables (datasets/names), read with fast-cpp-csv-parser
// from a file or from a copy built into the library (`source`: fccp's name, begin, end).
// Include from one .cpp per table reader; CSV_IO_NO_THREAD is set for the library.
#include <libfccp/csv.h>

#include <string>
#include <utility>

#include "adressage/error.hpp"

namespace adressage::names::detail {

template <typename Row, typename... Source>
void read_code_pairs(const std::string &name, const char *label, Row &&row, Source &&...source) {
    try {
        io::CSVReader<2, io::trim_chars<' ', '\t'>, io::no_quote_escape<','>> in(
            name, std::forward<Source>(source)...);
        in.read_header(io::ignore_extra_column, "code", "libelle");
        std::string a;
        std::string b;
        while (in.read_row(a, b)) {
            row(a, b);
        }
    } catch (const io::error::base &e) {
        throw InputError(std::string(label) + " " + name,
                         std::string(e.what()) + "; reinstall the datasets/names files");
    }
}

} // namespace adressage::names::detail
