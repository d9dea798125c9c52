#include "options/voie_options.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "adressage/error.hpp"

using namespace adressage;
using namespace adressage::pipeline;

namespace {

struct VoieOptionsFile : ::testing::Test {
    std::filesystem::path path;
    void SetUp() override {
        path = std::filesystem::temp_directory_path() /
               ("voie-options-" + std::to_string(::getpid()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".csv");
    }
    void TearDown() override { std::filesystem::remove(path); }
    VoieOptions load(const std::string &content) {
        std::ofstream(path, std::ios::binary) << content;
        return VoieOptions::load(path.string());
    }
    // The message of the InputError that loading `content` throws.
    std::string error_of(const std::string &content) {
        try {
            load(content);
        } catch (const InputError &e) {
            EXPECT_EQ(e.input(), "--voie-options " + path.string());
            return e.what();
        }
        ADD_FAILURE() << "no InputError for: " << content;
        return "";
    }
};

} // namespace

TEST_F(VoieOptionsFile, ReadsOriginAndNumberingByVoieName) {
    const VoieOptions o = load("voie_nom;origine;numerotation\n"
                               "Avenue du G\u00e9n\u00e9ral de Gaulle;Nord;\n"
                               "\"Chemin des Cr\u00eates; haut\";ouest;classique\n"
                               "Rue Basse;;M\u00e9trique\n"
                               "Impasse Haute;auto;metric\n");
    EXPECT_EQ(o.size(), 4u);
    // Accents, case and apostrophes do not matter.
    const VoieOption *gaulle = o.find("AVENUE DU GENERAL DE GAULLE");
    ASSERT_NE(gaulle, nullptr);
    EXPECT_EQ(gaulle->origin, Cardinal::north);
    EXPECT_FALSE(gaulle->numbering);
    EXPECT_EQ(gaulle->line, 2u);
    const VoieOption *cretes = o.find("Chemin des Cr\u00eates; haut");
    ASSERT_NE(cretes, nullptr);
    EXPECT_EQ(cretes->origin, Cardinal::west);
    EXPECT_EQ(cretes->numbering, NumberingMode::classic);
    EXPECT_EQ(o.find("rue basse")->numbering, NumberingMode::metric);
    EXPECT_FALSE(o.find("rue basse")->origin);
    EXPECT_FALSE(o.find("Impasse Haute")->origin);
    EXPECT_EQ(o.find("Rue Haute"), nullptr);
}

TEST_F(VoieOptionsFile, CommaDelimiterBomCrlfAndMissingColumn) {
    const VoieOptions o = load("\xEF\xBB\xBFvoie_nom,origine,commentaire\r\n"
                               "Rue de l'\u00c9glise,south,from the church\r\n");
    ASSERT_NE(o.find("rue de l eglise"), nullptr);
    EXPECT_EQ(o.find("rue de l eglise")->origin, Cardinal::south);
    EXPECT_FALSE(o.find("rue de l eglise")->numbering);
}

TEST_F(VoieOptionsFile, BadFilesNameTheFileTheLineAndTheFix) {
    EXPECT_NE(error_of("voie_nom;origine\nRue Haute;nordd\n")
                  .find("line 2: origine 'nordd' is not an end of a voie; write nord, sud, est, "
                        "ouest or auto"),
              std::string::npos);
    EXPECT_NE(error_of("voie_nom;numerotation\nRue Haute;decimal\n")
                  .find("line 2: numerotation 'decimal' is not a numbering; write metrique or "
                        "classique"),
              std::string::npos);
    EXPECT_NE(error_of("nom;origine\nRue Haute;nord\n")
                  .find("the first line must name the columns, voie_nom and origine"),
              std::string::npos);
    EXPECT_NE(error_of("voie_nom;sens\nRue Haute;nord\n").find("voie_nom and origine"),
              std::string::npos);
    EXPECT_NE(error_of("").find("the file is empty"), std::string::npos);
    EXPECT_NE(error_of("voie_nom;origine\n;nord\n").find("line 2: voie_nom is empty"),
              std::string::npos);
    EXPECT_NE(error_of("voie_nom;origine\nRue Haute;nord\nRUE HAUTE;sud\n")
                  .find("line 3: voie 'RUE HAUTE' is already given at line 2; keep one line "
                        "per voie"),
              std::string::npos);
    EXPECT_NE(error_of("voie_nom;origine;numerotation\nRue Haute;nord\n")
                  .find("line 2: not as many fields as the header"),
              std::string::npos);
    EXPECT_NE(error_of("voie_nom;origine\n\"Rue Haute;nord\n").find("quote is not closed"),
              std::string::npos);
}

TEST(VoieOptions, MissingFileIsAnInputError) {
    try {
        VoieOptions::load("/nonexistent/voies.csv");
        FAIL() << "no error";
    } catch (const InputError &e) {
        EXPECT_EQ(std::string(e.what()),
                  "--voie-options /nonexistent/voies.csv: cannot be read; check the path");
    }
}
