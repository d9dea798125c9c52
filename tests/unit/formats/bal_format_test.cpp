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
