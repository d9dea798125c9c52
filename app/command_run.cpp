// `adressage run`: one commune's buildings numbered and its BAL written (runner.hpp), through
// the run module; no input option runs the embedded default commune.
#include <filesystem>
#include <iostream>
#include <memory>

#include "adressage/error.hpp"
#include "command.hpp"
#include "config_file.hpp"
#include "run_module.hpp"
#include "run_option_flags.hpp"

namespace adressage::app {

namespace {

// The embedded default commune when no input is given; the three inputs together otherwise.
void complete_inputs(pipeline::RunOptions &o) {
    const bool nothing_given =
        o.insee.empty() && o.roads.empty() && o.buildings.empty() && o.boundary.empty();
    if (nothing_given) {
        pipeline::RunOptions d = pipeline::default_commune_options(pipeline::default_data_dir());
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
}

void print_run(const pipeline::RunResult &result, const pipeline::RunOptions &o) {
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
              << "BAL " << pipeline::option_text(o.bal_version) << ": " << result.bal_path << " ("
              << s["rows_written"] << " rows)\n"
              << "report:  " << result.report_path << "\n";
    if (result.report.contains("review")) {
        const auto &layers = result.report["review"]["layers"];
        std::cout
            << "review:  "
            << (std::filesystem::path(result.report_path).parent_path() / "review.gpkg").string()
            << " (" << layers["adresses"] << " adresses, " << layers["voies"] << " voies, "
            << layers["voies_a_nommer"] << " voies à nommer, " << layers["batiments"]
            << " bâtiments; open it in QGIS)\n";
    }
}

int execute_run(pipeline::RunOptions o) {
    complete_inputs(o);
    print_run(run_commune_in_module(o), o);
    return exit_ok;
}

} // namespace

Command declare_run(CLI::App &adressage) {
    auto options = std::make_shared<pipeline::RunOptions>();
    CLI::App *cli = adressage.add_subcommand(
        "run", "number a commune's buildings and write its BAL 1.4 file (no option: the "
               "embedded default commune)");
    add_run_option_flags(*cli, *options, FlagsFor::run);
    // Read before the command line (config_file.hpp), so flags override the file.
    auto config = std::make_shared<std::string>();
    cli->add_option("--config", *config,
                    "TOML file of options: every flag is also a key (commune = \"06012\", "
                    "roads = [\"a.gpkg:roads\"], max_distance = 120...)");
    auto before_parse = [options](int argc, char **argv) {
        if (argc > 1 && std::string(argv[1]) == "run") {
            for (const std::string &file : config_files(argc, argv)) {
                CLI::App from_file{"", "run"};
                pipeline::RunOptions from;
                add_run_option_flags(from_file, from, FlagsFor::run);
                parse_config(file, from_file);
                *options = std::move(from);
            }
        }
    };
    return {.cli = cli, .help = "run", .before_parse = before_parse, .execute = [options, config] {
                return execute_run(*options);
            }};
}

} // namespace adressage::app
