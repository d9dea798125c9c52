// Report CSV cells (formats/csv_field.hpp): quoted when they hold the separator, a quote or a
// line break; a text a spreadsheet would run as a formula starts with an apostrophe (issue 25).
#include "adressage/formats/csv_field.hpp"

#include <gtest/gtest.h>

using adressage::formats::csv_field;
using adressage::formats::report_csv_field;

TEST(CsvField, QuotesOnlyWhatNeedsIt) {
    EXPECT_EQ(csv_field("Beausoleil"), "Beausoleil");
    EXPECT_EQ(csv_field("a;b"), "\"a;b\"");
    EXPECT_EQ(csv_field("dit \"x\""), "\"dit \"\"x\"\"\"");
    EXPECT_EQ(csv_field("=1+1"), "=1+1"); // the BAL's values stay exact
}

TEST(CsvField, AReportCellNeverStartsAFormula) {
    EXPECT_EQ(report_csv_field("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0");
    EXPECT_EQ(report_csv_field("+HYPERLINK(\"x\")"), "\"'+HYPERLINK(\"\"x\"\")\"");
    EXPECT_EQ(report_csv_field("-2+3"), "'-2+3");
    EXPECT_EQ(report_csv_field("@SUM(1;1)"), "\"'@SUM(1;1)\"");
    EXPECT_EQ(report_csv_field("\tx"), "'\tx");
    EXPECT_EQ(report_csv_field("--roads x.gpkg: cannot open"), "'--roads x.gpkg: cannot open");
    EXPECT_EQ(report_csv_field("Saint-Jean = 2"), "Saint-Jean = 2");
    EXPECT_EQ(report_csv_field(""), "");
}
