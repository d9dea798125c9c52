#include "adressage/formats/preset.hpp"

#include <algorithm>

#include "adressage/error.hpp"

namespace adressage::formats {

Preset preset_by_name(const std::string &name) {
    if (name == "osm") {
        Preset p;
        p.name = "osm";
        p.road_layers = {"roads", "lines"};
        p.road_name_field = "name";
        p.road_kind_field = "highway";
        // Ways that carry addresses in France; motorways, trunks and their links do not.
        p.road_kinds = {"primary",     "secondary",     "tertiary",       "unclassified",
                        "residential", "living_street", "pedestrian",     "service",
                        "road",        "track",         "footway",        "path",
                        "steps",       "primary_link",  "secondary_link", "tertiary_link"};
        p.naming_kinds = {"primary",     "secondary",     "tertiary",       "unclassified",
                          "residential", "living_street", "service",        "road",
                          "track",       "primary_link",  "secondary_link", "tertiary_link"};
        p.building_layers = {"buildings", "multipolygons"};
        p.building_flag_field = "building";
        p.boundary_layers = {"boundary", "multipolygons"};
        p.place_layers = {"places", "points", "multipolygons"};
        p.place_name_fields = {"name"};
        p.place_kind_field = "place";
        p.place_toponyme_kinds = {"hamlet", "locality", "isolated_dwelling"};
        p.place_square_kinds = {"square"};
        p.place_road_field = "highway";
        p.place_road_kinds = {"pedestrian"};
        return p;
    }
    if (name == "cadastre") {
        Preset p;
        p.name = "cadastre";
        p.road_layers = {"voie_zoncommuni", "ZONCOMMUNI_id"};
        p.road_name_field = "nom";
        p.road_name_parts = {"TEX",  "TEX2", "TEX3", "TEX4", "TEX5",
                             "TEX6", "TEX7", "TEX8", "TEX9", "TEX10"};
        p.excluded_name_prefixes = {"Autoroute"};
        p.building_layers = {"batiment", "BATIMENT_id"};
        p.boundary_layers = {"commune", "COMMUNE_id"};
        p.place_layers = {"lieudit", "LIEUDIT_id"};
        p.place_name_fields = {"nom", "TEX"};
        return p;
    }
    if (name == "bdtopo") {
        // IGN BD TOPO v3 (GeoPackage or shapefiles by theme): troncon_de_route named per side,
        // nature as the kind.
        Preset p;
        p.name = "bdtopo";
        p.road_layers = {"troncon_de_route"};
        p.road_name_field = "nom_1_gauche";
        p.road_name_fallbacks = {"nom_1_droite"};
        p.road_kind_field = "nature";
        // Every nature but motorway-like roads, ferries and cycle tracks.
        p.road_kinds = {"Route \u00e0 1 chauss\u00e9e",
                        "Route \u00e0 2 chauss\u00e9es",
                        "Rond-point",
                        "Chemin",
                        "Sentier",
                        "Escalier",
                        "Route empierr\u00e9e",
                        "Bretelle"};
        p.naming_kinds = {"Route \u00e0 1 chauss\u00e9e",
                          "Route \u00e0 2 chauss\u00e9es",
                          "Rond-point",
                          "Chemin",
                          "Route empierr\u00e9e",
                          "Bretelle"};
        p.building_layers = {"batiment"};
        p.boundary_layers = {"commune"};
        p.place_layers = {"lieu_dit_non_habite", "zone_d_habitation"};
        p.place_name_fields = {"toponyme", "nom"};
        return p;
    }
    throw ConfigError("--preset: unknown preset '" + name + "'; use osm, cadastre or bdtopo");
}

bool is_naming_kind(const Preset &preset, const std::string &kind) {
    return preset.road_kind_field.empty() || preset.naming_kinds.empty() ||
           std::find(preset.naming_kinds.begin(), preset.naming_kinds.end(), kind) !=
               preset.naming_kinds.end();
}

bool is_road_kind(const Preset &preset, const std::string &kind) {
    return std::find(preset.road_kinds.begin(), preset.road_kinds.end(), kind) !=
           preset.road_kinds.end();
}

bool has_excluded_prefix(const Preset &preset, const std::string &name) {
    return std::any_of(preset.excluded_name_prefixes.begin(), preset.excluded_name_prefixes.end(),
                       [&](const std::string &prefix) { return name.starts_with(prefix); });
}

} // namespace adressage::formats
