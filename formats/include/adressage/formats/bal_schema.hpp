#pragma once
// The BAL columns of each format version, in the AITF specification's order, and the header
// rules of the official validator (version detection, localised columns).
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace adressage::formats {

enum class BalVersion { v1_3, v1_4, v1_5 };

std::string_view to_string(BalVersion version); // "1.3", "1.4", "1.5"
std::optional<BalVersion> parse_bal_version(std::string_view text);

// The standard columns of a version, in the specification's order.
std::span<const std::string_view> bal_columns(BalVersion version);

// The version the official validator detects from a header: the three id_ban_* columns and
// `toponyme` → 1.5; the three ids without `toponyme` → 1.4; anything else → 1.3.
BalVersion detect_bal_version(const std::vector<std::string> &header);

// The 25 regional-language codes the validator accepts as column suffixes.
std::span<const std::string_view> regional_language_codes();

// "voie_nom_bre" → {"voie_nom", "bre"} when the base takes regional languages and the code is
// accepted; nullopt otherwise.
struct LocalisedColumn {
    std::string base;
    std::string language;
};
std::optional<LocalisedColumn> parse_localised_column(std::string_view column);

} // namespace adressage::formats
