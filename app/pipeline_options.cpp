#include "pipeline_options.hpp"

namespace adressage::app {

void add_pipeline_options(CLI::App &app, pipeline::RunOptions &o, RoadFields &fields) {
    app.add_option("--preset", o.preset, "field mapping of the inputs: osm, cadastre or bdtopo")
        ->capture_default_str();
    app.add_option("--road-name-field", fields.name, "field holding the road name");
    app.add_option("--road-kind-field", fields.kind,
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

void apply_road_fields(const CLI::App &command, const RoadFields &fields, pipeline::RunOptions &o) {
    if (command.count("--road-name-field") > 0) {
        o.road_name_field = fields.name;
    }
    if (command.count("--road-kind-field") > 0) {
        o.road_kind_field = fields.kind;
    }
}

} // namespace adressage::app
