#pragma once
// --voie-names FILE: the council's names for the voies à nommer, CSV `id;nom` (',' works too),
// one line per voie; `nom` is the name chosen, or the rank (1, 2 or 3) of a proposal of the
// report's voies_a_nommer. Read whole before the run; every problem is one InputError naming
// the file, the line and the fix.
#include <cstddef>
#include <string>
#include <vector>

namespace adressage::pipeline {

struct VoieNameLine {
    std::string id;  // "vn-…" as in report.json
    std::string nom; // as written: a name, or "1".."3"
    std::size_t line = 0;
};

// Throws InputError("--voie-names PATH", ...): unreadable file, broken CSV, no id/nom header,
// an empty id or nom, an id given twice.
std::vector<VoieNameLine> read_voie_names(const std::string &path);

} // namespace adressage::pipeline
