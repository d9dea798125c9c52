#pragma once
// What the validator checks of the file as a whole: the profile its header calls for, the
// columns it lacks and its text format.
#include <string>
#include <vector>

#include "codes.hpp"
#include "header_match.hpp"

namespace adressage::validator::detail {

// The profile asked ("1.3", "1.3-relax", "1.4", "1.5"), or with "auto" or "" the one of the
// header: 1.5 or 1.4 when it has the three BAN id columns, 1.3 otherwise. Throws ConfigError
// on an unknown profile.
Profile choose_profile(const std::string &asked, const HeaderMatch &header);

// field.*.missing for the fields the header lacks, in schema order.
void add_missing_columns(const HeaderMatch &header, const CodeTable &codes,
                         std::vector<CodeId> &global);

// file.encoding, file.delimiter and file.linebreak.
void add_text_format(const std::string &encoding, char delimiter, const std::string &linebreak,
                     const CodeTable &codes, std::vector<CodeId> &global);

} // namespace adressage::validator::detail
