#include "run_option_flags.hpp"

#include <string>
#include <type_traits>

#include "adressage/pipeline/option_values.hpp"
#include "adressage/pipeline/run_option_table.hpp"

namespace adressage::app {

namespace {

using pipeline::OptionScope;
using pipeline::OptionSpec;

bool declared_for(const OptionSpec &spec, FlagsFor which) {
    switch (spec.scope) {
    case OptionScope::run_and_batch:
    case OptionScope::batch_pattern:
        return true;
    case OptionScope::run_only:
        return which == FlagsFor::run;
    case OptionScope::program:
        return false;
    }
    return false;
}

// The typed values: parsed from the flag's text by parse_* of option_values.hpp.
void parse_into(const OptionSpec &spec, const std::string &text, pipeline::NumberingMode &out) {
    out = pipeline::parse_numbering(spec.flag, text);
}
void parse_into(const OptionSpec &spec, const std::string &text, std::optional<geo::XY> &out) {
    out = pipeline::parse_lonlat(spec.flag, text);
}
void parse_into(const OptionSpec &spec, const std::string &text,
                std::vector<formats::PositionType> &out) {
    out = pipeline::parse_positions(spec.flag, text);
}
void parse_into(const OptionSpec &spec, const std::string &text, formats::BalVersion &out) {
    out = pipeline::parse_written_bal_version(spec.flag, text);
}

template <typename T>
void add_flag_of(CLI::App &command, const OptionSpec &spec, std::string_view help, T &field) {
    const std::string flag(spec.flag);
    const std::string text(help);
    if constexpr (std::is_same_v<T, bool>) {
        command.add_flag(flag, field, text);
    } else if constexpr (std::is_same_v<T, std::optional<std::string>>) {
        // Set only when given: an empty value is a value (--road-kind-field '').
        command.add_option_function<std::string>(
            flag, [&field](const std::string &value) { field = value; }, text);
    } else if constexpr (requires { pipeline::option_text(field); }) {
        CLI::Option *option = command.add_option_function<std::string>(
            flag, [&field, spec](const std::string &value) { parse_into(spec, value, field); },
            text);
        if (const std::string shown = pipeline::option_text(field); !shown.empty()) {
            option->default_str(shown);
        }
    } else if constexpr (std::is_same_v<T, std::string>) {
        CLI::Option *option = command.add_option(flag, field, text);
        if (!field.empty()) {
            option->capture_default_str();
        }
    } else if constexpr (std::is_same_v<T, double>) {
        command.add_option(flag, field, text)->capture_default_str();
    } else {
        command.add_option(flag, field, text);
    }
}

} // namespace

void add_run_option_flags(CLI::App &command, pipeline::RunOptions &o, FlagsFor which) {
    pipeline::for_each_run_option(o, [&](const OptionSpec &spec, auto &field) {
        if (!declared_for(spec, which)) {
            return;
        }
        const bool batch_text = which == FlagsFor::batch && !spec.batch_help.empty();
        add_flag_of(command, spec, batch_text ? spec.batch_help : spec.help, field);
    });
}

} // namespace adressage::app
