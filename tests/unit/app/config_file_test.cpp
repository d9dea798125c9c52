#include "config_file.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <type_traits>

#include "adressage/error.hpp"
#include "adressage/pipeline/option_values.hpp"
#include "adressage/pipeline/run_option_table.hpp"
#include "run_option_flags.hpp"

namespace adressage::app {
namespace {

using pipeline::OptionSpec;

// A value each run option can take that is not its default, as TOML and as flag arguments.
struct Sample {
    std::string toml;
    std::vector<std::string> args;
};

template <typename T> Sample sample_of(const OptionSpec &spec, const T &) {
    const std::string key(spec.key);
    if constexpr (std::is_same_v<T, bool>) {
        return {"true", {}};
    } else if constexpr (std::is_same_v<T, double>) {
        return {"12.5", {"12.5"}};
    } else if constexpr (std::is_same_v<T, int>) {
        return {"7", {"7"}};
    } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
        // Over several lines, with a comment and a trailing comma.
        return {"[\n    \"a-" + key + ".gpkg:l\", # first\n    \"b-" + key + ".gpkg:l\",\n]",
                {"a-" + key + ".gpkg:l", "b-" + key + ".gpkg:l"}};
    } else if constexpr (std::is_same_v<T, pipeline::NumberingMode>) {
        return {"\"classic\"", {"classic"}};
    } else if constexpr (std::is_same_v<T, std::optional<geo::XY>>) {
        return {"\"7.42,43.74\"", {"7.42,43.74"}};
    } else if constexpr (std::is_same_v<T, std::vector<formats::PositionType>>) {
        return {"\"entrée,segment\"", {"entrée,segment"}};
    } else if constexpr (std::is_same_v<T, formats::BalVersion>) {
        return {"\"1.5\"", {"1.5"}};
    } else {
        const std::string value = key == "preset"  ? "cadastre"
                                  : key == "date"  ? "2026-11-20"
                                  : key == "insee" ? "06012"
                                                   : "v-" + key;
        return {"\"" + value + "\"", {value}};
    }
}

template <typename T> std::string text_of(const T &value) {
    if constexpr (std::is_same_v<T, std::optional<std::string>>) {
        return value ? "'" + *value + "'" : "none";
    } else if constexpr (requires { pipeline::option_text(value); }) {
        return pipeline::option_text(value);
    } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
        std::string out;
        for (const std::string &v : value) {
            out += v + "|";
        }
        return out;
    } else if constexpr (std::is_same_v<T, std::string>) {
        return value;
    } else {
        return std::to_string(value);
    }
}

std::vector<std::string> texts(const pipeline::RunOptions &o) {
    std::vector<std::string> out;
    pipeline::for_each_run_option(o, [&](const OptionSpec &spec, const auto &field) {
        out.push_back(std::string(spec.key) + "=" + text_of(field));
    });
    return out;
}

std::string write_file(const std::string &name, const std::string &text) {
    const std::string path = (std::filesystem::temp_directory_path() /
                              (name + "-" + std::to_string(::getpid()) + ".toml"))
                                 .string();
    std::ofstream(path) << text;
    return path;
}

TEST(ConfigFile, EveryRunOptionAsAKeyIsTheSameAsItsFlag) {
    CLI::App declared{"", "run"};
    pipeline::RunOptions unused;
    add_run_option_flags(declared, unused, FlagsFor::run);
    std::string toml = "# every run option with a flag\n";
    std::vector<std::string> flags;
    int keys = 0;
    const pipeline::RunOptions defaults;
    pipeline::for_each_run_option(defaults, [&](const OptionSpec &spec, const auto &field) {
        if (spec.flag.empty() || declared.get_option_no_throw(std::string(spec.flag)) == nullptr) {
            return;
        }
        const Sample s = sample_of(spec, field);
        // The key is the flag's name (max-distance), or with '_' (max_distance): both, in turn.
        std::string key(spec.flag.substr(2));
        if (keys % 2 == 1) {
            std::replace(key.begin(), key.end(), '-', '_');
        }
        toml += key + " = " + s.toml + "\n";
        flags.emplace_back(spec.flag);
        flags.insert(flags.end(), s.args.begin(), s.args.end());
        ++keys;
    });
    EXPECT_GE(keys, 35);
    const std::string file = write_file("every-option", toml);

    CLI::App from_file{"", "run"};
    pipeline::RunOptions by_file;
    add_run_option_flags(from_file, by_file, FlagsFor::run);
    parse_config(file, from_file);

    CLI::App from_flags{"", "run"};
    pipeline::RunOptions by_flags;
    add_run_option_flags(from_flags, by_flags, FlagsFor::run);
    std::reverse(flags.begin(), flags.end());
    from_flags.parse(flags);

    EXPECT_EQ(texts(by_file), texts(by_flags));
    // And every key changed its option (the samples are not the defaults).
    const auto set = texts(by_file);
    const auto unset = texts(defaults);
    int changed = 0;
    for (std::size_t i = 0; i < set.size(); ++i) {
        changed += set[i] != unset[i] ? 1 : 0;
    }
    EXPECT_EQ(changed, keys);
    std::filesystem::remove(file);
}

TEST(ConfigFile, KeysWithDashesAndFlagsWithoutValues) {
    const std::string file =
        write_file("dashes", "max-distance = 80\nno_review = true\ndrop-orphans = false\n");
    CLI::App command{"", "run"};
    pipeline::RunOptions o;
    add_run_option_flags(command, o, FlagsFor::run);
    EXPECT_EQ(config_arguments(file, command),
              (std::vector<std::string>{"--max-distance", "80", "--no-review"}));
    std::filesystem::remove(file);
}

// The message of the InputError config_arguments or parse_config throws for `text`.
std::string error_for(const std::string &text) {
    const std::string file = write_file("bad", text);
    CLI::App command{"", "run"};
    pipeline::RunOptions o;
    add_run_option_flags(command, o, FlagsFor::run);
    std::string message;
    try {
        parse_config(file, command);
    } catch (const InputError &e) {
        message = e.what();
    }
    std::filesystem::remove(file);
    const std::size_t colon = message.find(": ");
    return colon == std::string::npos ? message : message.substr(colon + 2);
}

TEST(ConfigFile, ErrorsNameTheLineAndTheKey) {
    EXPECT_EQ(error_for("commune = \"06012\"\n\nmax_distanse = 3\n"),
              "line 3: unknown key 'max_distanse' (the keys are the flags of adressage run "
              "--help, without --)");
    EXPECT_EQ(error_for("max_distance = \"far\"\n"),
              "line 1: Could not convert: --max-distance = far");
    EXPECT_EQ(error_for("no_review = 1\n"), "line 1: key 'no_review' is true or false");
    EXPECT_EQ(error_for("roads = [[\"a\"]]\n"),
              "line 1: key 'roads' takes an array of values, not of arrays or tables");
    EXPECT_EQ(error_for("[run]\nroads = \"a\"\n"),
              "line 1: unknown key 'run' (the keys are the flags of adressage run --help, "
              "without --)");
    EXPECT_EQ(error_for("roads = [\n \"a\",\n").rfind("line 2, column", 0), 0U)
        << error_for("roads = [\n \"a\",\n");
    // Deep nesting is a parse error, not a crash.
    EXPECT_EQ(error_for("roads = " + std::string(5000, '[') + "\n").rfind("line 1, column", 0), 0U);
}

} // namespace
} // namespace adressage::app
