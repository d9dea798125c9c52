// The validator's JSON report (json_report.hpp), read back by nlohmann::json's parser: the keys,
// their order and values on a hand-made report, the parts left out, strings with quotes, control
// characters and non-ASCII letters, and a report long enough to go through the buffer many times.
#include "adressage/validator/json_report.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>
#include <vector>

using namespace adressage;
using namespace adressage::validator;
using nlohmann::json;
using nlohmann::ordered_json;

namespace {

// Two rows of official alerts, one of the project's, on a blocked BAL 1.4 of three rows.
Report small_report() {
    Report r;
    r.profile = "1.4";
    r.blocked = true;
    r.row_count = 3;
    r.alert_counts = {.errors = 1, .warnings = 2, .infos = 0};
    r.profil_errors = {{"numero.type_invalide", Level::error},
                       {"voie_nom.casse_incorrecte", Level::warning}};
    r.rows = {
        {.line = 0,
         .file_line = 2,
         .errors = {{"numero.type_invalide", Level::error},
                    {"voie_nom.casse_incorrecte", Level::warning}}},
        {.line = 2, .file_line = 4, .errors = {{"voie_nom.casse_incorrecte", Level::warning}}}};
    r.adressage_counts = {.errors = 0, .warnings = 1, .infos = 1};
    r.adressage_rows = {{.line = 1,
                         .file_line = 3,
                         .errors = {{"adressage.numero_duplique", Level::warning},
                                    {"adressage.voie_nom.word_lowercase", Level::info}}}};
    return r;
}

std::string write(const Report &report, const JsonReportParts &parts) {
    std::ostringstream out;
    write_json_report(out, report, parts);
    return out.str();
}

} // namespace

TEST(JsonReport, OfficialKeysInTheValidatorsOrderThenTheProjectsOwn) {
    const ordered_json d = ordered_json::parse(write(small_report(), {}));
    std::vector<std::string> keys;
    for (const auto &[key, value] : d.items()) {
        keys.push_back(key);
    }
    EXPECT_EQ(keys, (std::vector<std::string>{"parseOk", "profile", "blocked", "rowCount",
                                              "alertCounts", "profilErrors", "rows", "adressage"}));
    EXPECT_EQ(d["parseOk"], true);
    EXPECT_EQ(d["profile"], "1.4");
    EXPECT_EQ(d["blocked"], true);
    EXPECT_EQ(d["rowCount"], 3);
    EXPECT_EQ(d["alertCounts"], (ordered_json{{"E", 1}, {"W", 2}, {"I", 0}}));
    EXPECT_EQ(d["profilErrors"],
              (json::array({{{"code", "numero.type_invalide"}, {"level", "E"}},
                            {{"code", "voie_nom.casse_incorrecte"}, {"level", "W"}}})));
    ASSERT_EQ(d["rows"].size(), 2u);
    EXPECT_EQ(d["rows"][0]["line"], 0);
    EXPECT_EQ(d["rows"][0]["errors"].size(), 2u);
    EXPECT_EQ(d["rows"][1]["line"], 2);
    EXPECT_EQ(d["rows"][1]["errors"][0]["code"], "voie_nom.casse_incorrecte");
    EXPECT_EQ(d["rows"][1]["errors"][0]["level"], "W");
    const ordered_json &extra = d["adressage"];
    EXPECT_EQ(extra["alertCounts"], (ordered_json{{"W", 1}, {"I", 1}}));
    ASSERT_EQ(extra["rows"].size(), 1u);
    EXPECT_EQ(extra["rows"][0]["line"], 1);
    EXPECT_EQ(extra["rows"][0]["errors"][1]["code"], "adressage.voie_nom.word_lowercase");
    EXPECT_EQ(extra["rows"][0]["errors"][1]["level"], "I");
    EXPECT_FALSE(extra.contains("traces"));
}

TEST(JsonReport, OneCompactLineAsTheValidatorCommandHasAlwaysPrintedIt) {
    Report r;
    r.profile = "1.3";
    r.row_count = 1;
    r.alert_counts.infos = 1;
    r.profil_errors = {{"row.x", Level::info}};
    r.rows = {{.line = 0, .file_line = 2, .errors = {{"row.x", Level::info}}}};
    EXPECT_EQ(write(r, {.adressage = false, .traces = std::nullopt}),
              "{\"parseOk\":true,\"profile\":\"1.3\",\"blocked\":false,\"rowCount\":1,"
              "\"alertCounts\":{\"E\":0,\"W\":0,\"I\":1},\"profilErrors\":[{\"code\":\"row.x\","
              "\"level\":\"I\"}],\"rows\":[{\"line\":0,\"errors\":[{\"code\":\"row.x\","
              "\"level\":\"I\"}]}]}\n");
    EXPECT_EQ(
        write(r, {}).substr(write(r, {.adressage = false, .traces = std::nullopt}).size() - 2),
        ",\"adressage\":{\"alertCounts\":{\"W\":0,\"I\":0},\"rows\":[]}}\n");
}

