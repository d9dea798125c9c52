// The per-record numbering of an update (ExistingStage::process_one) and the ledger.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include <unistd.h>

#include "adressage/error.hpp"
#include "adressage/pipeline/update_stage.hpp"

namespace adressage::pipeline {
namespace {

using geo::Side;

VoieNumbers voie(NumberingMode mode, std::vector<VoieNumbers::Entry> entries) {
    return VoieNumbers{mode, 1, std::move(entries)};
}

TEST(UpdateNumbering, MetricFreeNumberIsTheDistance) {
    const auto v = voie(NumberingMode::metric, {{12, "", 12.0}, {31, "", 31.0}});
    EXPECT_EQ(ExistingStage::process_one(v, 20.2, Side::right), (NewNumero{20, ""}));
    EXPECT_EQ(ExistingStage::process_one(v, 20.2, Side::left), (NewNumero{21, ""}));
}

TEST(UpdateNumbering, MetricTakenMovesToTheNearestFreeOfItsParity) {
    // 20 taken: 22; 20 and 22 taken: 18 (nearer than 24); never a suffix.
    auto v = voie(NumberingMode::metric, {{20, "", std::nullopt}});
    EXPECT_EQ(ExistingStage::process_one(v, 20.0, Side::right), (NewNumero{22, ""}));
    v.entries.push_back({22, "", 22.0});
    EXPECT_EQ(ExistingStage::process_one(v, 20.0, Side::right), (NewNumero{18, ""}));
    // Parity kept at the start of the voie: 1 taken on the left gives 3, not 2.
    const auto w = voie(NumberingMode::metric, {{1, "", 1.0}});
    EXPECT_EQ(ExistingStage::process_one(w, 0.4, Side::left), (NewNumero{3, ""}));
}

TEST(UpdateNumbering, ClassicFreeNumberBetweenTheNeighbours) {
    const auto v = voie(NumberingMode::classic, {{1, "", 10.0}, {7, "", 70.0}, {2, "", 15.0}});
    EXPECT_EQ(ExistingStage::process_one(v, 40.0, Side::left), (NewNumero{3, ""}));
    EXPECT_EQ(ExistingStage::process_one(v, 40.0, Side::right), (NewNumero{4, ""}));
    // After the last one of the side: the next number.
    EXPECT_EQ(ExistingStage::process_one(v, 90.0, Side::left), (NewNumero{9, ""}));
}

TEST(UpdateNumbering, ClassicSuffixWhenNoNumberIsFree) {
    auto v = voie(NumberingMode::classic, {{1, "", 10.0}, {3, "", 30.0}});
    EXPECT_EQ(ExistingStage::process_one(v, 20.0, Side::left), (NewNumero{1, "bis"}));
    v.entries.push_back({1, "bis", 20.0});
    EXPECT_EQ(ExistingStage::process_one(v, 25.0, Side::left), (NewNumero{1, "ter"}));
    // A number taken elsewhere on the voie (no known position) is not free either.
    const auto w = voie(NumberingMode::classic, {{1, "", 10.0}, {5, "", 50.0}, {3, "", {}}});
    EXPECT_EQ(ExistingStage::process_one(w, 20.0, Side::left), (NewNumero{1, "bis"}));
}

TEST(UpdateNumbering, ClassicSuffixFollowsTheLettersTheVoieUses) {
    const auto v =
        voie(NumberingMode::classic, {{2, "", 10.0}, {2, "A", 12.0}, {4, "", 30.0}, {9, "", 5.0}});
    EXPECT_EQ(ExistingStage::process_one(v, 20.0, Side::right), (NewNumero{2, "B"}));
    const auto w = voie(NumberingMode::classic, {{2, "", 10.0}, {4, "", 30.0}, {9, "b", 5.0}});
    EXPECT_EQ(ExistingStage::process_one(w, 20.0, Side::right), (NewNumero{2, "a"}));
}

TEST(UpdateNumbering, ClassicBeforeTheFirstNumber) {
    // 1 is the first number of the left side: nothing free before it, a suffix on it.
    const auto v = voie(NumberingMode::classic, {{1, "", 10.0}});
    EXPECT_EQ(ExistingStage::process_one(v, 5.0, Side::left), (NewNumero{1, "bis"}));
    // 5 first: 1 is free before it.
    const auto w = voie(NumberingMode::classic, {{5, "", 10.0}});
    EXPECT_EQ(ExistingStage::process_one(w, 5.0, Side::left), (NewNumero{1, ""}));
}

TEST(Ledger, MintsUuidV4) {
    const std::regex v4("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
    const std::string a = mint_uuid_v4();
    EXPECT_TRUE(std::regex_match(a, v4)) << a;
    EXPECT_NE(a, mint_uuid_v4());
}

TEST(Ledger, IdsSurviveReopeningAndStayWithTheirCommune) {
    const auto path = std::filesystem::temp_directory_path() /
                      ("ledger-test-" + std::to_string(::getpid()) + ".sqlite");
    std::filesystem::remove(path);
    const LedgerAddressKey key{"", "Rue Neuve", 12, "", "x001"};
    const std::string id = mint_uuid_v4();
    const std::string topo = mint_uuid_v4();
    {
        Ledger ledger(path.string(), "06012");
        EXPECT_FALSE(ledger.adresse_id(key));
        LedgerAddress a{key, id, topo, "06012_x001_00012", "bâtiment", 1.5, 2.5};
        EXPECT_EQ(ledger.commit("2026-11-20", "1.5", "c0ffee00-0000-4000-8000-000000000000", {a},
                                {{LedgerToponymeKey{"", "Rue Neuve", "x001"}, topo}}),
                  1);
    }
    {
        Ledger ledger(path.string(), "06012");
        EXPECT_EQ(ledger.adresse_id(key), id);
        EXPECT_EQ(ledger.toponyme_id(LedgerToponymeKey{"", "Rue Neuve", "x001"}), topo);
        // A BAL 1.5 has no voie code: the name finds the id.
        EXPECT_EQ(ledger.toponyme_id(LedgerToponymeKey{"", "Rue Neuve", ""}), topo);
        EXPECT_EQ(ledger.adresse_id(LedgerAddressKey{"", "Rue Neuve", 12, "", ""}), id);
        EXPECT_FALSE(ledger.adresse_id(LedgerAddressKey{"", "Rue Neuve", 12, "", "x002"}));
        EXPECT_EQ(ledger.id_ban_commune(), "c0ffee00-0000-4000-8000-000000000000");
    }
    EXPECT_THROW(Ledger(path.string(), "06032"), InputError);
    std::filesystem::remove(path);
}

} // namespace
} // namespace adressage::pipeline
