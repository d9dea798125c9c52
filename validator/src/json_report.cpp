#include "adressage/validator/json_report.hpp"

#include <charconv>
#include <ostream>

#include <nlohmann/json.hpp>

namespace adressage::validator {

namespace {

// JSON text written through a buffer that goes to the stream every 64 KiB: the pieces are many
// and small (a code, a line number), and the document is never whole in memory.
class JsonWriter {
  public:
    explicit JsonWriter(std::ostream &out) : out_(out) { buffer_.reserve(flush_at + 1024); }
    JsonWriter(const JsonWriter &) = delete;
    JsonWriter &operator=(const JsonWriter &) = delete;

    // Text that is JSON already: punctuation, keys.
    JsonWriter &raw(std::string_view text) {
        buffer_ += text;
        if (buffer_.size() >= flush_at) {
            flush();
        }
        return *this;
    }
    JsonWriter &raw(char c) { return raw(std::string_view(&c, 1)); }
    JsonWriter &number(std::size_t n) {
        char digits[24];
        const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
        return raw(std::string_view(digits, static_cast<std::size_t>(end - digits)));
    }
    JsonWriter &boolean(bool b) { return raw(b ? "true" : "false"); }
    // A string value: the codes are plain ASCII identifiers, written as they are; anything
    // else is escaped by nlohmann::json itself, so that the bytes (and the error on invalid
    // UTF-8) are those of nlohmann::json::dump.
    JsonWriter &string(std::string_view text) {
        if (is_plain(text)) {
            return raw('"').raw(text).raw('"');
        }
        return raw(nlohmann::json(std::string(text)).dump());
    }
    void flush() {
        out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
        buffer_.clear();
    }

  private:
    static constexpr std::size_t flush_at = 64 * 1024;

    static bool is_plain(std::string_view text) {
        for (const char c : text) {
            const auto byte = static_cast<unsigned char>(c);
            if (byte < 0x20 || byte >= 0x80 || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    std::ostream &out_;
    std::string buffer_;
};

// [{"code":…,"level":"E"},…]
void write_alerts(JsonWriter &json, const std::vector<Alert> &alerts) {
    json.raw('[');
    for (std::size_t i = 0; i < alerts.size(); ++i) {
        json.raw(i == 0 ? "{\"code\":" : ",{\"code\":").string(alerts[i].code);
        json.raw(",\"level\":\"").raw(static_cast<char>(alerts[i].level)).raw("\"}");
    }
    json.raw(']');
}

// [{"line":…,"errors":[…]},…]
void write_rows(JsonWriter &json, const std::vector<RowAlerts> &rows) {
    json.raw('[');
    for (std::size_t i = 0; i < rows.size(); ++i) {
        json.raw(i == 0 ? "{\"line\":" : ",{\"line\":").number(rows[i].line);
        json.raw(",\"errors\":");
        write_alerts(json, rows[i].errors);
        json.raw('}');
    }
    json.raw(']');
}

void write_traces(JsonWriter &json, const TraceCounts &t) {
    json.raw("{\"insee\":").string(t.insee);
    json.raw(",\"rowsChecked\":").number(t.rows_checked);
    json.raw(",\"toponymes\":").number(t.toponymes);
    json.raw(",\"rowsWithoutPosition\":").number(t.rows_without_position);
    json.raw(",\"rowsVoieNotInRoads\":").number(t.rows_voie_not_in_roads);
    json.raw(",\"voiesReversed\":").number(t.voies_reversed).raw('}');
}

// The project's own checks, apart: the official keys are unchanged by them.
void write_adressage(JsonWriter &json, const Report &report,
                     const std::optional<TraceCounts> &traces) {
    json.raw(",\"adressage\":{\"alertCounts\":{\"W\":").number(report.adressage_counts.warnings);
    json.raw(",\"I\":").number(report.adressage_counts.infos).raw("},\"rows\":");
    write_rows(json, report.adressage_rows);
    if (traces) {
        json.raw(",\"traces\":");
        write_traces(json, *traces);
    }
    json.raw('}');
}

} // namespace

void write_json_report(std::ostream &out, const Report &report, const JsonReportParts &parts) {
    JsonWriter json(out);
    json.raw("{\"parseOk\":true,\"profile\":").string(report.profile);
    json.raw(",\"blocked\":").boolean(report.blocked);
    json.raw(",\"rowCount\":").number(report.row_count);
    json.raw(",\"alertCounts\":{\"E\":").number(report.alert_counts.errors);
    json.raw(",\"W\":").number(report.alert_counts.warnings);
    json.raw(",\"I\":").number(report.alert_counts.infos).raw('}');
    json.raw(",\"profilErrors\":");
    write_alerts(json, report.profil_errors);
    json.raw(",\"rows\":");
    write_rows(json, report.rows);
    if (parts.adressage) {
        write_adressage(json, report, parts.traces);
    }
    json.raw("}\n").flush();
}

void write_json_parse_errors(std::ostream &out, const std::vector<formats::BalParseError> &errors) {
    JsonWriter json(out);
    json.raw("{\"parseOk\":false,\"parseErrors\":[");
    for (std::size_t i = 0; i < errors.size(); ++i) {
        json.raw(i == 0 ? "{\"code\":" : ",{\"code\":").string(errors[i].code);
        json.raw(",\"row\":").number(errors[i].row);
        json.raw(",\"line\":").number(errors[i].line).raw('}');
    }
    json.raw("]}\n").flush();
}

void write_json_unreadable(std::ostream &out, std::string_view message) {
    JsonWriter json(out);
    json.raw("{\"parseOk\":false,\"parseErrors\":[{\"code\":\"UnreadableFile\",\"message\":");
    json.string(message).raw("}]}\n").flush();
}

} // namespace adressage::validator
