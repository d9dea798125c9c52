#include "batch/batch_commune_options.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "adressage/error.hpp"

using namespace adressage;
using namespace adressage::pipeline;

namespace {

struct CommuneOptionsFile : ::testing::Test {
    std::filesystem::path dir;
    void SetUp() override {
        dir = std::filesystem::temp_directory_path() /
              ("commune-options-" + std::to_string(::getpid()) + "-" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::create_directories(dir);
    }
    void TearDown() override { std::filesystem::remove_all(dir); }
    std::string write(const std::string &name, const std::string &content) {
        const std::string path = (dir / name).string();
        std::ofstream(path, std::ios::binary) << content;
        return path;
    }
    CommuneOptions load(const std::string &content) {
        return CommuneOptions::load(write("communes.csv", content));
    }
    std::string error_of(const std::string &content) {
        try {
            load(content);
        } catch (const InputError &e) {
            EXPECT_EQ(e.input(), "--commune-options " + (dir / "communes.csv").string());
            return e.what();
        }
        ADD_FAILURE() << "no InputError for: " << content;
        return "";
    }
};

} // namespace

TEST_F(CommuneOptionsFile, ReadsEveryColumnAndLeavesEmptyCellsToTheBatch) {
    const CommuneOptions table =
        load("insee;numerotation;mairie_lon;mairie_lat;id_ban_commune;siren\n"
             "06032;Classique;7.3958;43.7223;0C2F1D55-3E6B-4C7A-9D1E-0A0000006032;210600326\n"
             "06150;;;;;\n");
    ASSERT_EQ(table.size(), 2u);
    const CommuneOption *cap = table.find("06032");
    ASSERT_NE(cap, nullptr);
    EXPECT_EQ(cap->numbering, NumberingMode::classic);
    EXPECT_EQ(cap->town_hall, (geo::XY{7.3958, 43.7223}));
    EXPECT_EQ(cap->id_ban_commune, "0c2f1d55-3e6b-4c7a-9d1e-0a0000006032");
    EXPECT_EQ(cap->siren, "210600326");
    const CommuneOption *turbie = table.find("06150");
    ASSERT_NE(turbie, nullptr);
    EXPECT_FALSE(turbie->numbering.has_value());
    EXPECT_FALSE(turbie->town_hall.has_value());
    EXPECT_EQ(table.find("06012"), nullptr);
}

TEST_F(CommuneOptionsFile, AcceptsCommaAndCommuneInseeHeader) {
    const CommuneOptions table = load("commune_insee,numerotation\n2A004,metrique\n");
    ASSERT_NE(table.find("2A004"), nullptr);
    EXPECT_EQ(table.find("2A004")->numbering, NumberingMode::metric);
}

TEST_F(CommuneOptionsFile, RefusesBadValuesWithTheirLine) {
    EXPECT_NE(error_of("insee;numerotation\n06012;alphabetique\n")
                  .find("line 2: numerotation 'alphabetique' is not a numbering"),
              std::string::npos);
    EXPECT_NE(error_of("insee;mairie_lon\n06012;7.4\n").find("line 2: mairie_lon '7.4'"),
              std::string::npos);
    EXPECT_NE(error_of("insee;siren\n06012;1234\n").find("is not a SIREN"), std::string::npos);
    EXPECT_NE(error_of("insee;id_ban_commune\n06012;abc\n").find("is not a UUID"),
              std::string::npos);
    EXPECT_NE(error_of("insee;numerotation\n6012;classique\n").find("is not an INSEE code"),
              std::string::npos);
    EXPECT_NE(error_of("insee;numerotation\n06012;\n06012;classique\n")
                  .find("line 3: commune 06012 is already given at line 2"),
              std::string::npos);
    EXPECT_NE(error_of("numerotation\nclassique\n").find("must name the columns"),
              std::string::npos);
}

TEST(ExpandInsee, ReplacesEveryPlaceholder) {
    EXPECT_EQ(expand_insee("bal/{insee}/{insee}.csv", "06012"), "bal/06012/06012.csv");
    EXPECT_EQ(expand_insee("bal.csv", "06012"), "bal.csv");
}

TEST_F(CommuneOptionsFile, CommuneOptionsExpandPatternsAndApplyTheLine) {
    write("06012.csv", "voie_nom;numerotation\nRue;classique\n");
    write("bal-06012.csv", "x");
    RunOptions base;
    base.existing = (dir / "bal-{insee}.csv").string();
    base.voie_options = (dir / "{insee}.csv").string();
    base.ledger = (dir / "{insee}.sqlite").string();
    base.numbering = NumberingMode::metric;
    CommuneOption line;
    line.insee = "06012";
    line.numbering = NumberingMode::classic;
    line.town_hall = geo::XY{7.42, 43.73};
    const RunOptions with = commune_run_options(base, "06012", &line);
    EXPECT_EQ(with.insee, "06012");
    EXPECT_EQ(with.existing, (dir / "bal-06012.csv").string());
    EXPECT_EQ(with.voie_options, (dir / "06012.csv").string());
    EXPECT_EQ(with.ledger, (dir / "06012.sqlite").string());
    EXPECT_EQ(with.numbering, NumberingMode::classic);
    EXPECT_EQ(with.town_hall, (geo::XY{7.42, 43.73}));
    // No file for 06032: numbered afresh, no voie options; the ledger is created.
    const RunOptions without = commune_run_options(base, "06032", nullptr);
    EXPECT_TRUE(without.existing.empty());
    EXPECT_TRUE(without.voie_options.empty());
    EXPECT_EQ(without.ledger, (dir / "06032.sqlite").string());
    EXPECT_EQ(without.numbering, NumberingMode::metric);
    // The resume key follows the commune's files.
    EXPECT_NE(commune_options_key(with, &line), commune_options_key(without, nullptr));
}

TEST_F(CommuneOptionsFile, PatternsAreCheckedBeforeAnyCommuneRuns) {
    RunOptions base;
    base.ledger = "ledger.sqlite";
    EXPECT_THROW(check_commune_patterns(base, {"06012"}), ConfigError);
    base.ledger.clear();
    base.existing = (dir / "{insee}.csv").string();
    EXPECT_THROW(check_commune_patterns(base, {"06012", "06032"}), InputError);
    write("06032.csv", "x");
    EXPECT_NO_THROW(check_commune_patterns(base, {"06012", "06032"}));
    base.existing = (dir / "06032.csv").string();
    EXPECT_THROW(check_commune_patterns(base, {"06032"}), ConfigError);
}
