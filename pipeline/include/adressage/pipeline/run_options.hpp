#pragma once
// Everything a run needs from the user, declared once; defaults are the embedded commune.
#include <optional>
#include <string>
#include <vector>

#include "adressage/pipeline/option_values.hpp"

namespace adressage::pipeline {

struct RunOptions {
    std::string insee;
    // Vector source specs (path, path:layer, PG:...:layer); several sources are read in order,
    // e.g. one per cadastre sheet.
    std::vector<std::string> roads;
    std::vector<std::string> buildings;
    std::vector<std::string> boundary; // optional
    std::vector<std::string> parcels;  // optional: cadastre parcels (Etalab or EDIGEO)
    // optional: areas of the commune's communes déléguées (deleguees_stage.cpp)
    std::vector<std::string> communes_deleguees;
    // optional: named places (OSM place nodes and squares, cadastre lieux-dits) and how far
    // from a place point an address takes its name as lieudit_complement_nom.
    std::vector<std::string> places;
    double place_radius = 250.0;
    std::string preset = "osm";
    std::optional<std::string> road_name_field; // overrides the preset
    std::optional<std::string> road_kind_field; // "" disables the kind filter
    std::string out_dir = "out";
    double max_distance = 150.0;     // metres from a building to its voie
    double homonym_distance = 500.0; // same-name roads further apart are separate voies
    std::string source = "adressage";
    std::string date;     // date_der_maj, YYYY-MM-DD; empty: today (UTC)
    std::string data_dir; // empty: ADRESSAGE_DATA or the build's datasets/

    // Numbering of the commune's voies, unless --voie-options says otherwise for a voie.
    NumberingMode numbering = NumberingMode::metric;
    double classic_gap_metres = 0.0;  // classic: a number left free per such stretch; 0: none
    std::string voie_options;         // CSV of per-voie options (voie_options.hpp); "": none
    std::optional<geo::XY> town_hall; // longitude, latitude (WGS84); none: the commune centre

    // Assignment of buildings to voies (assign_stage.cpp).
    double min_building_area = 20.0; // m²: smaller buildings are annexes, not numbered
    double ambiguity_ratio = 1.2;    // second voie nearer than ratio × the first: ambiguous
    // Voies à nommer (naming/): an unnamed road serving at least this many buildings that no
    // named voie serves.
    int naming_min_buildings = 2;
    // --voie-names: CSV id;nom, the council's names for voies à nommer; "": none.
    std::string voie_names;
    // Positions written per address, in the BAL's order (entrée, bâtiment, segment), each once.
    std::vector<formats::PositionType> positions = {formats::PositionType::batiment};
    // Updating a commune that already has a BAL (update_stage.hpp).
    std::string existing;      // --existing: the commune's current BAL; "": none
    bool drop_orphans = false; // --drop-orphans: leave out addresses whose building is gone
    std::string ledger;        // --ledger: SQLite file of the BAN ids; "": none
    formats::BalVersion bal_version = formats::BalVersion::v1_4; // 1.4 or 1.5
    std::string id_ban_commune; // --id-ban-commune: the BAN's id of the commune
    std::string siren;          // --siren and --producteur: the file is named for upload,
    std::string producteur;     // AAAAMMJJ_bal_<siren>_<producteur>.csv, with a .sha256
    std::string topo;       // --topo: DGFiP TOPO CSV, voie codes by name (topo_match.hpp); "": none
    bool no_review = false; // --no-review: no review.gpkg beside the BAL (review/)
    bool no_commune_check = false; // --no-commune-check (checks/commune_extent.hpp)
};

// The shipped datasets folder.
std::string default_data_dir();

// Options for the embedded default commune, Beausoleil (06012, OSM 2016).
RunOptions default_commune_options(const std::string &data_dir);

// Checks values and combinations; fills the date. Throws ConfigError.
void check_options(RunOptions &options);

} // namespace adressage::pipeline
