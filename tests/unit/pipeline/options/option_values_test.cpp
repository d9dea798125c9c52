#include "adressage/pipeline/option_values.hpp"

#include <gtest/gtest.h>

#include "adressage/error.hpp"

namespace adressage::pipeline {
namespace {

using formats::BalVersion;
using formats::PositionType;

TEST(OptionValues, NumberingAcceptsTheFrenchSpellings) {
    EXPECT_EQ(parse_numbering("--numbering", "metric"), NumberingMode::metric);
    EXPECT_EQ(parse_numbering("--numbering", "m\u00e9trique"), NumberingMode::metric);
    EXPECT_EQ(parse_numbering("--numbering", "classique"), NumberingMode::classic);
    try {
        parse_numbering("--numbering", "decametric");
        FAIL() << "no error";
    } catch (const ConfigError &e) {
        EXPECT_STREQ(e.what(), "--numbering 'decametric': use metric or classic");
    }
}

TEST(OptionValues, TownHallIsLongitudeThenLatitudeInRange) {
    EXPECT_EQ(parse_lonlat("--town-hall", "7.4236,43.7433"), (geo::XY{7.4236, 43.7433}));
    EXPECT_EQ(parse_lonlat("--town-hall", " -1.5 ; 47.2 "), (geo::XY{-1.5, 47.2}));
    EXPECT_THROW(parse_lonlat("--town-hall", "7.42"), ConfigError);
    EXPECT_THROW(parse_lonlat("--town-hall", "43.7,181"), ConfigError);
    EXPECT_THROW(parse_lonlat("--town-hall", "7.4,95"), ConfigError);
}

TEST(OptionValues, BalVersionWrittenIs14Or15) {
    EXPECT_EQ(parse_written_bal_version("--bal-version", "1.5"), BalVersion::v1_5);
    EXPECT_THROW(parse_written_bal_version("--bal-version", "1.3"), ConfigError);
    EXPECT_THROW(parse_written_bal_version("--bal-version", "2"), ConfigError);
}

// The canonical text (fingerprint, report) reads back as the same value.
TEST(OptionValues, CanonicalTextReadsBackAsTheSameValue) {
    for (const NumberingMode mode : {NumberingMode::metric, NumberingMode::classic}) {
        EXPECT_EQ(parse_numbering("-", option_text(mode)), mode);
    }
    for (const geo::XY lonlat : {geo::XY{7.4236, 43.7433}, geo::XY{-0.1, 0.30000000000000004}}) {
        EXPECT_EQ(parse_lonlat("-", option_text(std::optional(lonlat))), lonlat);
    }
    EXPECT_EQ(option_text(std::optional<geo::XY>{}), "");
    EXPECT_EQ(option_text(std::optional(geo::XY{7.4236, 43.7433})), "7.4236,43.7433");
    const std::vector<PositionType> all = {PositionType::entree, PositionType::batiment,
                                           PositionType::segment};
    EXPECT_EQ(option_text(all), "entr\u00e9e,b\u00e2timent,segment");
    EXPECT_EQ(parse_positions("-", option_text(all)), all);
    for (const BalVersion v : {BalVersion::v1_4, BalVersion::v1_5}) {
        EXPECT_EQ(parse_written_bal_version("-", option_text(v)), v);
    }
}

} // namespace
} // namespace adressage::pipeline