TEST(JsonReport, OfficialOnlyLeavesTheProjectsChecksAndTracesOut) {
    const json d = json::parse(
        write(small_report(), {.adressage = false, .traces = TraceCounts{.insee = "06150"}}));
    EXPECT_FALSE(d.contains("adressage"));
    EXPECT_EQ(d["rows"].size(), 2u);
}

TEST(JsonReport, TracesCountsUnderAdressage) {
    const TraceCounts traces{.insee = "06150",
                             .rows_checked = 1890,
                             .toponymes = 11,
                             .rows_without_position = 0,
                             .rows_voie_not_in_roads = 1,
                             .voies_reversed = 4};
    const ordered_json d = ordered_json::parse(write(small_report(), {.traces = traces}));
    EXPECT_EQ(d["adressage"]["traces"].dump(),
              "{\"insee\":\"06150\",\"rowsChecked\":1890,\"toponymes\":11,"
              "\"rowsWithoutPosition\":0,\"rowsVoieNotInRoads\":1,\"voiesReversed\":4}");
}

// The strings of a report are codes, the profile, the commune's code and a file's path: escaped
// wherever they come from, as nlohmann::json::dump escapes them.
TEST(JsonReport, QuotesControlCharactersAndNonAsciiAreEscapedAndReadBack) {
    static const std::string odd = "voie_nom \"Église\"\tSaint-Jean’s\\\n\x01\x1f/\x7f";
    Report r = small_report();
    r.profile = "1.4 “test”";
    r.rows[1].errors[0].code = odd;
    const std::string text = write(r, {.traces = TraceCounts{.insee = "0\"6\n"}});
    EXPECT_EQ(text.find('\n'), text.size() - 1) << "one line";
    const json d = json::parse(text);
    EXPECT_EQ(d["profile"], "1.4 “test”");
    EXPECT_EQ(d["rows"][1]["errors"][0]["code"], odd);
    EXPECT_EQ(d["adressage"]["traces"]["insee"], "0\"6\n");
    // UTF-8 as it is, the control characters in their short or \u00XX forms.
    EXPECT_NE(text.find("\"voie_nom \\\"Église\\\"\\tSaint-Jean’s\\\\\\n\\u0001\\u001f/\x7f\""),
              std::string::npos)
        << text;
}

TEST(JsonReport, UnreadableFileMessage) {
    std::ostringstream out;
    write_json_unreadable(out, "/tmp/\"bal\"\tété.csv: cannot be read");
    EXPECT_EQ(out.str(), "{\"parseOk\":false,\"parseErrors\":[{\"code\":\"UnreadableFile\","
                         "\"message\":\"/tmp/\\\"bal\\\"\\tété.csv: cannot be read\"}]}\n");
    const json d = json::parse(out.str());
    EXPECT_EQ(d["parseErrors"][0]["message"], "/tmp/\"bal\"\tété.csv: cannot be read");
}

TEST(JsonReport, InvalidUtf8FailsAsNlohmannDoesWithNothingWritten) {
    std::ostringstream out;
    EXPECT_THROW(write_json_unreadable(out, "/tmp/\xff.csv"), json::type_error);
    EXPECT_EQ(out.str(), "");
}

TEST(JsonReport, ParseErrors) {
    std::ostringstream out;
    write_json_parse_errors(out, {{"TooManyFields", 0, 2}, {"MissingQuotes", 1, 3}});
    EXPECT_EQ(out.str(), "{\"parseOk\":false,\"parseErrors\":[{\"code\":\"TooManyFields\","
                         "\"row\":0,\"line\":2},{\"code\":\"MissingQuotes\",\"row\":1,"
                         "\"line\":3}]}\n");
    EXPECT_EQ(json::parse(out.str())["parseErrors"][1]["line"], 3);
}

// 100,000 rows of two alerts: about 7 MB, written through the 64 KiB buffer a hundred times.
TEST(JsonReport, ALongReportIsWholeAndInOrder) {
    Report r;
    r.profile = "1.4";
    r.row_count = 100000;
    for (std::size_t line = 0; line < r.row_count; ++line) {
        r.rows.push_back({.line = line,
                          .file_line = line + 2,
                          .errors = {{"numero.type_invalide", Level::error},
                                     {"voie_nom.casse_incorrecte", Level::warning}}});
    }
    const json d = json::parse(write(r, {}));
    ASSERT_EQ(d["rows"].size(), r.row_count);
    for (std::size_t line = 0; line < r.row_count; line += 9973) {
        EXPECT_EQ(d["rows"][line]["line"], line);
        EXPECT_EQ(d["rows"][line]["errors"][1]["level"], "W");
    }
    EXPECT_EQ(d["rows"].back()["line"], r.row_count - 1);
}
