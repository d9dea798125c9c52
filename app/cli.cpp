#include "cli.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <future>
#include <iostream>
#include <iterator>
#include <map>
#include <optional>
#include <sstream>

#include "adressage/error.hpp"
#include "adressage/formats/bal_diff.hpp"
#include "adressage/formats/bal_reader.hpp"
#include "adressage/formats/commune_list.hpp"
#include "adressage/formats/upload_file.hpp"
#include "adressage/names/normaliser.hpp"
#include "adressage/validator/adressage_checks.hpp"
#include "adressage/validator/labels.hpp"
#include "adressage/validator/validator.hpp"
#include "run_module.hpp"

namespace adressage::pipeline {

namespace {

constexpr int exit_ok = 0;
constexpr int exit_failure = 1;
constexpr int exit_usage = 2;

// The options that mean the same for one commune (`run`) and for each commune of a batch,
// declared once: field mapping, output, assignment, numbering, positions, the place radius and
// the update's orphans, BAL version and producer.
void add_pipeline_options(CLI::App &app, RunOptions &o, std::string &name_field,
                          std::string &kind_field) {
    app.add_option("--preset", o.preset, "field mapping of the inputs: osm, cadastre or bdtopo")
        ->capture_default_str();
    app.add_option("--road-name-field", name_field, "field holding the road name");
    app.add_option("--road-kind-field", kind_field,
                   "field holding the road kind ('' keeps every line)");
    app.add_option("--out", o.out_dir, "output directory; each BAL goes to OUT/<insee>/")
        ->capture_default_str();
    app.add_option("--max-distance", o.max_distance,
                   "metres: buildings further from every named voie are not numbered")
        ->capture_default_str();
    app.add_option("--homonym-distance", o.homonym_distance,
                   "metres: roads of the same name further apart are separate voies")
        ->capture_default_str();
    app.add_option("--source", o.source, "BAL `source`: the organisation making the addresses")
        ->capture_default_str();
    app.add_option("--date", o.date, "BAL `date_der_maj`, YYYY-MM-DD (default: today)");
    app.add_option("--numbering", o.numbering,
                   "metric (number = metres from the voie's origin) or classic (1, 3, 5... "
                   "left, 2, 4, 6... right); a voie may differ through --voie-options")
        ->capture_default_str();
    app.add_option("--classic-gap-metres", o.classic_gap_metres,
                   "classic: per this many metres of a side without buildings, leave a number "
                   "free for a future one (0: no gaps)")
        ->capture_default_str();
    app.add_option("--min-building-area", o.min_building_area,
                   "square metres: smaller buildings are annexes and get no number")
        ->capture_default_str();
    app.add_option("--ambiguity-ratio", o.ambiguity_ratio,
                   "a building whose second visible voie is less than this many times as far as "
                   "the nearest is reported as ambiguous")
        ->capture_default_str();
    app.add_option("--positions", o.positions,
                   "positions written for each address, comma-separated: entrée (the point of the "
                   "building's outline nearest its voie), bâtiment (inside the building), segment "
                   "(on the voie); one row each")
        ->capture_default_str();
    app.add_option("--place-radius", o.place_radius,
                   "metres: an address this near a place point of --places takes its name as "
                   "lieudit_complement_nom (lieu-dit areas: the addresses inside)")
        ->capture_default_str();
    app.add_flag("--drop-orphans", o.drop_orphans,
                 "with --existing: leave out the addresses whose building is gone (default: "
                 "kept and reported)");
    app.add_option("--bal-version", o.bal_version,
                   "BAL version written: 1.4 or 1.5 (1.5: ids mandatory, needs --ledger)")
        ->capture_default_str();
    app.add_option("--producteur", o.producteur,
                   "the producer's name in the upload file name (with --siren)");
}

void add_run_options(CLI::App &run, RunOptions &o, std::string &name_field,
                     std::string &kind_field) {
    run.add_option("--commune", o.insee, "INSEE code of the commune (e.g. 06012)");
    run.add_option("--roads", o.roads,
                   "road centrelines: GDAL vector source(s), path[:layer] or PG:...:layer; "
                   "several are read in order (e.g. one per cadastre sheet)");
    run.add_option("--buildings", o.buildings, "building footprints: GDAL vector source(s)");
    run.add_option("--boundary", o.boundary,
                   "commune boundary polygon(s): GDAL vector source(s) (optional)");
    add_pipeline_options(run, o, name_field, kind_field);
    run.add_option("--voie-options", o.voie_options,
                   "CSV of per-voie options: voie_nom;origine (nord, sud, est, ouest);"
                   "numerotation (metrique, classique)");
    run.add_option("--town-hall", o.town_hall,
                   "LON,LAT of the town hall (WGS84): voies are numbered from it outwards "
                   "(default: from the commune's centre)");
    run.add_option("--parcels", o.parcels,
                   "cadastre parcels: GDAL vector source(s), Etalab parcelles (GeoJSON) or EDIGEO "
                   "PARCELLE_id; a building goes to the voie its parcel fronts, and positions "
                   "get cad_parcelles (optional)");
    run.add_option("--communes-deleguees", o.communes_deleguees,
                   "areas of the commune's communes déléguées: GDAL vector source(s) with the "
                   "code of each (Admin Express COMMUNE_ASSOCIEE_OU_DELEGUEE, cadastre sections "
                   "by prefixe); a voie is split by the commune déléguée of its buildings "
                   "(optional)");
    // Updating a commune that already has a BAL (pipeline/.../update_stage.hpp).
    run.add_option("--existing", o.existing,
                   "the commune's current BAL (1.1 to 1.5): its addresses, numbers and ids are "
                   "kept; only buildings without an address get new numbers");
    run.add_option("--ledger", o.ledger,
                   "SQLite ledger of the BAN ids and addresses, kept between runs (created if "
                   "missing); new ids are minted once and then read from it");
    run.add_option("--id-ban-commune", o.id_ban_commune,
                   "the BAN's id of the commune (UUID), for files with BAN ids");
    run.add_option("--siren", o.siren,
                   "with --producteur: name the file for upload, AAAAMMJJ_bal_<siren>_"
                   "<producteur>.csv, with a .sha256 beside it");
    run.add_option("--topo", o.topo,
                   "DGFiP TOPO file (CSV): voies get their TOPO code by name (exact, then fuzzy "
                   "above 0.85, scoped by former commune); the others keep a temporary x... code "
                   "and are listed for review in report.json; existing BAL codes are kept");
    run.add_option("--places", o.places,
                   "named places: GDAL vector source(s), OSM place nodes (hamlet, locality, "
                   "isolated_dwelling) and squares (place=square, highway=pedestrian areas), or "
                   "cadastre lieux-dits; places become 99999 toponyme rows and the "
                   "lieudit_complement_nom of the addresses in or near them, squares become voies "
                   "(optional)");
}

// Library messages may span lines (libpq's do); the user gets exactly one line.
std::string one_line(const std::string &message) {
    std::string out;
    bool space = false;
    for (char c : message) {
        if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
            space = !out.empty();
            continue;
        }
        if (space) {
            out.push_back(' ');
            space = false;
        }
        out.push_back(c);
    }
    return out;
}

int run_command(RunOptions o, const std::string &name_field, bool name_set,
                const std::string &kind_field, bool kind_set) {
    const bool nothing_given =
        o.insee.empty() && o.roads.empty() && o.buildings.empty() && o.boundary.empty();
    if (nothing_given) {
        RunOptions d = default_commune_options(default_data_dir());
        o.insee = d.insee;
        o.roads = d.roads;
        o.buildings = d.buildings;
        o.boundary = d.boundary;
        o.preset = d.preset;
        std::cerr << "adressage: no input given, running the embedded default commune " << o.insee
                  << " (Beausoleil, OSM 2016)\n";
    } else if (o.insee.empty() || o.roads.empty() || o.buildings.empty()) {
        throw ConfigError("give --commune, --roads and --buildings together (or none of them "
                          "to run the embedded default commune)");
    }
    if (name_set) {
        o.road_name_field = name_field;
    }
    if (kind_set) {
        o.road_kind_field = kind_field;
    }
    const RunResult result = run_commune_in_module(o);
    const auto &s = result.report["summary"];
    if (result.report.contains("update") && result.report["update"].contains("diff")) {
        const auto &u = result.report["update"];
        const auto &d = u["diff"];
        std::cout << "update: " << u["existing_addresses"] << " existing addresses, "
                  << u["orphans"] << " orphans" << (o.drop_orphans ? " dropped" : " kept")
                  << "; created " << d["created"] << ", changed " << d["changed"] << ", deleted "
                  << d["deleted"] << "; pre-flight: " << u["preflight"]["level"].get<std::string>()
                  << "\n";
        if (u.contains("other_communes")) {
            std::cout << "update: " << u["other_communes"]["message"].get<std::string>() << "\n";
        }
    }
    std::cout << result.report["commune"]["insee"].get<std::string>() << " "
              << result.report["commune"]["nom"].get<std::string>() << ": " << s["buildings_read"]
              << " buildings read, " << s["buildings_numbered"] << " numbered on "
              << s["voies_numbered"] << " voies, " << s["buildings_skipped"] << " skipped\n"
              << "BAL " << o.bal_version << ": " << result.bal_path << " (" << s["rows_written"]
              << " rows)\n"
              << "report:  " << result.report_path << "\n";
    return exit_ok;
}

// `adressage names`: one raw name per line on stdin, "input<TAB>output<TAB>rules" on stdout.
int names_command(const std::string &words_file) {
    names::DictionaryPaths paths = names::DictionaryPaths::defaults(default_data_dir());
    if (!words_file.empty()) {
        paths.french_words = words_file;
    }
    const names::Dictionaries dictionaries = names::Dictionaries::load(paths);
    const names::NameNormaliser normaliser(dictionaries);
    std::string line;
    while (std::getline(std::cin, line)) {
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        const names::NormalisedName result = normaliser.normalise(line);
        std::cout << line << '\t' << result.text << '\t' << names::rules_to_string(result.rules)
                  << '\n';
    }
    return exit_ok;
}

struct ValidateArgs {
    std::string file;
    std::string profile = "auto";
    std::string format = "text";
    std::string ban_ids; // JSON {"<insee>": "<uuid>"}
    bool official_only = false;
    // --roads (and --boundary, --preset): the geometric checks against the traces.
    RunOptions traces;
};

// Adds the geometric checks against the roads (trace_checks.hpp) to the adressage rows and
// counts of `report`, in line order; the labels of their codes go to `labels`.
void add_trace_alerts(validator::Report &report, const TraceCheckResult &traces,
                      std::map<std::string_view, validator::ExtraLabel> &labels) {
    std::map<std::size_t, validator::RowAlerts> by_row;
    for (validator::RowAlerts &row : report.adressage_rows) {
        by_row.emplace(row.line, std::move(row));
    }
    for (const TraceAlert &a : traces.alerts) {
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

// [{"code":"…","level":"E"},…] written directly: a file can have a million alerts, and the codes
// are plain ASCII identifiers that need no escaping.
void append_alerts(std::string &out, const std::vector<validator::Alert> &alerts) {
    out += '[';
    for (std::size_t i = 0; i < alerts.size(); ++i) {
        out += i == 0 ? "{\"code\":\"" : ",{\"code\":\"";
        out += alerts[i].code;
        out += "\",\"level\":\"";
        out += level_char(alerts[i].level);
        out += "\"}";
    }
    out += ']';
}

// [{"line":…,"errors":[…]},…]
void append_rows(std::string &out, const std::vector<validator::RowAlerts> &rows) {
    out += '[';
    for (std::size_t i = 0; i < rows.size(); ++i) {
        out += i == 0 ? "{\"line\":" : ",{\"line\":";
        out += std::to_string(rows[i].line);
        out += ",\"errors\":";
        append_alerts(out, rows[i].errors);
        out += '}';
    }
    out += ']';
}

void print_alert(const std::string &where, const validator::Alert &a) {
    const validator::Label l = validator::label(a.code);
    std::cout << where << ": " << level_char(a.level) << ' ' << a.code << " — " << l.fr << " / "
              << l.en << '\n';
}

// `adressage validate`: the official validator's verdict on a BAL file. Exit 0 accepted,
// 1 blocked (an error of level E), 2 unreadable file or bad usage.
int validate_command(const ValidateArgs &args) {
    if (args.profile != "auto" && !validator::is_known_profile(args.profile)) {
        throw ConfigError("--profile: unknown profile '" + args.profile +
                          "'; use auto, 1.3, 1.3-relax, 1.4 or 1.5");
    }
    if (args.format != "text" && args.format != "json") {
        throw ConfigError("--format: unknown format '" + args.format + "'; use text or json");
    }
    const bool json = args.format == "json";
    // The commune list loads on another thread while the file is opened and scanned.
    std::future<formats::CommuneList> cog = std::async(std::launch::async, [] {
        return formats::CommuneList::load(default_data_dir() + "/cog-2026/communes.csv");
    });
    std::optional<formats::BalReader> reader;
    try {
        reader.emplace(formats::BalReader::open(args.file));
    } catch (const InputError &e) {
        if (json) {
            std::cout << nlohmann::ordered_json{{"parseOk", false},
                                                {"parseErrors",
                                                 {{{"code", "UnreadableFile"},
                                                   {"message", e.what()}}}}}
                             .dump()
                      << '\n';
        }
        throw;
    }
    const formats::CommuneList communes = cog.get();
    // The rows stream from the reader: the file is never held as a table.
    validator::Report report =
        validator::validate(*reader, {.profile = args.profile,
                                      .communes = communes,
                                      .today = {},
                                      .ban_commune_ids = read_ban_ids(args.ban_ids),
                                      .adressage_checks = !args.official_only});
    if (!report.parse_ok) {
        nlohmann::ordered_json errors = nlohmann::ordered_json::array();
        for (const formats::BalParseError &e : report.parse_errors) {
            errors.push_back({{"code", e.code}, {"row", e.row}, {"line", e.line}});
            if (!json) {
                std::cout << e.line << ": E " << e.code << '\n';
            }
        }
        if (json) {
            std::cout << nlohmann::ordered_json{{"parseOk", false}, {"parseErrors", errors}}.dump()
                      << '\n';
        }
        const formats::BalParseError &first = report.parse_errors.front();
        throw InputError(args.file, "not a readable CSV (" + first.code + " at line " +
                                        std::to_string(first.line) +
                                        "); every row needs as many fields as the header and "
                                        "closed quotes");
    }

    std::optional<TraceCheckResult> traces;
    std::map<std::string_view, validator::ExtraLabel> trace_labels;
    if (!args.traces.roads.empty() && !args.official_only) {
        traces = check_traces_in_module(args.file, args.traces);
        add_trace_alerts(report, *traces, trace_labels);
    }
    if (json) {
        const nlohmann::ordered_json head = {{"parseOk", true},
                                             {"profile", report.profile},
                                             {"blocked", report.blocked},
                                             {"rowCount", report.row_count},
                                             {"alertCounts",
                                              {{"E", report.alert_counts.errors},
                                               {"W", report.alert_counts.warnings},
                                               {"I", report.alert_counts.infos}}}};
        std::string out = head.dump();
        out.pop_back(); // the closing brace: the lists follow
        out += ",\"profilErrors\":";
        append_alerts(out, report.profil_errors);
        out += ",\"rows\":";
        append_rows(out, report.rows);
        if (!args.official_only) {
            // The project's own checks, apart: the official keys above are unchanged.
            out += ",\"adressage\":{\"alertCounts\":{\"W\":";
            out += std::to_string(report.adressage_counts.warnings);
            out += ",\"I\":";
            out += std::to_string(report.adressage_counts.infos);
            out += "},\"rows\":";
            append_rows(out, report.adressage_rows);
            if (traces) {
                out += ",\"traces\":";
                out +=
                    nlohmann::ordered_json{{"insee", traces->insee},
                                           {"rowsChecked", traces->rows_checked},
                                           {"toponymes", traces->toponymes},
                                           {"rowsWithoutPosition", traces->rows_without_position},
                                           {"rowsVoieNotInRoads", traces->rows_voie_not_in_roads},
                                           {"voiesReversed", traces->voies_reversed}}
                        .dump();
            }
            out += '}';
        }
        out += "}\n";
        std::cout << out;
    } else {
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
    return report.blocked ? exit_failure : exit_ok;
}

// `adressage batch`: many communes from batch-wide layers (batch.hpp). Exit 0 when every commune
// succeeded, 1 when any failed (the summary says which and why), 2 for bad options or inputs.
struct BatchArgs {
    BatchOptions options;
    std::string config;
    std::string name_field;
    std::string kind_field;
};

void add_batch_options(CLI::App &batch, BatchArgs &a) {
    BatchOptions &o = a.options;
    // CLI11 2.1 reads a config file for the top command only; main_cli feeds this one to the
    // subcommand before the command line, so flags override the file.
    batch.add_option("--config", a.config,
                     "TOML file of options: every flag is also a key (communes = [\"06012\"], "
                     "jobs = 2...)");
    batch.add_option("--communes", o.communes, "INSEE codes, comma-separated (e.g. 06012,06032)")
        ->delimiter(',');
    batch.add_option("--departement", o.departement,
                     "every commune of this département in --boundaries (e.g. 06)");
    batch.add_option("--communes-file", o.communes_file,
                     "file of INSEE codes, one per line ('#' starts a comment)");
    batch.add_option("--roads", o.run.roads,
                     "road centrelines of the whole batch: GDAL vector source(s), read once");
    batch.add_option("--buildings", o.run.buildings,
                     "building footprints of the whole batch: GDAL vector source(s), read once");
    batch.add_option("--parcels", o.run.parcels,
                     "cadastre parcels of the whole batch (optional): GDAL vector source(s), read "
                     "per commune in the box of its boundary (a GeoPackage's index makes it fast)");
    batch.add_option("--communes-deleguees", o.run.communes_deleguees,
                     "areas of the communes déléguées of the batch's communes (optional): GDAL "
                     "vector source(s) with their codes, read per commune that has some");
    batch.add_option("--places", o.run.places,
                     "named places of the whole batch (optional): GDAL vector source(s), OSM "
                     "place nodes and squares or cadastre lieux-dits, read per commune in the box "
                     "of its boundary");
    batch.add_option("--boundaries", o.boundaries,
                     "commune boundaries: GDAL vector source(s) with an INSEE code field");
    batch.add_option("--insee-field", o.insee_field,
                     "field of --boundaries holding the INSEE code (default: detected)");
    add_pipeline_options(batch, o.run, a.name_field, a.kind_field);
    // What differs by commune: files named with {insee}, and a table of communes.
    batch.add_option("--commune-options", o.commune_options,
                     "CSV of per-commune options: insee;numerotation (metrique, classique);"
                     "mairie_lon;mairie_lat (the town hall, WGS84);id_ban_commune;siren");
    batch.add_option("--voie-options", o.run.voie_options,
                     "CSV of per-voie options (as in run); with {insee} in the path, one file per "
                     "commune (a commune without its file has none)");
    batch.add_option("--existing", o.run.existing,
                     "the communes' current BALs, a path with {insee} (e.g. bal/{insee}.csv): "
                     "their numbers and ids are kept; a commune without its file is numbered "
                     "afresh");
    batch.add_option("--ledger", o.run.ledger,
                     "SQLite ledgers of the BAN ids, one per commune: a path with {insee} (e.g. "
                     "ledgers/{insee}.sqlite), created if missing");
    batch.add_option("--siren", o.run.siren,
                     "with --producteur: name the files for upload (a commune's siren in "
                     "--commune-options replaces it)");
    batch.add_option("--topo", o.run.topo,
                     "DGFiP TOPO file (CSV) of the batch's communes (e.g. a département's): "
                     "voies get their TOPO code by name, as in run");
    batch.add_option("--jobs,-j", o.jobs, "communes run in parallel (default: the cores)");
    batch.add_flag("--resume", o.resume,
                   "skip the communes whose manifest entry matches their inputs and output");
    batch.add_option("--shard", o.shard, "K/N: run only share K of N of the communes");
    batch
        .add_option("--progress", o.progress,
                    "auto (a bar on a terminal, JSON lines otherwise), json, bar or none")
        ->capture_default_str();
    batch
        .add_option("--read-layers", o.read_layers,
                    "how the roads and buildings are read (same outputs): whole (once, held; "
                    "a GeoPackage in --jobs parts at once), by-area (per group of neighbouring "
                    "communes, from the spatial index: less memory) or auto (whole when the "
                    "communes cover most of indexed layers of at most 5 million features)")
        ->check(CLI::IsMember({"auto", "whole", "by-area"}))
        ->capture_default_str();
}

int batch_report(const BatchResult &r);

int batch_command(BatchArgs a, bool name_set, bool kind_set) {
    if (name_set) {
        a.options.run.road_name_field = a.name_field;
    }
    if (kind_set) {
        a.options.run.road_kind_field = a.kind_field;
    }
    BatchResult result = run_batch_in_module(a.options);
    // Left to the operating system, still reachable, never freed (see BatchResult).
    static const auto *left = new std::shared_ptr<const void>(std::move(result.working_set));
    static_cast<void>(left);
    return batch_report(result);
}

// Prints what a batch (or a merge of shards) did; exit 1 when any commune failed.
int batch_report(const BatchResult &r) {
    std::ostream &out = r.progress_json ? std::cerr : std::cout;
    out << r.communes << " communes: " << r.succeeded << " succeeded (" << r.reused
        << " unchanged), " << r.failed << " failed, " << r.rows << " rows in " << r.seconds
        << " s\nsummary:  " << r.summary_json << " and " << r.summary_csv
        << "\nmanifest: " << r.manifest << "\n";
    if (r.skipped_features > 0) {
        out << "skipped:  " << r.skipped_features
            << " road or building feature(s) of the layers could not be used (no geometry, or "
               "a broken one); fix them in the layers, they are listed in "
            << r.skipped_csv << "\n";
    }
    if (r.failed > 0) {
        std::cerr << "adressage: " << r.failed << " commune(s) failed; see " << r.summary_csv
                  << "\n";
    }
    return r.failed > 0 ? exit_failure : exit_ok;
}

// `adressage diff OLD.csv NEW.csv`: addresses created, changed (which columns), deleted, and
// the BAN's upload gates (formats/bal_diff.hpp). Exit 0 when the upload would pass (warnings
// included), 1 when a gate blocks it, 2 when a file cannot be read.
struct DiffArgs {
    std::string old_file;
    std::string new_file;
    bool quiet = false;
};

formats::BalTable read_for_diff(const std::string &path) {
    formats::BalTable t = formats::read_bal_file(path);
    if (!t.parse_ok()) {
        throw InputError(path, "not a readable CSV (" + t.errors.front().code + " at line " +
                                   std::to_string(t.errors.front().line) +
                                   "); adressage validate shows every problem");
    }
    if (t.column("numero") < 0) {
        throw InputError(path, "has no column 'numero'; give a BAL file (versions 1.1 to 1.5)");
    }
    return t;
}

int diff_command(const DiffArgs &args) {
    const formats::BalTable before = read_for_diff(args.old_file);
    const formats::BalTable after = read_for_diff(args.new_file);
    const formats::BalDiff d = formats::diff_bal(before, after);
    formats::Preflight gates = formats::preflight(before, after, d);
    std::ifstream in(args.new_file, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (formats::GateCheck &c : formats::upload_file_checks(args.new_file, bytes)) {
        gates.level = std::max(gates.level, c.level);
        gates.checks.push_back(std::move(c));
    }
    std::cout << args.old_file << " -> " << args.new_file << ": " << d.old_rows << " -> "
              << d.new_rows << " rows, " << d.old_addresses << " -> " << d.new_addresses
              << " addresses (matched by "
              << (d.matched_by_id ? "id_ban_adresse" : "voie, numero, suffixe") << ")\n"
              << "created " << d.created.size() << ", changed " << d.changed.size() << ", deleted "
              << d.deleted.size() << ", unchanged " << d.unchanged << "\n";
    if (!args.quiet) {
        for (const std::string &key : d.created) {
            std::cout << "  + " << key << "\n";
        }
        for (const formats::AddressChange &c : d.changed) {
            std::cout << "  ~ " << c.key << ":";
            for (const std::string &f : c.fields) {
                std::cout << " " << f;
            }
            std::cout << "\n";
        }
        for (const std::string &key : d.deleted) {
            std::cout << "  - " << key << "\n";
        }
    }
    std::cout << "pre-flight: " << formats::to_string(gates.level) << "\n";
    for (const formats::GateCheck &c : gates.checks) {
        std::cout << "  " << formats::to_string(c.level) << " " << c.code << ": " << c.message
                  << "\n";
    }
    return gates.level == formats::GateLevel::blocked ? exit_failure : exit_ok;
}

} // namespace

int main_cli(int argc, char **argv) {
    CLI::App app{"adressage: roads and buildings of a commune to a Base Adresse Locale",
                 "adressage"};
    app.set_version_flag("--version", std::string("adressage ") + ADRESSAGE_VERSION);
    app.require_subcommand(1);
    CLI::App *run = app.add_subcommand(
        "run", "number a commune's buildings and write its BAL 1.4 file (no option: the "
               "embedded default commune)");
    CLI::App *names_app =
        app.add_subcommand("names", "normalise voie names: one raw name per line on stdin, "
                                    "input<TAB>output<TAB>rules on stdout");
    std::string words_file;
    names_app->add_option("--words", words_file,
                          "French word list, one word per line (default: Debian's wfrench, "
                          "/usr/share/dict/french)");
    CLI::App *validate_app = app.add_subcommand(
        "validate", "check a BAL file as the official validator (@ban-team/validateur-bal "
                    "3.5.2) does; exit 1 when the BAN would refuse it");
    ValidateArgs validate_args;
    validate_app->add_option("FILE", validate_args.file, "BAL CSV file")->required();
    validate_app
        ->add_option("--profile", validate_args.profile,
                     "auto (from the header, as the BAN does), 1.3, 1.3-relax, 1.4 or 1.5")
        ->capture_default_str();
    validate_app->add_option("--format", validate_args.format, "text or json")
        ->capture_default_str();
    validate_app->add_option("--ban-commune-ids", validate_args.ban_ids,
                             "JSON file {\"<insee>\": \"<id_ban_commune>\"} of the BAN's commune "
                             "ids, to check id_ban_commune (default: not checked)");
    validate_app->add_option("--roads", validate_args.traces.roads,
                             "road centrelines (GDAL vector source(s)): also check each address "
                             "against its voie's trace (side and parity, order along the voie, "
                             "nearer another voie, outside --boundary)");
    validate_app->add_option("--boundary", validate_args.traces.boundary,
                             "with --roads: the commune boundary (GDAL vector source(s))");
    validate_app
        ->add_option("--preset", validate_args.traces.preset,
                     "with --roads: field mapping of the roads, osm, cadastre or bdtopo")
        ->capture_default_str();
    validate_app->add_flag("--official-only", validate_args.official_only,
                           "only the official validator's rules, not the project's adressage.* "
                           "checks (which never change the verdict)");
    CLI::App *batch_app = app.add_subcommand(
        "batch", "number many communes from batch-wide layers split by commune boundaries, in "
                 "parallel; exit 1 when any commune failed");
    BatchArgs batch_args;
    add_batch_options(*batch_app, batch_args);
    CLI::App *merge_app = app.add_subcommand(
        "batch-merge", "join the manifests and summaries of the shards of a batch (--shard K/N), "
                       "copied into one directory, as one batch would have written them");
    std::string merge_dir;
    merge_app->add_option("DIR", merge_dir, "directory holding every shard's batch files")
        ->required();
    CLI::App *diff_app = app.add_subcommand(
        "diff", "compare two BAL files of a commune (current, new): addresses created, changed, "
                "deleted, and the BAN's upload gates; exit 1 when the upload would be blocked");
    DiffArgs diff_args;
    diff_app->add_option("OLD", diff_args.old_file, "the BAL the BAN has")->required();
    diff_app->add_option("NEW", diff_args.new_file, "the BAL to upload")->required();
    diff_app->add_flag("--quiet", diff_args.quiet, "counts and gates only, no address list");
    RunOptions options;
    std::string name_field;
    std::string kind_field;
    add_run_options(*run, options, name_field, kind_field);

    try {
        if (argc > 1 && std::string(argv[1]) == "batch") {
            for (int i = 2; i < argc; ++i) {
                const std::string arg = argv[i];
                std::string file;
                if (arg == "--config" && i + 1 < argc) {
                    file = argv[i + 1];
                } else if (arg.rfind("--config=", 0) == 0) {
                    file = arg.substr(9);
                }
                if (file.empty()) {
                    continue;
                }
                std::ifstream in(file);
                if (!in) {
                    std::cerr << "adressage: error: --config " << file
                              << ": cannot be read; check the path\n";
                    return exit_usage;
                }
                // The file's values in a separate parser, then the command line over them.
                CLI::App from_file;
                from_file.allow_config_extras(false); // a misspelt key is an error
                BatchArgs file_args;
                add_batch_options(from_file, file_args);
                from_file.parse_from_stream(in);
                batch_args = std::move(file_args);
            }
        }
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp &e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp &e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion &e) {
        return app.exit(e);
    } catch (const CLI::ParseError &e) {
        std::cerr << "adressage: error: " << one_line(e.what()) << " (see adressage "
                  << (validate_app->parsed() ? "validate"
                      : diff_app->parsed()   ? "diff"
                      : batch_app->parsed() || (argc > 1 && std::string(argv[1]) == "batch")
                          ? "batch"
                          : "run")
                  << " --help)\n";
        return exit_usage;
    }

    try {
        if (names_app->parsed()) {
            return names_command(words_file);
        }
        if (validate_app->parsed()) {
            return validate_command(validate_args);
        }
        if (merge_app->parsed()) {
            return batch_report(batch_merge_in_module(merge_dir));
        }
        if (batch_app->parsed()) {
            return batch_command(batch_args, batch_app->count("--road-name-field") > 0,
                                 batch_app->count("--road-kind-field") > 0);
        }
        if (diff_app->parsed()) {
            return diff_command(diff_args);
        }
        return run_command(options, name_field, run->count("--road-name-field") > 0, kind_field,
                           run->count("--road-kind-field") > 0);
    } catch (const ConfigError &e) {
        std::cerr << "adressage: error: " << one_line(e.what()) << "\n";
        return exit_usage;
    } catch (const InputError &e) {
        std::cerr << "adressage: error: " << one_line(e.what()) << "\n";
        return exit_usage;
    } catch (const std::exception &e) {
        std::cerr << "adressage: failed: " << one_line(e.what()) << "\n";
        return exit_failure;
    }
}

} // namespace adressage::pipeline
