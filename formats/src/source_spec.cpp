#include "adressage/formats/source_spec.hpp"

#include <algorithm>
#include <cctype>

namespace adressage::formats {

namespace {

bool looks_like_layer(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
    });
}

} // namespace

SourceSpec parse_source_spec(std::string_view text) {
    SourceSpec spec{std::string(text), std::string(text), {}};
    const auto colon = text.rfind(':');
    if (colon == std::string_view::npos || colon == 0) {
        return spec;
    }
    const std::string_view before = text.substr(0, colon);
    const std::string_view after = text.substr(colon + 1);
    // "PG:dbname=x" has its only colon right after the driver prefix: no layer there.
    if (!looks_like_layer(after) || before == "PG" || before == "pg") {
        return spec;
    }
    spec.dataset = std::string(before);
    spec.layer = std::string(after);
    return spec;
}

} // namespace adressage::formats
