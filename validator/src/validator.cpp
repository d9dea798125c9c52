#include "adressage/validator/validator.hpp"

#include <ctime>
#include <functional>
#include <optional>
#include <span>

#include "adressage/validator/adressage_checks.hpp"
#include "chunk_pipeline.hpp"
#include "chunk_projection.hpp"
#include "codes.hpp"
#include "cross_rows.hpp"
#include "field_parser.hpp"
#include "fields.hpp"
#include "file_rules.hpp"
#include "header_match.hpp"
#include "legal_projection.hpp"
#include "report_alerts.hpp"
#include "row_codes.hpp"
#include "row_rules.hpp"
#include "row_state.hpp"

namespace adressage::validator {

namespace {

using namespace detail;

constexpr std::size_t chunk_size = 1024; // rows parsed, then projected together

std::string local_today() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    localtime_r(&now, &tm);
    char buffer[16];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &tm);
    return buffer;
}

// Where the rows come from: a streaming reader or a table in memory. The cells must stay
// valid until the run ends (the cross-row rules keep views of some of them).
struct RowSource {
    const std::vector<std::string> &header;
    const std::string &encoding;
    char delimiter;
    const std::string &linebreak;
    std::function<bool(formats::BalReadRow &)> next;
    std::function<const std::vector<formats::BalParseError> &()> errors;
};

// One validation: the header, then the rows through the field, row and cross-row rules, then
// the file's codes and the report for the profile.
class Run {
  public:
    Run(RowSource source, const Options &options)
        : source_(std::move(source)), options_(options), codes_(CodeTable::get()),
          cog_(options.communes), today_(options.today.empty() ? local_today() : options.today),
          cross_(options.ban_commune_ids), states_(chunk_size), chunk_errors_(chunk_size) {}

    Report run();

  private:
    void read_rows(FieldParser &fields, AdressageChecks *checks);
    void check_chunk(const RowChunk &chunk, FieldParser &fields);

    RowSource source_;
    const Options &options_;
    const CodeTable &codes_;
    CogIndex cog_;
    std::string today_;
    RowCodes rows_;
    CrossRows cross_;
    std::vector<CodeId> global_errors_; // the file's codes, in the validator's order
    // The rows of the chunk being checked.
    std::vector<RowState> states_;
    std::vector<std::vector<CodeId>> chunk_errors_;
};

Report unreadable(const std::vector<formats::BalParseError> &parse_errors) {
    Report report;
    report.parse_ok = false;
    report.parse_errors = parse_errors;
    return report;
}

Report Run::run() {
    const HeaderMatch header = match_header(source_.header);
    const Profile profile = choose_profile(options_.profile, header);
    add_missing_columns(header, codes_, global_errors_);
    FieldParser fields(header.columns, codes_, cog_, today_);
    std::optional<AdressageChecks> checks;
    if (options_.adressage_checks) {
        checks.emplace(source_.header);
    }
    read_rows(fields, checks ? &*checks : nullptr);
    // The reading thread has ended: the source and the checks are ours again.
    if (const auto &parse_errors = source_.errors(); !parse_errors.empty()) {
        return unreadable(parse_errors);
    }
    cross_.compare(codes_, global_errors_);
    add_text_format(source_.encoding, source_.delimiter, source_.linebreak, codes_, global_errors_);

    Report report;
    report.profile = std::string(profile_name(profile));
    report.row_count = cross_.row_count();
    add_official_alerts(profile, codes_, global_errors_, rows_, cross_, report);
    if (checks) {
        add_adressage_alerts(checks->finish(), rows_, report);
    }
    return report;
}

// Rows go through in chunks: read ahead on a second thread (where the adressage checks and the
// projection of long/lat also run), then checked here.
void Run::read_rows(FieldParser &fields, AdressageChecks *checks) {
    const std::size_t width = source_.header.size();
    ChunkProjection projection(fields.columns(), width, LegalProjector::of_this_thread());
    auto on_chunk = [&](RowChunk &chunk) {
        if (checks != nullptr) {
            const std::span<const std::string_view> cells(chunk.cells);
            for (std::size_t i = 0; i < chunk.count; ++i) {
                checks->add_row(chunk.first + i, cells.subspan(i * width, width));
            }
        }
        projection.project(chunk);
    };
    ChunkPipeline rows(source_.next, width, chunk_size, on_chunk, options_.read_ahead);
    while (const RowChunk *chunk = rows.next()) {
        check_chunk(*chunk, fields);
    }
}

void Run::check_chunk(const RowChunk &chunk, FieldParser &fields) {
    const std::span<const std::string_view> cells(chunk.cells);
    const std::size_t width = source_.header.size();
    for (std::size_t i = 0; i < chunk.count; ++i) {
        RowState &s = states_[i];
        s = RowState();
        chunk_errors_[i].clear();
        fields.parse_row(cells.subspan(i * width, width), s, chunk_errors_[i]);
        if (!(s.coordinates_required() && (!s.long_raw || !s.lat_raw)) && s.lon && s.lat) {
            s.territory = find_territory(*s.lon, *s.lat);
        }
    }
    for (std::size_t i = 0; i < chunk.count; ++i) {
        // The same long/lat, territory and projection as the reading thread computed.
        RowState &s = states_[i];
        if (s.territory >= 0 && s.x && s.y && chunk.has_projection[i]) {
            s.projected = chunk.projected[i];
        }
        row_rules(s, cog_, codes_, chunk_errors_[i]);
        rows_.add(chunk.lines[i], chunk_errors_[i]);
        cross_.collect(s);
    }
}

} // namespace

Report validate(const formats::BalTable &table, const Options &options) {
    if (!table.parse_ok()) {
        return unreadable(table.errors);
    }
    std::size_t next_row = 0;
    std::vector<std::string_view> cells;
    RowSource source{
        .header = table.header,
        .encoding = table.encoding,
        .delimiter = table.delimiter,
        .linebreak = table.linebreak,
        .next =
            [&](formats::BalReadRow &row) {
                if (next_row == table.rows.size()) {
                    return false;
                }
                cells.assign(table.rows[next_row].begin(), table.rows[next_row].end());
                row = {next_row, table.row_lines.empty() ? 0 : table.row_lines[next_row], cells};
                ++next_row;
                return true;
            },
        .errors = [&]() -> const std::vector<formats::BalParseError> & { return table.errors; }};
    return Run(std::move(source), options).run();
}

Report validate(formats::BalReader &reader, const Options &options) {
    RowSource source{
        .header = reader.header(),
        .encoding = reader.encoding(),
        .delimiter = reader.delimiter(),
        .linebreak = reader.linebreak(),
        .next = [&](formats::BalReadRow &row) { return reader.next(row); },
        .errors = [&]() -> const std::vector<formats::BalParseError> & { return reader.errors(); }};
    return Run(std::move(source), options).run();
}

bool is_known_profile(std::string_view profile) { return parse_profile(profile).has_value(); }

} // namespace adressage::validator
