#pragma once
// Field mappings of the known input families: which layer, which field holds the road name,
// which road kinds count as roads, which features are buildings.
#include <string>
#include <vector>

namespace adressage::formats {

struct Preset {
    std::string name;
    std::vector<std::string> road_layers; // candidates, in order
    std::string road_name_field;
    // When the layer has no road_name_field: the name is these fields joined with spaces, in
    // order, those present (raw EDIGEO sheets split ZONCOMMUNI labels over TEX, TEX2...TEX10).
    std::vector<std::string> road_name_parts;
    // When road_name_field is empty on a feature, the first of these that is not (BD TOPO
    // names each side of a road: nom_1_gauche, then nom_1_droite).
    std::vector<std::string> road_name_fallbacks;
    std::string road_kind_field;         // empty: no kind filter
    std::vector<std::string> road_kinds; // kinds kept when road_kind_field is set
    // Kinds of which an unnamed road may make a voie à nommer (not footways, cycle tracks,
    // steps); empty: every road kind.
    std::vector<std::string> naming_kinds;
    std::vector<std::string> excluded_name_prefixes; // e.g. motorways in cadastre labels
    std::vector<std::string> building_layers;
    std::string building_flag_field; // empty: every feature is a building
    std::vector<std::string> boundary_layers;
    // Cadastre parcels, whatever the preset of the other inputs: Etalab GeoJSON (`parcelles`,
    // field `id`, 14 characters) and EDIGEO (`PARCELLE_id`, or the `parcelle` layer of a
    // GeoPackage made from it, field `idu`, 12 characters without the département).
    std::vector<std::string> parcel_layers = {"parcelles", "parcelle", "PARCELLE_id"};
    std::vector<std::string> parcel_id_fields = {"id", "idu"}; // the first present is read
    // Areas of the communes déléguées (--communes-deleguees), whatever the preset: IGN Admin
    // Express (`commune_associee_ou_deleguee`, field INSEE_CAD), the Etalab cadastre sections
    // (`sections`, field `prefixe`: the former commune's 3 digits, 000 for the chef-lieu), or any
    // polygon layer with the code of the commune déléguée. The first field present is read.
    std::vector<std::string> commune_deleguee_layers = {"commune_associee_ou_deleguee",
                                                        "communes_deleguees", "sections"};
    std::vector<std::string> commune_deleguee_fields = {
        "insee_cad", "commune_deleguee_insee", "insee_deleguee", "prefixe", "code_insee", "insee"};
    // Named places (--places): points or areas. Without place_kind_field every feature is a
    // toponyme (cadastre lieux-dits); with it, the kinds say which are toponymes and which are
    // squares (areas that become voies). place_road_field (or the same key in OSM `other_tags`)
    // marks more square-like areas (OSM highway=pedestrian).
    std::vector<std::string> place_layers;
    std::vector<std::string> place_name_fields; // the first present is read
    std::string place_kind_field;
    std::vector<std::string> place_toponyme_kinds;
    std::vector<std::string> place_square_kinds;
    std::string place_road_field;
    std::vector<std::string> place_road_kinds;
};

// "osm", "cadastre" or "bdtopo"; throws ConfigError otherwise.
Preset preset_by_name(const std::string &name);

bool is_road_kind(const Preset &preset, const std::string &kind);
// An unnamed road of this kind may be a voie à nommer (always, without a kind field).
bool is_naming_kind(const Preset &preset, const std::string &kind);
bool has_excluded_prefix(const Preset &preset, const std::string &name);

} // namespace adressage::formats
