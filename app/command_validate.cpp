// `adressage validate`: the official validator's verdict on a BAL file (validator.hpp), with the
// project's own adressage.* checks and, given the roads, the checks against their traces
// (trace_checks.hpp). Exit 0 accepted, 1 blocked (an error of level E), 2 unreadable file or bad
// usage.
#include <fstream>
#include <future>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "adressage/error.hpp"
#include "adressage/formats/bal_reader.hpp"
#include "adressage/formats/commune_list.hpp"
#include "adressage/validator/adressage_checks.hpp"
#include "adressage/validator/json_report.hpp"
#include "adressage/validator/labels.hpp"
#include "adressage/validator/validator.hpp"
#include "command.hpp"
#include "run_module.hpp"

namespace adressage::app {

namespace {

struct ValidateArgs {
    std::string file;
    std::string profile = "auto";
    std::string format = "text";
    std::string ban_ids; // JSON {"<insee>": "<uuid>"}
    bool official_only = false;
    // --roads (and --boundary, --preset): the geometric checks against the traces.
    pipeline::RunOptions traces;
};

void add_validate_options(CLI::App &validate, ValidateArgs &args) {
    validate.add_option("FILE", args.file, "BAL CSV file")->required();
    validate
        .add_option("--profile", args.profile,
                    "auto (from the header, as the BAN does), 1.3, 1.3-relax, 1.4 or 1.5")
        ->capture_default_str();
    validate.add_option("--format", args.format, "text or json")->capture_default_str();
    validate.add_option("--ban-commune-ids", args.ban_ids,
                        "JSON file {\"<insee>\": \"<id_ban_commune>\"} of the BAN's commune "
                        "ids, to check id_ban_commune (default: not checked)");
    validate.add_option("--roads", args.traces.roads,
                        "road centrelines (GDAL vector source(s)): also check each address "
                        "against its voie's trace (side and parity, order along the voie, "
                        "nearer another voie, outside --boundary)");
    validate.add_option("--boundary", args.traces.boundary,
                        "with --roads: the commune boundary (GDAL vector source(s))");
    validate
        .add_option("--preset", args.traces.preset,
                    "with --roads: field mapping of the roads, osm, cadastre or bdtopo")
        ->capture_default_str();
    validate.add_flag("--official-only", args.official_only,
                      "only the official validator's rules, not the project's adressage.* "
                      "checks (which never change the verdict)");
}

void check_format_and_profile(const ValidateArgs &args) {
    if (args.profile != "auto" && !validator::is_known_profile(args.profile)) {
        throw ConfigError("--profile: unknown profile '" + args.profile +
                          "'; use auto, 1.3, 1.3-relax, 1.4 or 1.5");
    }
    if (args.format != "text" && args.format != "json") {
        throw ConfigError("--format: unknown format '" + args.format + "'; use text or json");
    }
}

// Adds the geometric checks against the roads (trace_checks.hpp) to the adressage rows and
// counts of `report`, in line order; the labels of their codes go to `labels`.
void add_trace_alerts(validator::Report &report, const pipeline::TraceCheckResult &traces,
                      std::map<std::string_view, validator::ExtraLabel> &labels) {
    std::map<std::size_t, validator::RowAlerts> by_row;
    for (validator::RowAlerts &row : report.adressage_rows) {
        by_row.emplace(row.line, std::move(row));
    }
    for (const pipeline::TraceAlert &a : traces.alerts) {
        validator::RowAlerts &row = by_row[a.row];
        row.line = a.row;
        row.file_line = a.file_line;
        const auto level = a.level == 'I' ? validator::Level::info : validator::Level::warning;
        row.errors.push_back({a.code, level});
        ++(level == validator::Level::info ? report.adressage_counts.infos
                                           : report.adressage_counts.warnings);
        labels[a.code] = {a.label_fr, a.label_en};
    }
    report.adressage_rows.clear();
    for (auto &[line, row] : by_row) {
        report.adressage_rows.push_back(std::move(row));
    }
}

std::map<std::string, std::string> read_ban_ids(const std::string &path) {
    std::map<std::string, std::string> ids;
    if (path.empty()) {
        return ids;
    }
    std::ifstream in(path);
    if (!in) {
        throw InputError("--ban-commune-ids " + path, "cannot be read; check the path");
    }
    const nlohmann::json map = nlohmann::json::parse(in, nullptr, false);
    if (!map.is_object()) {
        throw InputError("--ban-commune-ids " + path,
                         "give a JSON object {\"<insee>\": \"<id_ban_commune>\"}");
    }
    for (const auto &[insee, id] : map.items()) {
        if (!id.is_string()) {
            throw InputError("--ban-commune-ids " + path,
                             "the id of " + insee + " is not a string");
        }
        ids[insee] = id.get<std::string>();
    }
    return ids;
}

char level_char(validator::Level level) { return static_cast<char>(level); }

void print_alert(const std::string &where, const validator::Alert &a) {
    const validator::Label l = validator::label(a.code);
    std::cout << where << ": " << level_char(a.level) << ' ' << a.code << " — " << l.fr << " / "
              << l.en << '\n';
}

// Opens the file; an unreadable one is also told on stdout in JSON.
formats::BalReader open_bal(const std::string &file, bool json) {
    try {
        return formats::BalReader::open(file);
    } catch (const InputError &e) {
        if (json) {
            validator::write_json_unreadable(std::cout, e.what());
        }
        throw;
    }
}

// A file whose rows cannot be cut: its parse errors, then an InputError.
[[noreturn]] void refuse_unparsable(const std::string &file, const validator::Report &report,
                                    bool json) {
    if (json) {
        validator::write_json_parse_errors(std::cout, report.parse_errors);
    } else {
        for (const formats::BalParseError &e : report.parse_errors) {
            std::cout << e.line << ": E " << e.code << '\n';
        }
    }
    const formats::BalParseError &first = report.parse_errors.front();
    throw InputError(file, "not a readable CSV (" + first.code + " at line " +
                               std::to_string(first.line) +
                               "); every row needs as many fields as the header and "
                               "closed quotes");
}

std::optional<validator::TraceCounts> trace_counts(const pipeline::TraceCheckResult *traces) {
    if (traces == nullptr) {
        return std::nullopt;
    }
    return validator::TraceCounts{.insee = traces->insee,
                                  .rows_checked = traces->rows_checked,
                                  .toponymes = traces->toponymes,
                                  .rows_without_position = traces->rows_without_position,
                                  .rows_voie_not_in_roads = traces->rows_voie_not_in_roads,
                                  .voies_reversed = traces->voies_reversed};
}

void print_text_alerts(const validator::Report &report,
                       const std::map<std::string_view, validator::ExtraLabel> &trace_labels) {
    // File-wide alerts first: missing columns concern the header, line 1.
    for (const validator::Alert &a : report.profil_errors) {
        if (a.code.starts_with("field.")) {
            print_alert("1", a);
        } else if (a.code.starts_with("file.") || a.code.starts_with("rows.")) {
            print_alert("file", a);
        }
    }
    for (const validator::RowAlerts &row : report.rows) {
        const std::string line = std::to_string(row.file_line);
        for (const validator::Alert &a : row.errors) {
            print_alert(line, a);
        }
    }
    for (const validator::RowAlerts &row : report.adressage_rows) {
        const std::string line = std::to_string(row.file_line);
        for (const validator::Alert &a : row.errors) {
            const auto trace = trace_labels.find(a.code);
            const validator::ExtraLabel l =
                trace != trace_labels.end() ? trace->second : validator::extra_label(a.code);
            std::cout << line << ": " << level_char(a.level) << ' ' << a.code << " — " << l.fr
                      << " / " << l.en << '\n';
        }
    }
}

void print_text_summary(const ValidateArgs &args, const validator::Report &report,
                        const pipeline::TraceCheckResult *traces) {
    std::size_t blocking = 0;
    for (const validator::Alert &a : report.profil_errors) {
        blocking += a.level == validator::Level::error ? 1 : 0;
    }
    std::cout << args.file << ": BAL " << report.profile << ", " << report.row_count
              << " rows, row alerts E " << report.alert_counts.errors << " W "
              << report.alert_counts.warnings << " I " << report.alert_counts.infos << ": "
              << (report.blocked ? "BLOCKED (" + std::to_string(blocking) +
                                       " blocking codes), the BAN would refuse it"
                                 : std::string("accepted"))
              << '\n';
    if (!args.official_only) {
        std::cout << args.file << ": adressage checks (not the BAN's verdict): W "
                  << report.adressage_counts.warnings << " I " << report.adressage_counts.infos
                  << '\n';
    }
    if (traces) {
        std::cout << args.file << ": against the roads of " << traces->insee << ": "
                  << traces->rows_checked << " rows checked, " << traces->toponymes
                  << " toponymes, " << traces->rows_voie_not_in_roads
                  << " rows whose voie is not in the roads, " << traces->rows_without_position
                  << " without a position, " << traces->voies_reversed
                  << " voies numbered from their other end\n";
    }
}

int execute_validate(const ValidateArgs &args) {
    check_format_and_profile(args);
    const bool json = args.format == "json";
    // The commune list loads on another thread while the file is opened and scanned.
    std::future<formats::CommuneList> cog = std::async(std::launch::async, [] {
        return formats::CommuneList::load(pipeline::default_data_dir() + "/cog-2026/communes.csv");
    });
    formats::BalReader reader = open_bal(args.file, json);
    const formats::CommuneList communes = cog.get();
    // The rows stream from the reader: the file is never held as a table.
    validator::Report report =
        validator::validate(reader, {.profile = args.profile,
                                     .communes = communes,
                                     .today = {},
                                     .ban_commune_ids = read_ban_ids(args.ban_ids),
                                     .adressage_checks = !args.official_only});
    if (!report.parse_ok) {
        refuse_unparsable(args.file, report, json);
    }
    std::optional<pipeline::TraceCheckResult> traces;
    std::map<std::string_view, validator::ExtraLabel> trace_labels;
    if (!args.traces.roads.empty() && !args.official_only) {
        traces = check_traces_in_module(args.file, args.traces);
        add_trace_alerts(report, *traces, trace_labels);
    }
    const pipeline::TraceCheckResult *checked = traces ? &*traces : nullptr;
    if (json) {
        validator::write_json_report(
            std::cout, report, {.adressage = !args.official_only, .traces = trace_counts(checked)});
    } else {
        print_text_alerts(report, trace_labels);
        print_text_summary(args, report, checked);
    }
    return report.blocked ? exit_failure : exit_ok;
}

} // namespace

Command declare_validate(CLI::App &adressage) {
    auto args = std::make_shared<ValidateArgs>();
    CLI::App *cli = adressage.add_subcommand(
        "validate", "check a BAL file as the official validator (@ban-team/validateur-bal "
                    "3.5.2) does; exit 1 when the BAN would refuse it");
    add_validate_options(*cli, *args);
    return {.cli = cli, .help = "validate", .before_parse = {}, .execute = [args] {
                return execute_validate(*args);
            }};
}

} // namespace adressage::app
