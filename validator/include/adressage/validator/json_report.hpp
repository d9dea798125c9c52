#pragma once
// The validator's report in JSON, as `adressage validate --format json` prints it: one line,
// written to the stream as it goes (a file with a million alerts never becomes one document in
// memory). The official keys are those of @ban-team/validateur-bal's report (parseOk, profile,
// blocked, rowCount, alertCounts, profilErrors, rows); the project's own checks are apart under
// "adressage", with the counts of the checks against the road traces under "adressage.traces"
// when they ran. Strings are escaped as nlohmann::json escapes them (UTF-8 kept as is).
#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "adressage/formats/bal_reader.hpp"
#include "adressage/validator/validator.hpp"

namespace adressage::validator {

// What the checks of the rows against the road traces counted (pipeline/trace_checks.hpp).
struct TraceCounts {
    std::string insee;
    std::size_t rows_checked = 0;
    std::size_t toponymes = 0;
    std::size_t rows_without_position = 0;
    std::size_t rows_voie_not_in_roads = 0;
    std::size_t voies_reversed = 0;
};

struct JsonReportParts {
    bool adressage = true;             // the project's checks (false: --official-only)
    std::optional<TraceCounts> traces; // with adressage: the traces' counts, when checked
};

// {"parseOk":true,"profile":…,"blocked":…,"rowCount":…,"alertCounts":{"E","W","I"},
//  "profilErrors":[{"code","level"}…],"rows":[{"line","errors":[…]}…],
//  "adressage":{"alertCounts":{"W","I"},"rows":[…],"traces":{…}}}
void write_json_report(std::ostream &out, const Report &report, const JsonReportParts &parts);

// A file whose rows cannot be cut into fields:
// {"parseOk":false,"parseErrors":[{"code","row","line"}…]}.
void write_json_parse_errors(std::ostream &out, const std::vector<formats::BalParseError> &errors);

// A file that cannot be opened:
// {"parseOk":false,"parseErrors":[{"code":"UnreadableFile","message":…}]}.
void write_json_unreadable(std::ostream &out, std::string_view message);

} // namespace adressage::validator
