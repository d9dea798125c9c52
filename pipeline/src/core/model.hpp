#pragma once
// The commune model: plain values, metres in the territory's legal CRS. Stages fill it in order.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "adressage/formats/bal_format.hpp"
#include "adressage/geo/legal_crs.hpp"
#include "adressage/geo/linear_ref.hpp"
#include "adressage/geo/xy.hpp"
#include "adressage/pipeline/run_options.hpp"
#include "rules/voie_origin.hpp"

namespace adressage::pipeline {

using BuildingIdx = std::size_t;
using VoieIdx = std::size_t;
using NumeroIdx = std::size_t;

// A named road segment, or an unnamed one (name "") kept for the voies à nommer (naming/):
// without a name, or labelled with a placeholder (names/placeholder.hpp) kept as `hint`.
struct RoadSegment {
    std::uint32_t source = 0; // index of the source in --roads
    std::int64_t fid = 0;
    std::string name; // as read, then its display form after the names stage; "": unnamed
    geo::Polyline line;
    std::string kind = {}; // unnamed: the preset's kind field ("track"); "" without one
    std::string hint = {}; // unnamed: the placeholder label ("CR 12"), "" when none
    // Unnamed footway, path or steps (an addressable kind that is not a naming kind of the
    // preset): a voie à nommer only where it is the sole access of buildings (naming/).
    bool access_only = false;
};

struct Building {
    std::uint32_t source = 0; // index of the source in --buildings
    std::int64_t fid = 0;
    geo::MultiPolygon footprint;
    geo::XY anchor; // a point inside the footprint
};

// A building read but left out of the commune's addressing (buildings_table): outside the
// boundary (the clip stage) or unusable as read (ingest: its geometry), with the reason. Only
// the review's batiments layer shows them; the footprint is empty when none could be read.
struct SetAsideBuilding {
    std::uint32_t source = 0;
    std::int64_t fid = 0;
    std::string reason; // outside_commune, invalid_geometry, ... (the report's skip reasons)
    geo::MultiPolygon footprint;
};

// A cadastre parcel: its 14-character identifier (formats/parcel_id.hpp) and its outline.
struct Parcel {
    std::string id;
    geo::MultiPolygon outline;
};

// A named road: the segments of one name that lie close together, merged into parts chained
// from the origin (voie_origin.hpp), each part oriented away from it. `part_start[i]` is the
// distance along the voie at which part i begins.
struct Voie {
    std::string nom;
    std::vector<geo::Polyline> parts;
    std::vector<double> part_start;
    double length = 0.0;
    OriginRule origin_rule = OriginRule::centre; // what chose the origin
    NumberingMode numbering = NumberingMode::metric;
    bool numbering_from_voie_options = false;
    int metres_per_unit = 1;   // metric: 10 on a voie longer than 9,999 m
    bool classic_gaps = false; // classic: numbers left free for future buildings
    std::string code;          // cle_interop voie code, set when the voie gets numbers
    // The commune déléguée of the voie's buildings (--communes-deleguees, deleguees_stage.cpp),
    // or of the existing voie it continues (--existing); "" when the commune has none.
    std::string commune_deleguee_insee;
    std::string commune_deleguee_nom;

    geo::XY origin() const { return parts.front().front(); }
    geo::XY end() const { return parts.back().back(); }
};

struct Assignment {
    BuildingIdx building = 0;
    VoieIdx voie = 0;
    double along = 0.0;  // metres from the voie's origin
    double offset = 0.0; // distance from the building's anchor to the voie
    geo::Side side = geo::Side::on;
    std::size_t part = 0;   // the voie part the anchor projects on
    bool by_parcel = false; // chosen because the building's parcel fronts the voie
    // An ambiguous choice (assigner.hpp): the second voie, less than --ambiguity-ratio times as
    // far, and its distance; nullopt when the choice is clear.
    std::optional<VoieIdx> rival = {};
    double rival_distance = 0.0;
};

struct Numero {
    VoieIdx voie = 0;
    int numero = 0;
    BuildingIdx building = 0;
    std::string suffixe; // only given by an update (--existing) on a classic voie
};

// A named place without a road (OSM place=hamlet|locality|isolated_dwelling, a cadastre
// lieu-dit): a 99999 row of the BAL, and the lieudit_complement_nom of the addresses in it.
struct Toponyme {
    std::string nom;
    geo::XY xy;                         // the point, or a point inside the area
    geo::MultiPolygon area;             // empty for a point
    std::string code;                   // cle_interop voie code, set when it is written
    std::string commune_deleguee_insee; // the commune déléguée it lies in, "" when none
    std::string commune_deleguee_nom;
};

// A commune déléguée of the commune (COG 2026) and its area, from --communes-deleguees.
struct CommuneDeleguee {
    std::string insee;
    std::string nom;
    geo::MultiPolygon area;
};

struct Position {
    NumeroIdx numero = 0;
    formats::PositionType type = formats::PositionType::batiment;
    geo::XY xy;
    std::string cad_parcelles; // the parcel ids, separated by '|'; "" without parcels
};

// A voie à nommer (naming/): connected unnamed road pieces that are the access of buildings no
// named voie serves; the council names it before its buildings get addresses.
struct VoieANommer {
    std::string id;                 // "vn-" and 12 hex digits, from its geometry alone
    std::vector<std::size_t> roads; // its pieces: indexes in CommuneModel::roads, ascending
    double length = 0.0;            // metres
    std::string kind;               // the road kind over most of its length ("" without kinds)
    std::string hint;               // a placeholder label of its pieces ("CR 12"), "" when none
    int named_ends = 0;             // ends on a named road
    std::vector<std::size_t> named_roads; // the named roads its ends lie on (indexes in roads)
    int unnamed_ends = 0;     // ends on another voie à nommer (it is a side road of that one)
    int free_ends = 0;        // ends that meet no road (a dead end has one)
    bool access_only = false; // footways, paths, steps: kept only as the sole access
    std::vector<BuildingIdx> buildings; // the buildings it serves, ascending
};

struct CommuneModel {
    std::string insee;
    std::string nom;
    geo::LegalCrs crs{2154, ""};
    std::optional<geo::MultiPolygon> boundary;
    geo::XY centre; // origin choice for voies

    std::vector<RoadSegment> roads;
    std::vector<Building> buildings;
    std::vector<SetAsideBuilding> buildings_set_aside;
    std::vector<Parcel> parcels;                     // empty unless --parcels is given
    std::vector<CommuneDeleguee> communes_deleguees; // by code; empty unless given
    std::vector<Voie> voies;
    std::vector<Assignment> assignments;
    // Buildings to number that no named voie serves (the assign stage), ascending.
    std::vector<BuildingIdx> unserved;
    std::vector<VoieANommer> voies_a_nommer; // by id
    // Buildings served by an unnamed road below --naming-min-buildings (naming/), ascending.
    std::vector<BuildingIdx> on_lanes;
    std::vector<Numero> numeros;
    std::vector<Position> positions;
    std::vector<Toponyme> toponymes; // from --places; those written have a code
    // Parallel to numeros once the toponymes stage ran: the toponyme each lies in or near.
    std::vector<std::optional<std::size_t>> lieudits;
};

} // namespace adressage::pipeline
