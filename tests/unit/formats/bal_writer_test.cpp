#include "adressage/formats/bal_writer.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "adressage/formats/bal_table_writer.hpp"

using namespace adressage::formats;
namespace fs = std::filesystem;

namespace {

BalRow sample_row() {
    BalRow r;
    r.cle_interop = "06012_x001_00051";
    r.commune_insee = "06012";
    r.commune_nom = "Beausoleil";
    r.voie_nom = "Avenue Camille Blanc";
    r.numero = 51;
    r.position = PositionType::batiment;
    r.x = 1056302.2;
    r.y = 6303654.314;
    r.lon = 7.42462771;
    r.lat = 43.74204589;
    r.source = "adressage";
    r.date_der_maj = "2026-11-20";
    return r;
}

std::string read_all(const fs::path &p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

TEST(BalWriter, HeaderIsTheSpecOrderOfBal14) {
    // Column order of the AITF "Format Base Adresse Locale" 1.4 specification.
    EXPECT_EQ(bal14_header(),
              "id_ban_commune;id_ban_toponyme;id_ban_adresse;cle_interop;commune_insee;"
              "commune_nom;commune_deleguee_insee;commune_deleguee_nom;voie_nom;"
              "lieudit_complement_nom;numero;suffixe;position;x;y;long;lat;cad_parcelles;"
              "source;date_der_maj;certification_commune");
}

TEST(BalWriter, RowFormatting) {
    EXPECT_EQ(format_bal14_row(sample_row()),
              ";;;06012_x001_00051;06012;Beausoleil;;;Avenue Camille Blanc;;51;;b\xC3\xA2timent;"
              "1056302.20;6303654.31;7.4246277;43.7420459;;adressage;2026-11-20;0");
}

TEST(BalWriter, SanitizesFreeText) {
    BalRow r = sample_row();
    r.voie_nom = "Rue ; des \"Fleurs\"";
    r.certification_commune = true;
    const std::string line = format_bal14_row(r);
    EXPECT_NE(line.find(";Rue des Fleurs;"), std::string::npos);
    EXPECT_EQ(line.back(), '1');
    EXPECT_EQ(std::count(line.begin(), line.end(), ';'), 20);
}

// The write stage appends each line in place; the update path builds a table of bal14_cells and
// writes it with write_bal. Both must give the same bytes, whatever the values hold.
TEST(BalWriter, AppendedLinesAreTheTableWritten) {
    std::mt19937 random(20261123);
    const std::vector<std::string> texts = {"",
                                            " ",
                                            "Rue ; des \"Fleurs\"",
                                            "  Place\tde la Gare  ",
                                            "a\r\nb",
                                            ";;",
                                            "\"quoted\"",
                                            "Allée des Érables",
                                            "Chemin de l\u2019Église",
                                            "x ; ",
                                            "06012",
                                            "0340_x001",
                                            " trailing ",
                                            "\n",
                                            "bis"};
    const std::vector<double> numbers = {0.0,        -0.0,         -0.001,     -0.004999,
                                         1056302.2,  6303654.315,  7.42462771, -1.5e-8,
                                         43.7420459, 123456789.125};
    auto text = [&] { return texts[random() % texts.size()]; };
    auto number = [&] { return numbers[random() % numbers.size()]; };

    BalTable table;
    table.header.assign(bal14_columns.begin(), bal14_columns.end());
    std::string appended = bal14_header() + "\n";
    for (int i = 0; i < 500; ++i) {
        BalRow r;
        r.cle_interop = text();
        r.commune_insee = text();
        r.commune_nom = text();
        r.commune_deleguee_insee = text();
        r.commune_deleguee_nom = text();
        r.voie_nom = text();
        r.lieudit_complement_nom = text();
        r.numero = static_cast<int>(random() % 100000) - (i % 7 == 0 ? 5 : 0);
        r.suffixe = text();
        r.position = static_cast<PositionType>(random() % 8);
        r.x = number();
        r.y = number();
        r.lon = number();
        r.lat = number();
        r.cad_parcelles = text();
        r.source = text();
        r.date_der_maj = "2026-11-23";
        r.certification_commune = i % 3 == 0;

        std::string line;
        for (const std::string &cell : bal14_cells(r)) {
            line.append(cell).push_back(';');
        }
        line.back() = '\n';
        const std::size_t before = appended.size();
        append_bal14_line(appended, r);
        ASSERT_EQ(appended.substr(before), line) << "row " << i;
        ASSERT_EQ(format_bal14_row(r) + "\n", line);
        table.rows.push_back(bal14_cells(r));
    }
    EXPECT_EQ(write_bal(table, BalVersion::v1_4), appended);
}

TEST(BalWriter, FileAppearsOnlyOnFinish) {
    const fs::path dir = fs::temp_directory_path() / "adressage_bal_writer_test";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path path = dir / "bal.csv";
    {
        BalWriter writer(path.string());
        writer.write(sample_row());
        EXPECT_FALSE(fs::exists(path));
        writer.finish();
    }
    const std::string content = read_all(path);
    EXPECT_EQ(content, bal14_header() + "\n" + format_bal14_row(sample_row()) + "\n");
    {
        BalWriter abandoned((dir / "other.csv").string());
        abandoned.write(sample_row());
    }
    // An unfinished writer leaves nothing: only the finished file remains.
    EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator{}), 1);
    fs::remove_all(dir);
}
