#include "adressage/formats/bal_reader.hpp"

#include <gtest/gtest.h>

#include "adressage/error.hpp"
#include "adressage/formats/bal_schema.hpp"

using namespace adressage;
using namespace adressage::formats;

namespace {
const std::string fixtures = std::string(ADRESSAGE_TEST_SOURCE) + "/fixtures/bal/";
}

TEST(BalReader, BomCrlfAndTrailingEmptyColumns) {
    // Perrecy-les-Forges: UTF-8 with BOM, CRLF, 3 unnamed trailing columns, 145 rows.
    const BalTable t = read_bal_file(fixtures + "bal-1.3-71346-perrecy-les-forges-extract.csv");
    EXPECT_TRUE(t.bom);
    EXPECT_EQ(t.encoding, "utf-8");
    EXPECT_EQ(t.linebreak, "\r\n");
    EXPECT_EQ(t.delimiter, ';');
    EXPECT_EQ(t.header.front(), "uid_adresse");
    EXPECT_EQ(t.header.size(), 22u);
    EXPECT_EQ(t.rows.size(), 145u);
    EXPECT_TRUE(t.parse_ok());
    EXPECT_EQ(detect_bal_version(t.header), BalVersion::v1_3);
    const int nom = t.column("commune_nom");
    ASSERT_GE(nom, 0);
    EXPECT_EQ(t.rows[0][static_cast<std::size_t>(nom)],
              "PERRECY-LES-FORGES"); // as the file writes it
}

TEST(BalReader, DetectsTheVersionLikeTheValidator) {
    EXPECT_EQ(detect_bal_version(
                  read_bal_file(fixtures + "bal-1.4-31591-escoulis-with-ban-ids.csv").header),
              BalVersion::v1_4);
    EXPECT_EQ(
        detect_bal_version({"id_ban_commune", "id_ban_toponyme", "id_ban_adresse", "toponyme"}),
        BalVersion::v1_5);
    EXPECT_EQ(detect_bal_version({"id_ban_commune", "id_ban_adresse", "voie_nom"}),
              BalVersion::v1_3);
}

TEST(BalReader, Windows1252IsDecoded) {
    const std::string latin = "cle_interop;voie_nom\n35088_0010_00001;All\xE9"
                              "e du Ch\xEA"
                              "ne\n";
    const BalTable t = read_bal(latin);
    EXPECT_EQ(t.encoding, "windows-1252");
    ASSERT_EQ(t.rows.size(), 1u);
    EXPECT_EQ(t.rows[0][1], "All\xC3\xA9"
                            "e du Ch\xC3\xAA"
                            "ne");
}

TEST(BalReader, DelimiterQuotesAndEmptyLines) {
    const BalTable t = read_bal("a,b,c\n1,\"x, y\",3\n\n4,\"say \"\"hi\"\"\",6\n");
    EXPECT_EQ(t.delimiter, ',');
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.rows[0][1], "x, y");
    EXPECT_EQ(t.rows[1][1], "say \"hi\"");
    EXPECT_EQ(t.row_lines[1], 4u); // the empty line 3 is skipped, line numbers are the file's
}

TEST(BalReader, StructuralProblemsAreReportedWithTheirLine) {
    // Same errors as papaparse with the validator's options (checked with node).
    const BalTable t = read_bal("a;b;c\n1;2\n1;2;3;4\n1;\"2;3\n");
    ASSERT_EQ(t.errors.size(), 4u);
    EXPECT_EQ(t.errors[0].code, "TooFewFields");
    EXPECT_EQ(t.errors[0].row, 0u);
    EXPECT_EQ(t.errors[0].line, 2u);
    EXPECT_EQ(t.errors[1].code, "TooManyFields");
    EXPECT_EQ(t.errors[2].code, "MissingQuotes");
    EXPECT_EQ(t.errors[2].line, 4u);
    EXPECT_EQ(t.errors[3].code, "TooFewFields"); // the unclosed field took the rest
}

