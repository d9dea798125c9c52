// The TOPO reader on the real Cornillon-Confoux extract and the constructed Beausoleil file
// (tests/fixtures/topo/PROVENANCE.md).
#include "adressage/formats/topo_reader.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "adressage/error.hpp"

using namespace adressage;
using namespace adressage::formats;

namespace {
std::string fixture(const char *name) {
    return std::string(ADRESSAGE_TEST_SOURCE) + "/fixtures/topo/" + name;
}
} // namespace

TEST(TopoReader, ReadsTheVoiesOfARealExtract) {
    const TopoCommune c = read_topo(fixture("TOPO-13029-cornillon-confoux-extract.csv"), "13029");
    ASSERT_EQ(c.voies.size(), 11u); // the département and commune records are not voies
    EXPECT_EQ(c.cancelled, 0u);
    const TopoVoie &first = c.voies.front();
    EXPECT_EQ(first.code, "0870");
    EXPECT_EQ(first.nature, "CHE");
    EXPECT_EQ(first.libelle, "DE CAMPREOUX");
    EXPECT_EQ(first.label, "CHE DE CAMPREOUX");
    EXPECT_EQ(first.former_commune, "");
    EXPECT_EQ(first.type_voie, 1);
    // A lieu-dit without nature, its code lowered as cle_interop writes it.
    EXPECT_EQ(c.voies[1].code, "b095");
    EXPECT_EQ(c.voies[1].label, "GOUFRAN");
    EXPECT_EQ(c.voies[1].type_voie, 3);
    EXPECT_EQ(c.voies.back().label, "VC MONTEE DES AIRES");
    for (const TopoVoie &v : c.voies) {
        EXPECT_EQ(v.code.size(), 4u) << v.label;
    }
}

TEST(TopoReader, OtherCommunesAreSkipped) {
    const TopoCommune c = read_topo(fixture("TOPO-13029-cornillon-confoux-extract.csv"), "13030");
    EXPECT_TRUE(c.voies.empty());
    EXPECT_EQ(c.other_communes, 11u);
}

TEST(TopoReader, CancelledVoiesAreSkipped) {
    const TopoCommune c = read_topo(fixture("TOPO-06012-beausoleil-CONSTRUCTED.csv"), "06012");
    EXPECT_EQ(c.cancelled, 1u);
    EXPECT_EQ(c.other_communes, 1u);
    ASSERT_EQ(c.voies.size(), 13u);
    for (const TopoVoie &v : c.voies) {
        EXPECT_NE(v.libelle, "DES ORCHIDEES");
    }
    EXPECT_EQ(c.voies.back().code, "b001");
}

TEST(TopoReader, FormerCommunesCarryTheirCode) {
    const TopoCommune c =
        read_topo(fixture("TOPO-06012-beausoleil-CONSTRUCTED.csv"), "06012", {"06032"});
    ASSERT_EQ(c.voies.size(), 14u);
    EXPECT_EQ(c.voies.back().former_commune, "06032");
    EXPECT_EQ(c.voies.back().label, "AV GENERAL DE GAULLE");
    EXPECT_EQ(c.voies.front().former_commune, "");
}

TEST(TopoReader, FixedWidthAndMissingFilesAreRefused) {
    EXPECT_THROW(read_topo(fixture("TOPFANR-13029-header-only.800"), "13029"), InputError);
    EXPECT_THROW(read_topo(fixture("no-such-file.csv"), "13029"), InputError);
    // A CSV without the TOPO columns.
    const auto other = std::filesystem::temp_directory_path() /
                       ("not-topo-" + std::to_string(::getpid()) + ".csv");
    std::ofstream(other) << "code;libelle\n0010;RUE A\n";
    EXPECT_THROW(read_topo(other.string(), "13029"), InputError);
    std::filesystem::remove(other);
}
