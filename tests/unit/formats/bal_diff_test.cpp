// Diff of two BAL files and the BAN's upload gates (formats/bal_diff.hpp).
#include <gtest/gtest.h>

#include "adressage/formats/bal_diff.hpp"
#include "adressage/formats/bal_diff_layer.hpp"

namespace adressage::formats {
namespace {

const char *header = "cle_interop;commune_insee;commune_nom;voie_nom;numero;suffixe;position;x;y\n";

std::string rows(int n, int from = 1, const char *insee = "06012") {
    std::string out = header;
    for (int i = from; i < from + n; ++i) {
        out += std::string(insee) + "_x001_" + std::to_string(10000 + i).substr(1) + ";" + insee +
               ";Beausoleil;Rue A;" + std::to_string(i) + ";;bâtiment;1000;2000\n";
    }
    return out;
}

GateLevel gate(const Preflight &p, const std::string &code) {
    for (const GateCheck &c : p.checks) {
        if (c.code == code) {
            return c.level;
        }
    }
    ADD_FAILURE() << "no check " << code;
    return GateLevel::ok;
}

TEST(BalDiff, IdenticalFilesHaveNoChange) {
    const BalTable t = read_bal(rows(10));
    const BalDiff d = diff_bal(t, t);
    EXPECT_TRUE(d.created.empty());
    EXPECT_TRUE(d.changed.empty());
    EXPECT_TRUE(d.deleted.empty());
    EXPECT_EQ(d.unchanged, 10u);
    EXPECT_EQ(preflight(t, t, d).level, GateLevel::ok);
}

TEST(BalDiff, CreatedChangedDeletedWithTheirFields) {
    const BalTable before = read_bal(rows(3));
    std::string text = rows(2) + "06012_x001_00004;06012;Beausoleil;Rue A;4;;bâtiment;1000;2000\n";
    const std::string was = ";Rue A;2;;bâtiment;1000;2000";
    text.replace(text.find(was), was.size(), ";Rue A;2;;entrée;1001;2000");
    const BalDiff d = diff_bal(before, read_bal(text));
    ASSERT_EQ(d.created.size(), 1u);
    EXPECT_EQ(d.created[0].key, "Rue A 4");
    EXPECT_EQ(d.created[0].rows, (std::vector<std::size_t>{2})); // of the new table
    ASSERT_EQ(d.deleted.size(), 1u);
    EXPECT_EQ(d.deleted[0].key, "Rue A 3");
    EXPECT_EQ(d.deleted[0].rows, (std::vector<std::size_t>{2})); // of the old table
    ASSERT_EQ(d.changed.size(), 1u);
    EXPECT_EQ(d.changed[0].key, "Rue A 2");
    EXPECT_EQ(d.changed[0].fields, (std::vector<std::string>{"position", "x"}));
    EXPECT_EQ(d.changed[0].rows, (std::vector<std::size_t>{1}));
}

// An update writes the cle_interop it read in its written form (lower case, numero on 5
// digits): the same key, no change. Another voie code is another voie (homonyms differ only by
// it): the address of the one is deleted, of the other created.
TEST(BalDiff, ACleInteropOnlyRewrittenToItsWrittenFormIsNoChange) {
    const BalTable before = read_bal(std::string(header) +
                                     "06012_X001_2;06012;Beausoleil;Rue A;2;;bâtiment;1000;2000\n"
                                     "06012_x001_3;06012;Beausoleil;Rue A;3;;bâtiment;1000;2000\n");
    const BalTable after = read_bal(
        std::string(header) + "06012_x001_00002;06012;Beausoleil;Rue A;2;;bâtiment;1000;2000\n"
                              "06012_x002_00003;06012;Beausoleil;Rue A;3;;bâtiment;1000;2000\n");
    const BalDiff d = diff_bal(before, after);
    EXPECT_EQ(d.unchanged, 1u); // Rue A 2
    EXPECT_TRUE(d.changed.empty());
    ASSERT_EQ(d.created.size(), 1u);
    EXPECT_EQ(d.created[0].key, "Rue A 3");
    ASSERT_EQ(d.deleted.size(), 1u);
    EXPECT_EQ(d.deleted[0].key, "Rue A 3");
}

TEST(BalDiff, RowLossAndDeletionGates) {
    const BalTable before = read_bal(rows(100));
    // 30 % fewer rows: api-depot and id-fix warn; 85 %: both block.
    const BalTable lost30 = read_bal(rows(70));
    const Preflight p30 = preflight(before, lost30, diff_bal(before, lost30));
    EXPECT_EQ(gate(p30, "api_depot.row_loss"), GateLevel::warning);
    EXPECT_EQ(gate(p30, "id_fix.deletions"), GateLevel::warning);
    EXPECT_EQ(p30.level, GateLevel::warning);
    const BalTable lost85 = read_bal(rows(15));
    const Preflight p85 = preflight(before, lost85, diff_bal(before, lost85));
    EXPECT_EQ(gate(p85, "api_depot.row_loss"), GateLevel::blocked);
    EXPECT_EQ(p85.level, GateLevel::blocked);
    // 20 % exactly is not above the threshold; 22 % deletions warn for api-depot only.
    const BalTable lost20 = read_bal(rows(80));
    EXPECT_EQ(preflight(before, lost20, diff_bal(before, lost20)).level, GateLevel::ok);
    const BalTable lost22 = read_bal(rows(78));
    const Preflight p22 = preflight(before, lost22, diff_bal(before, lost22));
    EXPECT_EQ(gate(p22, "api_depot.row_loss"), GateLevel::warning);
    EXPECT_EQ(gate(p22, "id_fix.deletions"), GateLevel::ok);
}

TEST(BalDiff, OneCommuneAndIdsAllOrNone) {
    const BalTable before = read_bal(rows(2));
    const BalTable two = read_bal(rows(2) + rows(1, 3, "06032").substr(std::string(header).size()));
    EXPECT_EQ(gate(preflight(before, two, diff_bal(before, two)), "file.one_commune"),
              GateLevel::blocked);
    const std::string ids = "id_ban_adresse;" + std::string(header);
    const BalTable mixed =
        read_bal(ids + "0b8d6c8e-4f0e-4b7e-9a55-3f6c2d1e0a11;06012_x001_00001;06012;"
                       "Beausoleil;Rue A;1;;bâtiment;1000;2000\n"
                       ";06012_x001_00002;06012;Beausoleil;Rue A;2;;bâtiment;1000;"
                       "2000\n");
    EXPECT_EQ(gate(preflight(before, mixed, diff_bal(before, mixed)), "file.ids_all_or_none"),
              GateLevel::blocked);
}

TEST(BalDiff, VersionColumnsAreNoChange) {
    // The same address in 1.4 (voie_nom, cle_interop) and 1.5 (toponyme, no cle_interop).
    const BalTable v14 = read_bal(rows(1));
    const BalTable v15 = read_bal("commune_insee;commune_nom;toponyme;numero;suffixe;position;x;y\n"
                                  "06012;Beausoleil;Rue A;1;;bâtiment;1000;2000\n");
    const BalDiff d = diff_bal(v14, v15);
    EXPECT_TRUE(d.changed.empty());
    EXPECT_EQ(d.unchanged, 1u);
}

} // namespace
} // namespace adressage::formats

