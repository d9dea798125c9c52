#include "adressage/formats/bal_format.hpp"

#include <gtest/gtest.h>

#include "adressage/error.hpp"

using namespace adressage::formats;

TEST(FormatFixed, RoundsAndIgnoresLocale) {
    std::setlocale(LC_ALL, "fr_FR.UTF-8"); // a decimal comma locale must not leak in
    EXPECT_EQ(format_fixed(1056302.204, 2), "1056302.20");
    EXPECT_EQ(format_fixed(1056302.206, 2), "1056302.21");
    EXPECT_EQ(format_fixed(7.42462774, 7), "7.4246277");
    EXPECT_EQ(format_fixed(43.0, 7), "43.0000000");
    EXPECT_EQ(format_fixed(-0.000000001, 7), "0.0000000");
    EXPECT_EQ(format_fixed(-1.5, 2), "-1.50");
    std::setlocale(LC_ALL, "C");
}

TEST(CleInterop, PaddedLowercase) {
    EXPECT_EQ(cle_interop("06012", "x001", 51), "06012_x001_00051");
    EXPECT_EQ(cle_interop("2A004", "X042", 12), "2a004_x042_00012");
    EXPECT_EQ(cle_interop("35250", "1658", 21, "BIS"), "35250_1658_00021_bis");
    EXPECT_EQ(cle_interop("35250", "1658", 99999), "35250_1658_99999");
}

// The keys of the real AITF 1.1 sample (tests/fixtures/bal/bal-aitf-1.1-67482-...).
TEST(CleInterop, ReadAsTheValidatorReadsIt) {
    auto canonical = [](const char *key) {
        const auto parsed = parse_cle_interop(key);
        return parsed ? parsed->canonical() : std::string("unreadable");
    };
    EXPECT_EQ(canonical("67482_0340_43"), "67482_0340_00043");
    EXPECT_EQ(canonical("67482_5740_8_BIS"), "67482_5740_00008_bis");
    EXPECT_EQ(canonical("35001_0010_00005_3djsoi5"), "35001_0010_00005_3djsoi5");
    EXPECT_EQ(canonical("35001_XX0010_3"), "35001_xx0010_00003");
    EXPECT_EQ(canonical("A7482_6956_11"), "a7482_6956_00011");
    EXPECT_EQ(canonical("31591_xxxx_00009"), "31591_xxxx_00009");
    EXPECT_EQ(canonical("71346_0115_000033_c"), "71346_0115_00033_c");
    const auto parts = parse_cle_interop("35250_1658_00021_bis_a");
    ASSERT_TRUE(parts);
    EXPECT_EQ(parts->commune, "35250");
    EXPECT_EQ(parts->voie, "1658");
    EXPECT_EQ(parts->numero, 21);
    EXPECT_EQ(parts->suffixes, "bis_a");
    for (const char *bad :
         {"", "67482_0340", "67482__43", "67482_0340_4a3", "67482_0340_43_", "1_2_123456"}) {
        EXPECT_FALSE(parse_cle_interop(bad)) << bad;
    }
}

TEST(TemporaryVoieCode, FourCharactersInSequence) {
    EXPECT_EQ(temporary_voie_code(1), "x001");
    EXPECT_EQ(temporary_voie_code(42), "x042");
    EXPECT_EQ(temporary_voie_code(999), "x999");
    EXPECT_EQ(temporary_voie_code(1000), "y000");
    EXPECT_EQ(temporary_voie_code(2999), "z999");
    EXPECT_THROW(temporary_voie_code(0), adressage::ConfigError);
    EXPECT_THROW(temporary_voie_code(3000), adressage::ConfigError);
}

TEST(SanitizeValue, NoSeparatorQuoteOrBreakSurvives) {
    EXPECT_EQ(sanitize_value("  Rue ; du \"Port\"\n"), "Rue du Port");
    EXPECT_EQ(sanitize_value("a\r\nb\tc"), "a b c");
    EXPECT_EQ(sanitize_value(""), "");
}

TEST(PositionLabel, ExactValidatorSpelling) {
    EXPECT_EQ(position_label(PositionType::batiment), "b\xC3\xA2timent");
    EXPECT_EQ(position_label(PositionType::entree), "entr\xC3\xA9"
                                                    "e");
    EXPECT_EQ(position_label(PositionType::cage_escalier), "cage d\xE2\x80\x99"
                                                           "escalier");
    EXPECT_EQ(position_label(PositionType::delivrance_postale), "d\xC3\xA9livrance postale");
    EXPECT_EQ(position_label(PositionType::service_technique), "service technique");
}
