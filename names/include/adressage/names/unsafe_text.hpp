#pragma once
// Text a person gives that will be written into the BAL or a file opened in a spreadsheet
// (a name chosen by the council, --source): what makes it unsafe there. The normaliser removes
// the same characters from the names it reads (Rule::unsafe_characters); a text the user
// typed is refused instead, so that it is corrected where it was written.
#include <optional>
#include <string>
#include <string_view>

namespace adressage::names {

// Why `text` cannot be written as it is, or nothing: "starts with '=', which a spreadsheet
// runs as a formula" (also + - @, after spaces), "holds the invisible character U+202E"
// (controls other than tab, CR and LF; format characters: bidi marks and overrides,
// zero-width characters, the soft hyphen, the BOM).
std::optional<std::string> unsafe_text_reason(std::string_view text);

} // namespace adressage::names