namespace adressage::formats {
namespace {

// The diff as a layer: a point per row of each listed address, at its long/lat, with its
// status, the changed columns and the row's values (a deleted row's from the old file).
TEST(BalDiffLayer, OneFeaturePerRowOfEachListedAddress) {
    const std::string head = "cle_interop;voie_nom;numero;suffixe;position;long;lat\n";
    const BalTable before = read_bal(head + "06012_x001_00001;Rue A;1;;entrée;7.41;43.74\n"
                                            "06012_x001_00002;Rue A;2;;entrée;7.42;43.74\n"
                                            "06012_x001_00003;Rue A;3;;entrée;7.43;43.74\n");
    const BalTable after = read_bal(head + "06012_x001_00001;Rue A;1;;entrée;7.41;43.74\n"
                                           "06012_x001_00002;Rue A;2;;bâtiment;7.42;43.75\n"
                                           "06012_x001_00004;Rue A;4;;entrée;7.44;43.74\n"
                                           "06012_x001_00004;Rue A;4;;bâtiment;;\n");
    const BalDiff d = diff_bal(before, after);
    const geo::OutputLayer layer = bal_diff_layer(before, after, d);
    ASSERT_EQ(layer.fields.size(), 3u + 7u);
    EXPECT_EQ(layer.fields[0].name, "statut");
    EXPECT_EQ(layer.fields[3].name, "cle_interop");
    ASSERT_EQ(layer.features.size(), 4u); // 4 created (two rows), then 2 changed, 3 deleted
    const auto text = [](const geo::FieldValue &v) {
        const auto *s = std::get_if<std::string>(&v);
        return s != nullptr ? *s : std::string("<null>");
    };
    EXPECT_EQ(text(layer.features[0].values[0]), "cree");
    EXPECT_EQ(text(layer.features[0].values[1]), "Rue A 4");
    ASSERT_TRUE(layer.features[0].point.has_value());
    EXPECT_DOUBLE_EQ(layer.features[0].point->x, 7.44);
    EXPECT_FALSE(layer.features[1].point.has_value()); // no long/lat: no geometry
    EXPECT_EQ(text(layer.features[2].values[0]), "modifie");
    EXPECT_EQ(text(layer.features[2].values[2]), "lat,position");
    EXPECT_EQ(text(layer.features[2].values[7]), "bâtiment"); // the new file's value
    EXPECT_EQ(text(layer.features[3].values[0]), "supprime");
    EXPECT_EQ(text(layer.features[3].values[3]), "06012_x001_00003"); // from the old file
    EXPECT_EQ(text(layer.features[3].values[2]), "<null>");
}

} // namespace
} // namespace adressage::formats
