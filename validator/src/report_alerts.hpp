#pragma once
// The report's alerts: the codes found, filtered and levelled by the profile.
#include <vector>

#include "adressage/validator/adressage_checks.hpp"
#include "adressage/validator/validator.hpp"
#include "codes.hpp"
#include "cross_rows.hpp"
#include "row_codes.hpp"

namespace adressage::validator::detail {

// Report::rows and alert_counts: each row's codes then its cross-row codes, those the profile
// keeps. Report::profil_errors and blocked: the distinct codes, the file's own (`global`)
// first, then the rows' in order of first appearance, those the profile keeps.
void add_official_alerts(Profile profile, const CodeTable &codes, const std::vector<CodeId> &global,
                         const RowCodes &rows, const CrossRows &cross, Report &report);

// Report::adressage_rows and adressage_counts; alerts sorted by line.
void add_adressage_alerts(const std::vector<ExtraAlert> &alerts, const RowCodes &rows,
                          Report &report);

} // namespace adressage::validator::detail
