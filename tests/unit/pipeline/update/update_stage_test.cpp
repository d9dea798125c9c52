// The per-record numbering of an update (ExistingStage::process_one) and the ledger.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include <unistd.h>

#include "adressage/error.hpp"
#include "update/update_stage.hpp"

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

TEST(Ledger, RecordsChangesAndDeletionsOfEachRun) {
    const auto path = std::filesystem::temp_directory_path() /
                      ("ledger-history-" + std::to_string(::getpid()) + ".sqlite");
    std::filesystem::remove(path);
    const LedgerAddressKey k1{"", "Rue A", 1, "", "x001"};
    const LedgerAddressKey k2{"", "Rue A", 3, "", "x001"};
    const std::map<LedgerToponymeKey, std::string> topo{{{"", "Rue A", "x001"}, "t-a"}};
    {
        Ledger ledger(path.string(), "06012");
        ledger.commit("2026-11-20", "1.4", "c",
                      {{k1, "a-1", "t-a", "c1", "bâtiment", 1, 1},
                       {k2, "a-3", "t-a", "c3", "bâtiment", 3, 3}},
                      topo);
    }
    {
        // Run 2: a-1 moves, a-3 is gone; run 3 writes the same as run 2: nothing changes.
        Ledger ledger(path.string(), "06012");
        EXPECT_EQ(ledger.adresse_id(k2), "a-3");
        EXPECT_EQ(ledger.commit("2026-11-21", "1.4", "c",
                                {{k1, "a-1", "t-a", "c1", "bâtiment", 1.5, 1}}, topo),
                  2);
    }
    {
        Ledger ledger(path.string(), "06012");
        EXPECT_FALSE(ledger.adresse_id(k2)); // deleted: not given again
        EXPECT_EQ(ledger.adresse_id(k1), "a-1");
        EXPECT_EQ(ledger.commit("2026-11-22", "1.4", "c",
                                {{k1, "a-1", "t-a", "c1", "bâtiment", 1.5, 1}}, topo),
                  3);
    }
    const std::string dump = "sqlite3 '" + path.string() +
                             "' \"select run || ' ' || id || ' ' || change from history order by "
                             "rowid\" > '" +
                             path.string() + ".txt'";
    ASSERT_EQ(std::system(dump.c_str()), 0);
    std::ifstream in(path.string() + ".txt");
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_EQ(text.str(), "1 t-a created\n1 a-1 created\n1 a-3 created\n2 a-1 changed\n"
                          "2 a-3 deleted\n");
    std::filesystem::remove(path);
    std::filesystem::remove(path.string() + ".txt");
}

} // namespace
} // namespace adressage::pipeline
