#pragma once
// Every run option declared once: its flag and help, where it is a flag (run, batch or both),
// how the batch's resume fingerprint takes it, and its key in report.json's `options`. The
// batch fingerprints a commune's options from it and the runner writes the report's options
// from it, and the command line declares its flags from it (app/run_option_flags.cpp); a field
// of RunOptions that is not here fails a unit test (run_option_table_test.cpp), so a new option
// cannot be left out of --resume.
#include <string_view>
#include <utility>

#include "adressage/pipeline/run_options.hpp"

namespace adressage::pipeline {

// Which commands take the option as a flag.
enum class OptionScope {
    run_and_batch, // the same meaning for one commune and for each commune of a batch
    run_only,      // a batch sets it per commune (insee, boundary) or from a pattern or table
    batch_pattern, // run: a file; batch: the same flag, a path with {insee}
    program,       // not a flag: set by the program (the data folder)
};

// How the batch's resume fingerprint takes an option's value.
enum class Fingerprint {
    value,           // the value as given
    sources,         // source specs with the size and modification time of the files they name
    unset_is_ctrl_a, // an optional string: its value, "\x01" when not given
    date_if_given,   // the date when given (a run without --date takes today's: not a change)
    none,            // not in the fingerprint: `why` says what stands for it
};

struct OptionSpec {
    std::string_view key;  // the option's key: the TOML key of --config and the fingerprint's
    std::string_view flag; // "--max-distance"; "" for OptionScope::program
    std::string_view help;
    OptionScope scope = OptionScope::run_and_batch;
    Fingerprint fingerprint = Fingerprint::value;
    std::string_view why = {};        // Fingerprint::none: why the option may be left out
    std::string_view report = {};     // key in report.json's `options`; "" when not reported
    std::string_view batch_help = {}; // the flag's help in `batch`, when it differs from run's
};

// Calls visit(spec, field) for every field of RunOptions, in the struct's order. `Options` is
// RunOptions or const RunOptions.
template <typename Options, typename Visit> void for_each_run_option(Options &o, Visit &&visit);

// The commune and its sources.
template <typename Options, typename Visit> void for_each_input_option(Options &o, Visit &visit) {
    using S = OptionScope;
    using F = Fingerprint;
    visit(OptionSpec{"insee", "--commune", "INSEE code of the commune (e.g. 06012)", S::run_only,
                     F::none, "the manifest has one entry per commune"},
          o.insee);
    visit(OptionSpec{.key = "roads",
                     .flag = "--roads",
                     .help = "road centrelines: GDAL vector source(s), path[:layer] or "
                             "PG:...:layer; several are read in order (e.g. one per cadastre "
                             "sheet)",
                     .fingerprint = F::none,
                     .why = "the commune's share of the layers is fingerprinted feature by "
                            "feature",
                     .batch_help = "road centrelines of the whole batch: GDAL vector source(s), "
                                   "read once"},
          o.roads);
    visit(OptionSpec{.key = "buildings",
                     .flag = "--buildings",
                     .help = "building footprints: GDAL vector source(s)",
                     .fingerprint = F::none,
                     .why = "the commune's share of the layers is fingerprinted feature by "
                            "feature",
                     .batch_help = "building footprints of the whole batch: GDAL vector "
                                   "source(s), read once"},
          o.buildings);
    visit(OptionSpec{"boundary", "--boundary",
                     "commune boundary polygon(s): GDAL vector source(s) (optional)", S::run_only,
                     F::none, "a batch's commune boundary is part of its fingerprinted inputs"},
          o.boundary);
    visit(OptionSpec{.key = "parcels",
                     .flag = "--parcels",
                     .help = "cadastre parcels: GDAL vector source(s), Etalab parcelles (GeoJSON) "
                             "or EDIGEO PARCELLE_id; a building goes to the voie its parcel "
                             "fronts, and positions get cad_parcelles (optional)",
                     .fingerprint = F::sources,
                     .batch_help = "cadastre parcels of the whole batch (optional): GDAL vector "
                                   "source(s), read per commune in the box of its boundary (a "
                                   "GeoPackage's index makes it fast)"},
          o.parcels);
    visit(OptionSpec{.key = "communes_deleguees",
                     .flag = "--communes-deleguees",
                     .help = "areas of the commune's communes déléguées: GDAL vector source(s) "
                             "with the code of each (Admin Express "
                             "COMMUNE_ASSOCIEE_OU_DELEGUEE, cadastre sections by prefixe); a "
                             "voie is split by the commune déléguée of its buildings (optional)",
                     .fingerprint = F::sources,
                     .batch_help = "areas of the communes déléguées of the batch's communes "
                                   "(optional): GDAL vector source(s) with their codes, read per "
                                   "commune that has some"},
          o.communes_deleguees);
    visit(OptionSpec{.key = "places",
                     .flag = "--places",
                     .help = "named places: GDAL vector source(s), OSM place nodes (hamlet, "
                             "locality, isolated_dwelling) and squares (place=square, "
                             "highway=pedestrian areas), or cadastre lieux-dits; places become "
                             "99999 toponyme rows and the lieudit_complement_nom of the "
                             "addresses in or near them, squares become voies (optional)",
                     .fingerprint = F::sources,
                     .batch_help = "named places of the whole batch (optional): GDAL vector "
                                   "source(s), OSM place nodes and squares or cadastre lieux-dits, "
                                   "read per commune in the box of its boundary"},
          o.places);
    visit(OptionSpec{"place_radius", "--place-radius",
                     "metres: an address this near a place point of --places takes its name as "
                     "lieudit_complement_nom (lieu-dit areas: the addresses inside)"},
          o.place_radius);
    visit(OptionSpec{"preset", "--preset", "field mapping of the inputs: osm, cadastre or bdtopo"},
          o.preset);
    visit(OptionSpec{"road_name_field", "--road-name-field", "field holding the road name",
                     S::run_and_batch, F::unset_is_ctrl_a},
          o.road_name_field);
    visit(OptionSpec{"road_kind_field", "--road-kind-field",
                     "field holding the road kind ('' keeps every line)", S::run_and_batch,
                     F::unset_is_ctrl_a},
          o.road_kind_field);
}

// Where the outputs go, and how voies are made, numbered and positioned.
template <typename Options, typename Visit>
void for_each_numbering_option(Options &o, Visit &visit) {
    using S = OptionScope;
    using F = Fingerprint;
    visit(OptionSpec{"out_dir", "--out", "output directory; each BAL goes to OUT/<insee>/",
                     S::run_and_batch, F::none,
                     "the manifest lives in the output folder: another folder has its own"},
          o.out_dir);
    visit(OptionSpec{"max_distance",
                     "--max-distance",
                     "metres: buildings further from every named voie are not numbered",
                     S::run_and_batch,
                     F::value,
                     {},
                     "max_distance_m"},
          o.max_distance);
    visit(OptionSpec{"homonym_distance",
                     "--homonym-distance",
                     "metres: roads of the same name further apart are separate voies",
                     S::run_and_batch,
                     F::value,
                     {},
                     "homonym_distance_m"},
          o.homonym_distance);
    visit(OptionSpec{"source",
                     "--source",
                     "BAL `source`: the organisation making the addresses",
                     S::run_and_batch,
                     F::value,
                     {},
                     "source"},
          o.source);
    visit(OptionSpec{"date",
                     "--date",
                     "BAL `date_der_maj`, YYYY-MM-DD (default: today)",
                     S::run_and_batch,
                     F::date_if_given,
                     {},
                     "date_der_maj"},
          o.date);
    visit(OptionSpec{"data_dir", "", "", S::program, F::none,
                     "the shipped data go with adressage_version, which is fingerprinted"},
          o.data_dir);
    visit(OptionSpec{"numbering", "--numbering",
                     "metric (number = metres from the voie's origin) or classic (1, 3, 5... "
                     "left, 2, 4, 6... right); a voie may differ through --voie-options"},
          o.numbering);
    visit(OptionSpec{"classic_gap_metres", "--classic-gap-metres",
                     "classic: per this many metres of a side without buildings, leave a number "
                     "free for a future one (0: no gaps)"},
          o.classic_gap_metres);
    visit(OptionSpec{.key = "voie_options",
                     .flag = "--voie-options",
                     .help = "CSV of per-voie options: voie_nom;origine (nord, sud, est, ouest);"
                             "numerotation (metrique, classique)",
                     .scope = S::batch_pattern,
                     .batch_help = "CSV of per-voie options (as in run); with {insee} in the "
                                   "path, one file per commune (a commune without its file has "
                                   "none)"},
          o.voie_options);
    visit(OptionSpec{"town_hall", "--town-hall",
                     "LON,LAT of the town hall (WGS84): voies are numbered from it outwards "
                     "(default: from the commune's centre)",
                     S::run_only},
          o.town_hall);
    visit(OptionSpec{"min_building_area", "--min-building-area",
                     "square metres: smaller buildings are annexes and get no number"},
          o.min_building_area);
    visit(OptionSpec{"ambiguity_ratio", "--ambiguity-ratio",
                     "a building whose second visible voie is less than this many times as far "
                     "as the nearest is reported as ambiguous"},
          o.ambiguity_ratio);
    visit(OptionSpec{"naming_min_buildings", "--naming-min-buildings",
                     "an unnamed road is a voie à nommer when it is the nearest road of at least "
                     "this many buildings that no named voie serves (report.json voies_a_nommer)"},
          o.naming_min_buildings);
    visit(OptionSpec{.key = "voie_names",
                     .flag = "--voie-names",
                     .help = "CSV id;nom: the names the council chose for voies à nommer (their "
                             "id from report.json voies_a_nommer; nom: the name, or a proposal's "
                             "rank 1-3); those voies are numbered and written like any other",
                     .scope = S::batch_pattern,
                     .batch_help = "the communes' --voie-names files, a path with {insee} (e.g. "
                                   "names/{insee}.csv); a commune without its file has none"},
          o.voie_names);
    visit(OptionSpec{"positions", "--positions",
                     "positions written for each address, comma-separated: entrée (the point of "
                     "the building's outline nearest its voie), bâtiment (inside the building), "
                     "segment (on the voie); one row each"},
          o.positions);
}

// Updating an existing BAL, the BAL version and ids, the upload name, TOPO codes.
template <typename Options, typename Visit> void for_each_update_option(Options &o, Visit &visit) {
    using S = OptionScope;
    using F = Fingerprint;
    visit(OptionSpec{.key = "existing",
                     .flag = "--existing",
                     .help = "the commune's current BAL (1.1 to 1.5): its addresses, numbers and "
                             "ids are kept; only buildings without an address get new numbers",
                     .scope = S::batch_pattern,
                     .batch_help = "the communes' current BALs, a path with {insee} (e.g. "
                                   "bal/{insee}.csv): their numbers and ids are kept; a commune "
                                   "without its file is numbered afresh"},
          o.existing);
    visit(OptionSpec{"drop_orphans", "--drop-orphans",
                     "with --existing: leave out the addresses whose building is gone (default: "
                     "kept and reported)"},
          o.drop_orphans);
    visit(OptionSpec{.key = "ledger",
                     .flag = "--ledger",
                     .help = "SQLite ledger of the BAN ids and addresses, kept between runs "
                             "(created if missing); new ids are minted once and then read from it",
                     .scope = S::batch_pattern,
                     .batch_help = "SQLite ledgers of the BAN ids, one per commune: a path with "
                                   "{insee} (e.g. ledgers/{insee}.sqlite), created if missing"},
          o.ledger);
    visit(OptionSpec{"bal_version", "--bal-version",
                     "BAL version written: 1.4 or 1.5 (1.5: ids mandatory, needs --ledger)"},
          o.bal_version);
    visit(OptionSpec{"id_ban_commune", "--id-ban-commune",
                     "the BAN's id of the commune (UUID), for files with BAN ids", S::run_only,
                     F::none, "a batch takes it per commune from --commune-options, fingerprinted"},
          o.id_ban_commune);
    visit(OptionSpec{.key = "siren",
                     .flag = "--siren",
                     .help = "with --producteur: name the file for upload, AAAAMMJJ_bal_<siren>_"
                             "<producteur>.csv, with a .sha256 beside it",
                     .batch_help = "with --producteur: name the files for upload (a commune's "
                                   "siren in --commune-options replaces it)"},
          o.siren);
    visit(OptionSpec{"producteur", "--producteur",
                     "the producer's name in the upload file name (with --siren)"},
          o.producteur);
    visit(OptionSpec{.key = "topo",
                     .flag = "--topo",
                     .help = "DGFiP TOPO file (CSV): voies get their TOPO code by name (exact, "
                             "then fuzzy above 0.85, scoped by former commune); the others keep a "
                             "temporary x... code and are listed for review in report.json; "
                             "existing BAL codes are kept",
                     .fingerprint = F::sources,
                     .batch_help = "DGFiP TOPO file (CSV) of the batch's communes (e.g. a "
                                   "département's): voies get their TOPO code by name, as in run"},
          o.topo);
    visit(OptionSpec{"no_review", "--no-review",
                     "do not write review.gpkg (the review layers for QGIS) beside the BAL",
                     S::run_only},
          o.no_review);
    visit(OptionSpec{.key = "no_commune_check",
                     .flag = "--no-commune-check",
                     .help = "number the data even when its boundary (or buildings) does not lie "
                             "where the BAN places the commune (for data known to differ); "
                             "the report counts clip.commune_check_off"},
          o.no_commune_check);
}

template <typename Options, typename Visit> void for_each_run_option(Options &o, Visit &&visit) {
    for_each_input_option(o, visit);
    for_each_numbering_option(o, visit);
    for_each_update_option(o, visit);
}

} // namespace adressage::pipeline
