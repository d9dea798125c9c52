#include "adressage/pipeline/cli.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

#include "adressage/error.hpp"
#include "adressage/names/normaliser.hpp"
#include "adressage/pipeline/runner.hpp"

namespace adressage::pipeline {

namespace {

constexpr int exit_ok = 0;
constexpr int exit_failure = 1;
constexpr int exit_usage = 2;

void add_run_options(CLI::App &run, RunOptions &o, std::string &name_field,
                     std::string &kind_field) {
    run.add_option("--commune", o.insee, "INSEE code of the commune (e.g. 06012)");
    run.add_option("--roads", o.roads,
                   "road centrelines: GDAL vector source(s), path[:layer] or PG:...:layer; "
                   "several are read in order (e.g. one per cadastre sheet)");
    run.add_option("--buildings", o.buildings, "building footprints: GDAL vector source(s)");
    run.add_option("--boundary", o.boundary,
                   "commune boundary polygon(s): GDAL vector source(s) (optional)");
    run.add_option("--preset", o.preset, "field mapping of the inputs: osm or cadastre")
        ->capture_default_str();
    run.add_option("--road-name-field", name_field, "field holding the road name");
    run.add_option("--road-kind-field", kind_field,
                   "field holding the road kind ('' keeps every line)");
    run.add_option("--out", o.out_dir, "output directory; the BAL goes to OUT/<insee>/")
        ->capture_default_str();
    run.add_option("--max-distance", o.max_distance,
                   "metres: buildings further from every named voie are not numbered")
        ->capture_default_str();
    run.add_option("--homonym-distance", o.homonym_distance,
                   "metres: roads of the same name further apart are separate voies")
        ->capture_default_str();
    run.add_option("--source", o.source, "BAL `source`: the organisation making the addresses")
        ->capture_default_str();
    run.add_option("--date", o.date, "BAL `date_der_maj`, YYYY-MM-DD (default: today)");
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
    const RunResult result = run_commune(std::move(o));
    const auto &s = result.report["summary"];
    std::cout << result.report["commune"]["insee"].get<std::string>() << " "
              << result.report["commune"]["nom"].get<std::string>() << ": " << s["buildings_read"]
              << " buildings read, " << s["buildings_numbered"] << " numbered on "
              << s["voies_numbered"] << " voies, " << s["buildings_skipped"] << " skipped\n"
              << "BAL 1.4: " << result.bal_path << " (" << s["rows_written"] << " rows)\n"
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
    RunOptions options;
    std::string name_field;
    std::string kind_field;
    add_run_options(*run, options, name_field, kind_field);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp &e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp &e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion &e) {
        return app.exit(e);
    } catch (const CLI::ParseError &e) {
        std::cerr << "adressage: error: " << one_line(e.what()) << " (see adressage run --help)\n";
        return exit_usage;
    }

    try {
        if (names_app->parsed()) {
            return names_command(words_file);
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
