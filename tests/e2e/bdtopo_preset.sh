#!/usr/bin/env bash
# Usage: bdtopo_preset.sh ADRESSAGE OSM_GPKG BOUNDARY INSEE
# The BD TOPO preset on a fixture made here from the OSM GeoPackage of a commune: the same
# roads and buildings in BD TOPO v3's layer and field names (troncon_de_route with
# nom_1_gauche / nom_1_droite and nature, batiment, commune). Half of the named roads carry
# their name on the right side only (nom_1_droite), so the side fallback is exercised; OSM
# kinds map to BD TOPO natures (motorways and trunks to "Type autoroutier", which the preset
# leaves out, like the osm preset). The run must be accepted by the official validator, re-run
# byte-identically, and give the same BAL as the osm preset on the original GeoPackage.
set -euo pipefail
bin="$1"; gpkg="$2"; boundary="$3"; insee="$4"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
topo="$work/bdtopo-$insee.gpkg"
ogr2ogr -f GPKG "$topo" "$gpkg" -nln troncon_de_route -nlt LINESTRING -sql "
  SELECT geom,
    CASE WHEN fid % 2 = 0 THEN name ELSE NULL END AS nom_1_gauche,
    CASE WHEN fid % 2 = 0 THEN NULL ELSE name END AS nom_1_droite,
    CASE highway
      WHEN 'primary' THEN 'Route à 2 chaussées' WHEN 'secondary' THEN 'Route à 1 chaussée'
      WHEN 'tertiary' THEN 'Route à 1 chaussée' WHEN 'unclassified' THEN 'Route à 1 chaussée'
      WHEN 'residential' THEN 'Route à 1 chaussée' WHEN 'living_street' THEN 'Route à 1 chaussée'
      WHEN 'pedestrian' THEN 'Route à 1 chaussée' WHEN 'service' THEN 'Route à 1 chaussée'
      WHEN 'road' THEN 'Route à 1 chaussée' WHEN 'track' THEN 'Chemin'
      WHEN 'footway' THEN 'Sentier' WHEN 'path' THEN 'Sentier' WHEN 'steps' THEN 'Escalier'
      WHEN 'primary_link' THEN 'Bretelle' WHEN 'secondary_link' THEN 'Bretelle'
      WHEN 'tertiary_link' THEN 'Bretelle'
      WHEN 'motorway' THEN 'Type autoroutier' WHEN 'trunk' THEN 'Type autoroutier'
      ELSE 'Piste cyclable' END AS nature
  FROM roads" -dialect sqlite
ogr2ogr -f GPKG -update "$topo" "$gpkg" -nln batiment -sql \
  "SELECT geom FROM buildings WHERE building IS NOT NULL AND building <> 'no'" -dialect sqlite
ogr2ogr -f GPKG -update "$topo" "$boundary" -nln commune
"$here/check_commune.sh" "$bin" "$insee" --commune "$insee" --preset bdtopo \
    --roads "$topo" --buildings "$topo" --boundary "$topo"
"$here/compare_sources.sh" "$bin" \
    "--commune $insee --preset bdtopo --roads $topo --buildings $topo --boundary $topo" \
    "--commune $insee --roads $gpkg:roads --buildings $gpkg:buildings --boundary $boundary"
