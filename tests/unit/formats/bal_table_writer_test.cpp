#include "adressage/formats/bal_table_writer.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "adressage/formats/bal_writer.hpp"

using namespace adressage::formats;

namespace {

const std::string fixtures = std::string(ADRESSAGE_TEST_SOURCE) + "/fixtures/bal/";

std::vector<std::string> samples() {
    std::vector<std::string> files;
    for (const auto &entry : std::filesystem::directory_iterator(fixtures)) {
        if (entry.path().extension() == ".csv") {
            files.push_back(entry.path().string());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

// Every value of `before`'s columns that the version keeps is in `after`, by column name.
void expect_no_value_lost(const BalTable &before, const BalTable &after, const std::string &file) {
    for (std::size_t c = 0; c < before.header.size(); ++c) {
        const std::string &name = before.header[c];
        const int out = after.column(name);
        ASSERT_GE(out, 0) << file << ": column " << name << " lost";
        ASSERT_EQ(after.rows.size(), before.rows.size()) << file;
        for (std::size_t r = 0; r < before.rows.size(); ++r) {
            const std::string value = c < before.rows[r].size() ? before.rows[r][c] : "";
            EXPECT_EQ(after.rows[r][static_cast<std::size_t>(out)], value)
                << file << " row " << r << " column " << name;
        }
    }
}

} // namespace

TEST(BalTableWriter, SameVersionLosesNoColumnOrValue) {
    ASSERT_EQ(samples().size(), 6u);
    for (const std::string &file : samples()) {
        const BalTable before = read_bal_file(file);
        const BalVersion version = detect_bal_version(before.header);
        const BalTable after = read_bal(write_bal(before, version));
        // Unnamed columns (Perrecy's three trailing ";;;") cannot be told apart; the named
        // ones must all survive.
        BalTable named = before;
        for (std::size_t c = named.header.size(); c-- > 0;) {
            if (named.header[c].empty()) {
                named.header.erase(named.header.begin() + static_cast<std::ptrdiff_t>(c));
                for (auto &row : named.rows) {
                    if (c < row.size()) {
                        row.erase(row.begin() + static_cast<std::ptrdiff_t>(c));
                    }
                }
            }
        }
        expect_no_value_lost(named, after, file);
    }
}

TEST(BalTableWriter, CanonicalFilesRoundTripByteForByte) {
    for (const std::string &file : samples()) {
        for (BalVersion v : {BalVersion::v1_3, BalVersion::v1_4, BalVersion::v1_5}) {
            const std::string canonical = write_bal(read_bal_file(file), v);
            EXPECT_EQ(write_bal(read_bal(canonical), v), canonical)
                << file << " as " << to_string(v);
            EXPECT_EQ(detect_bal_version(read_bal(canonical).header) == v ||
                          (v == BalVersion::v1_3),
                      true);
        }
    }
}

TEST(BalTableWriter, PipelineOutputIsCanonical14) {
    BalRow row;
    row.cle_interop = "06012_x001_00051";
    row.commune_insee = "06012";
    row.commune_nom = "Beausoleil";
    row.voie_nom = "Avenue Camille Blanc";
    row.numero = 51;
    row.x = 1056302.2;
    row.y = 6303654.31;
    row.lon = 7.4246277;
    row.lat = 43.7420459;
    row.source = "adressage";
    row.date_der_maj = "2026-11-20";
    const std::string file = bal14_header() + "\n" + format_bal14_row(row) + "\n";
    EXPECT_EQ(write_bal(read_bal(file), BalVersion::v1_4), file);
}

TEST(BalTableWriter, VersionsCarryNamesAndIds) {
    const BalTable t14 = read_bal(
        "id_ban_commune;id_ban_toponyme;id_ban_adresse;cle_interop;voie_nom;voie_nom_bre;numero\n"
        "c1;t1;a1;31591_xxxx_00009;Rue des 3 Places;Straed;9\n");
    const BalTable t15 = read_bal(write_bal(t14, BalVersion::v1_5));
    EXPECT_EQ(detect_bal_version(t15.header), BalVersion::v1_5);
    EXPECT_EQ(t15.rows[0][static_cast<std::size_t>(t15.column("toponyme"))], "Rue des 3 Places");
    EXPECT_GE(t15.column("toponyme_bre"), 0);
    EXPECT_LT(t15.column("cle_interop"), 0); // removed in 1.5
    const BalTable t13 = read_bal(write_bal(t14, BalVersion::v1_3));
    EXPECT_EQ(t13.rows[0][static_cast<std::size_t>(t13.column("uid_adresse"))],
              "@c:c1 @v:t1 @a:a1");
    const BalTable back = read_bal(write_bal(t13, BalVersion::v1_4));
    EXPECT_EQ(back.rows[0][static_cast<std::size_t>(back.column("id_ban_toponyme"))], "t1");
    EXPECT_EQ(back.rows[0][static_cast<std::size_t>(back.column("voie_nom"))], "Rue des 3 Places");
}

TEST(BalTableWriter, ValuesWithSeparatorsAreQuotedNotLost) {
    const BalTable t = read_bal("voie_nom,numero\n\"Rue A; B\",1\n");
    const std::string out = write_bal(t, BalVersion::v1_4);
    const BalTable back = read_bal(out);
    EXPECT_EQ(back.rows[0][static_cast<std::size_t>(back.column("voie_nom"))], "Rue A; B");
}
