// `adressage run`: one commune's buildings numbered and its BAL written (runner.hpp), through
// the run module; no input option runs the embedded default commune.
#include <iostream>
#include <memory>

#include "adressage/error.hpp"
#include "command.hpp"
#include "pipeline_options.hpp"
#include "run_module.hpp"

namespace adressage::app {

namespace {

struct RunArgs {
    pipeline::RunOptions options;
    RoadFields road_fields;
};

void add_run_options(CLI::App &run, pipeline::RunOptions &o, RoadFields &fields) {
    run.add_option("--commune", o.insee, "INSEE code of the commune (e.g. 06012)");
    run.add_option("--roads", o.roads,
                   "road centrelines: GDAL vector source(s), path[:layer] or PG:...:layer; "
                   "several are read in order (e.g. one per cadastre sheet)");
    run.add_option("--buildings", o.buildings, "building footprints: GDAL vector source(s)");
    run.add_option("--boundary", o.boundary,
                   "commune boundary polygon(s): GDAL vector source(s) (optional)");
    add_pipeline_options(run, o, fields);
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
              << "BAL " << o.bal_version << ": " << result.bal_path << " (" << s["rows_written"]
              << " rows)\n"
              << "report:  " << result.report_path << "\n";
}

int execute_run(const RunArgs &args, const CLI::App &cli) {
    pipeline::RunOptions o = args.options;
    complete_inputs(o);
    apply_road_fields(cli, args.road_fields, o);
    print_run(run_commune_in_module(o), o);
    return exit_ok;
}

} // namespace

Command declare_run(CLI::App &adressage) {
    auto args = std::make_shared<RunArgs>();
    CLI::App *cli = adressage.add_subcommand(
        "run", "number a commune's buildings and write its BAL 1.4 file (no option: the "
               "embedded default commune)");
    add_run_options(*cli, args->options, args->road_fields);
    return {.cli = cli, .help = "run", .before_parse = {}, .execute = [args, cli] {
                return execute_run(*args, *cli);
            }};
}

} // namespace adressage::app
