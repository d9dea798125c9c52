#include "options/run_option_keys.hpp"

#include <filesystem>
#include <type_traits>

#include "adressage/formats/source_spec.hpp"
#include "adressage/pipeline/run_option_table.hpp"

namespace adressage::pipeline {

namespace {

// Source specs with the size and modification time of the files they name, so that a new
// parcel file under the same name re-runs the communes (its features are not fingerprinted).
nlohmann::json sources_key(const std::vector<std::string> &specs) {
    nlohmann::json out = nlohmann::json::array();
    for (const std::string &spec : specs) {
        const std::filesystem::path path = formats::parse_source_spec(spec).dataset;
        std::error_code ec;
        const auto size = std::filesystem::file_size(path, ec);
        const auto time = std::filesystem::last_write_time(path, ec);
        out.push_back({{"spec", spec},
                       {"size", ec ? 0 : size},
                       {"mtime", ec ? 0 : time.time_since_epoch().count()}});
    }
    return out;
}

// Typed values (option_values.hpp) as their canonical text.
template <typename T> nlohmann::json json_of(const T &value) {
    if constexpr (std::is_same_v<T, std::optional<std::string>>) {
        return value ? nlohmann::json(*value) : nlohmann::json();
    } else if constexpr (requires { option_text(value); }) {
        return option_text(value);
    } else {
        return value;
    }
}

template <typename T>
nlohmann::json fingerprint_of(const OptionSpec &spec, const T &value, bool date_given) {
    if (spec.fingerprint == Fingerprint::date_if_given) {
        return date_given ? json_of(value) : nlohmann::json("");
    }
    if constexpr (std::is_same_v<T, std::vector<std::string>>) {
        if (spec.fingerprint == Fingerprint::sources) {
            return sources_key(value);
        }
    } else if constexpr (std::is_same_v<T, std::string>) {
        if (spec.fingerprint == Fingerprint::sources) {
            return sources_key(value.empty() ? std::vector<std::string>{} : std::vector{value});
        }
    } else if constexpr (std::is_same_v<T, std::optional<std::string>>) {
        return value.value_or("\x01");
    }
    return json_of(value);
}

} // namespace

nlohmann::json options_fingerprint(const RunOptions &options, bool date_given) {
    nlohmann::json key = {{"adressage_version", ADRESSAGE_VERSION}};
    for_each_run_option(options, [&](const OptionSpec &spec, const auto &value) {
        if (spec.fingerprint == Fingerprint::none) {
            return;
        }
        key[std::string(spec.key)] = fingerprint_of(spec, value, date_given);
    });
    return key;
}

nlohmann::json report_options(const RunOptions &options) {
    nlohmann::json out = nlohmann::json::object();
    for_each_run_option(options, [&](const OptionSpec &spec, const auto &value) {
        if (!spec.report.empty()) {
            out[std::string(spec.report)] = json_of(value);
        }
    });
    return out;
}

} // namespace adressage::pipeline