TEST(BalReader, AQuoteInsideTextGoesOnAcrossLines) {
    // papaparse: '"' opens a quoted field only at its start; a quote followed by text is text,
    // and the field runs on to a quote followed by the delimiter.
    const BalTable t = read_bal("a;b\n\"x;1\n\"y\";2\n");
    ASSERT_EQ(t.rows.size(), 1u);
    EXPECT_EQ(t.rows[0][0], "x;1\n\"y");
    EXPECT_EQ(t.rows[0][1], "2");
}

TEST(BalReader, CrOnlyLineBreaks) {
    const BalTable t = read_bal("a;b\r1;2\r3;4\r");
    EXPECT_EQ(t.linebreak, "\r");
    EXPECT_EQ(t.rows.size(), 2u);
}

TEST(BalReader, LineEndingGuessedAsPapaparseDoesOutsideQuotes) {
    // A break inside quotes does not count; the first one outside decides, unless it is '\r':
    // then '\r\n' when most '\r' are followed by '\n'.
    EXPECT_EQ(read_bal("\"a\nb\";c\r1;2\r3;4\r").linebreak, "\r");
    EXPECT_EQ(read_bal("\"a\rb\";c\n1;2\n").linebreak, "\n");
    EXPECT_EQ(read_bal("\"a\nb\";c\r\n1;2\r\n3;4\r").linebreak, "\r\n");
    EXPECT_EQ(read_bal("a;b\r1;2\r3;4\r\n").linebreak, "\r");
    // An unclosed quote is text: the '\r' after it still comes first.
    EXPECT_EQ(read_bal("a;\"b\r1;2\n").linebreak, "\r");
    EXPECT_EQ(read_bal("a;b").linebreak, "\n");
}

TEST(BalReader, BinaryIsAnInputError) {
    EXPECT_THROW(read_bal(std::string("\x89PNG\r\n\x1a\n\0\0", 10)), InputError);
    EXPECT_THROW(read_bal_file("/nonexistent.csv"), InputError);
}

TEST(BalReader, AFinalDelimiterWithoutLineEndingIsAnEmptyLastField) {
    // papaparse ends the input with the text after the last delimiter, here "": the official
    // validator reports TooManyFields for "1;2;" under a two-column header.
    const BalTable t = read_bal("a;b\n1;2;");
    ASSERT_EQ(t.rows.size(), 1u);
    EXPECT_EQ(t.rows[0], (std::vector<std::string>{"1", "2", ""}));
    ASSERT_EQ(t.errors.size(), 1u);
    EXPECT_EQ(t.errors[0].code, "TooManyFields");
    EXPECT_EQ(t.errors[0].line, 2u);
}

TEST(BalReader, StreamsRowsWhoseCellsStayValidUntilTheEnd) {
    BalReader reader("a;b\n\n1;\"x\"\"y\"\n\"2\";z\n");
    EXPECT_EQ(reader.header(), (std::vector<std::string>{"a", "b"}));
    std::vector<std::string_view> kept;
    std::vector<std::size_t> lines;
    BalReadRow row;
    while (reader.next(row)) {
        kept.insert(kept.end(), row.cells.begin(), row.cells.end());
        lines.push_back(row.line);
    }
    // Empty lines are skipped but counted; doubled quotes are undone in the reader's storage.
    EXPECT_EQ(kept, (std::vector<std::string_view>{"1", "x\"y", "2", "z"}));
    EXPECT_EQ(lines, (std::vector<std::size_t>{3, 4}));
    EXPECT_TRUE(reader.errors().empty());
}

TEST(BalSchema, LocalisedColumns) {
    auto c = parse_localised_column("voie_nom_bre");
    ASSERT_TRUE(c);
    EXPECT_EQ(c->base, "voie_nom");
    EXPECT_EQ(c->language, "bre");
    EXPECT_TRUE(parse_localised_column("toponyme_oc-nicard"));
    EXPECT_FALSE(parse_localised_column("voie_nom_xyz"));           // not an accepted code
    EXPECT_FALSE(parse_localised_column("lieudit_complement_bre")); // the PDFs' spelling
    EXPECT_EQ(regional_language_codes().size(), 25u);
}
