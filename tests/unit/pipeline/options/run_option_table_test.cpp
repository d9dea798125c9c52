#include "adressage/pipeline/run_option_table.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <type_traits>

#include "options/run_option_keys.hpp"

namespace adressage::pipeline {
namespace {

// The number of members of an aggregate: the most initialisers T{...} accepts (each
// initialiser converts to any member type).
struct AnyMember {
    template <typename T> operator T() const; // NOLINT: converts to every member type
};
template <typename T, typename... Given> constexpr std::size_t member_count() {
    if constexpr (requires { T{Given{}..., AnyMember{}}; }) {
        return member_count<T, Given..., AnyMember>();
    } else {
        return sizeof...(Given);
    }
}

// A value of the same type, different from `value`.
template <typename T> void change(T &value) {
    if constexpr (std::is_same_v<T, bool>) {
        value = !value;
    } else if constexpr (std::is_arithmetic_v<T>) {
        value += 1;
    } else if constexpr (std::is_same_v<T, std::string>) {
        value += "x";
    } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
        value.push_back("x.gpkg");
    } else if constexpr (std::is_same_v<T, std::optional<std::string>>) {
        value = value.value_or("") + "x";
    } else if constexpr (std::is_same_v<T, NumberingMode>) {
        value = value == NumberingMode::metric ? NumberingMode::classic : NumberingMode::metric;
    } else if constexpr (std::is_same_v<T, std::optional<geo::XY>>) {
        value = geo::XY{value ? value->x + 0.001 : 7.42, 43.74};
    } else if constexpr (std::is_same_v<T, std::vector<formats::PositionType>>) {
        value.push_back(formats::PositionType::segment);
    } else if constexpr (std::is_same_v<T, formats::BalVersion>) {
        value = value == formats::BalVersion::v1_5 ? formats::BalVersion::v1_4
                                                   : formats::BalVersion::v1_5;
    } else {
        static_assert(!sizeof(T), "run_option_table_test: teach change() the new option type");
    }
}

TEST(RunOptionTable, EveryFieldOfRunOptionsIsInTheTable) {
    RunOptions options;
    std::size_t visited = 0;
    for_each_run_option(options, [&](const OptionSpec &, auto &) { ++visited; });
    EXPECT_EQ(visited, member_count<RunOptions>())
        << "a field of RunOptions is missing from for_each_run_option (run_option_table.hpp)";
    EXPECT_GT(visited, 30u);
}

TEST(RunOptionTable, KeysAndFlagsAreUnique) {
    std::set<std::string_view> keys, flags;
    RunOptions options;
    for_each_run_option(options, [&](const OptionSpec &spec, auto &) {
        EXPECT_TRUE(keys.insert(spec.key).second) << spec.key;
        if (spec.scope != OptionScope::program) {
            EXPECT_TRUE(spec.flag.starts_with("--")) << spec.key;
            EXPECT_FALSE(spec.help.empty()) << spec.key;
            EXPECT_TRUE(flags.insert(spec.flag).second) << spec.flag;
        }
    });
}

// A run option that changes the outputs must change the batch's resume fingerprint, or say why
// it may not (the inputs' own fingerprint stands for it).
TEST(RunOptionTable, EveryOptionChangesTheResumeFingerprintOrSaysWhyNot) {
    const RunOptions base;
    const nlohmann::json before = options_fingerprint(base, true);
    std::size_t index = 0;
    for_each_run_option(base, [&](const OptionSpec &spec, const auto &) {
        RunOptions changed = base;
        std::size_t i = 0;
        for_each_run_option(changed, [&](const OptionSpec &, auto &value) {
            if (i++ == index) {
                change(value);
            }
        });
        ++index;
        if (spec.fingerprint == Fingerprint::none) {
            EXPECT_FALSE(spec.why.empty()) << spec.key << ": not fingerprinted, and no reason";
            EXPECT_EQ(options_fingerprint(changed, true), before) << spec.key;
        } else {
            EXPECT_NE(options_fingerprint(changed, true), before)
                << spec.key << " does not change the resume fingerprint";
        }
    });
}

TEST(RunOptionTable, ADateNotGivenIsNotAChange) {
    RunOptions a, b;
    a.date = "2026-11-20";
    b.date = "2026-11-21";
    EXPECT_EQ(options_fingerprint(a, false), options_fingerprint(b, false));
    EXPECT_NE(options_fingerprint(a, true), options_fingerprint(b, true));
}

TEST(RunOptionTable, TheReportGivesTheOptionsWithAReportKey) {
    RunOptions options;
    options.max_distance = 120;
    options.date = "2026-11-20";
    const nlohmann::json report = report_options(options);
    EXPECT_EQ(report, (nlohmann::json{{"max_distance_m", 120.0},
                                      {"homonym_distance_m", 500.0},
                                      {"date_der_maj", "2026-11-20"},
                                      {"source", "adressage"}}));
}

} // namespace
} // namespace adressage::pipeline
