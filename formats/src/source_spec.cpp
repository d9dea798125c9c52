#include "adressage/formats/source_spec.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "adressage/error.hpp"

namespace adressage::formats {

namespace {

bool looks_like_layer(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
    });
}

bool names_a_path(std::string_view s) {
    std::error_code ec;
    return !s.empty() && s != "PG" && s != "pg" && std::filesystem::exists(std::string(s), ec);
}

// `path[:layer]` into the spec's dataset and layer.
void split_layer(std::string_view text, SourceSpec &spec) {
    spec.dataset = std::string(text);
    for (std::size_t colon = text.find(':'); colon != std::string_view::npos;
         colon = text.find(':', colon + 1)) {
        if (colon + 1 < text.size() && names_a_path(text.substr(0, colon))) {
            spec.dataset = std::string(text.substr(0, colon));
            spec.layer = std::string(text.substr(colon + 1));
            return;
        }
    }
    const auto colon = text.rfind(':');
    if (colon == std::string_view::npos || colon == 0) {
        return;
    }
    const std::string_view before = text.substr(0, colon);
    const std::string_view after = text.substr(colon + 1);
    // "PG:dbname=x" has its only colon right after the driver prefix: no layer there.
    if (!looks_like_layer(after) || before == "PG" || before == "pg") {
        return;
    }
    spec.dataset = std::string(before);
    spec.layer = std::string(after);
}

geo::Box parse_box(const std::string &source, const std::string &value) {
    std::istringstream in(value);
    double v[4];
    char comma = ',';
    for (int i = 0; i < 4; ++i) {
        if ((i > 0 && !(in >> comma)) || comma != ',' || !(in >> v[i])) {
            throw InputError(source, "spat=" + value +
                                         " is not XMIN,YMIN,XMAX,YMAX (four numbers "
                                         "in the layer's CRS)");
        }
    }
    if (char extra = 0; (in >> extra) || v[0] > v[2] || v[1] > v[3]) {
        throw InputError(source, "spat=" + value +
                                     " is not XMIN,YMIN,XMAX,YMAX with XMIN <= "
                                     "XMAX and YMIN <= YMAX");
    }
    return {v[0], v[1], v[2], v[3]};
}

void add_option(const std::string &source, std::string_view option, SourceSpec &spec) {
    const auto equals = option.find('=');
    const std::string key(option.substr(0, equals));
    const std::string value(equals == std::string_view::npos ? "" : option.substr(equals + 1));
    if (equals == std::string_view::npos || value.empty()) {
        throw InputError(source,
                         "|" + std::string(option) + " has no value: write |" + key + "=VALUE");
    }
    if (key == "layername") {
        spec.layer = value;
    } else if (key == "where" || key == "subset") {
        spec.where = value;
    } else if (key == "sql") {
        spec.sql = value;
    } else if (key == "oo") {
        spec.open_options.push_back(value);
    } else if (key == "spat") {
        spec.spat = parse_box(source, value);
    } else {
        throw InputError(source, "unknown source option |" + key +
                                     "= (options: layername, where, subset, sql, oo, spat)");
    }
}

} // namespace

namespace {

// The next '|' from `from` that starts an option: followed by a lower-case word and '='. Other
// bars belong to the value before ("a = 'x|y'", SQL's "a || b").
std::size_t next_option(std::string_view text, std::size_t from) {
    for (std::size_t bar = text.find('|', from); bar != std::string_view::npos;
         bar = text.find('|', bar + 1)) {
        std::size_t end = bar + 1;
        while (end < text.size() && ((text[end] >= 'a' && text[end] <= 'z') || text[end] == '_')) {
            ++end;
        }
        if (end > bar + 1 && (end == text.size() || text[end] == '=' || text[end] == '|')) {
            return bar;
        }
    }
    return std::string_view::npos;
}

} // namespace

SourceSpec parse_source_spec(std::string_view text) {
    SourceSpec spec{std::string(text), std::string(text), {}, {}, {}, {}, {}};
    const std::size_t first = next_option(text, 0);
    split_layer(text.substr(0, first), spec);
    for (std::size_t at = first; at != std::string_view::npos;) {
        const std::size_t next = next_option(text, at + 1);
        const std::size_t length = next == std::string_view::npos ? next : next - at - 1;
        add_option(spec.text, text.substr(at + 1, length), spec);
        at = next;
    }
    return spec;
}

} // namespace adressage::formats
