#!/usr/bin/env bash
# Usage: make_fixture.sh DATASETS OUTDIR
# Builds the batch fixture from the shipped real communes (nothing is committed but this script):
#   OUTDIR/layers.gpkg       layers `roads` and `buildings`: the OSM extracts of 06012, 06032 and
#                            06150 appended into one layer each, every OSM object once (the
#                            per-commune extracts overlap at the boundaries: the lowest fid wins);
#   OUTDIR/boundaries.gpkg   layer `communes`: the three boundary-<insee>.geojson polygons with an
#                            `insee` field, as a département layer would have them;
#   OUTDIR/broken.gpkg       layer `communes`: the same, but 06150's polygon replaced by the
#                            polygon of Luxiol (25354, Doubs), where no building of the layers
#                            lies: 06150 must fail alone (its data is not in the commune).
# Coordinates are copied unchanged (WGS84), so a commune split out of the layers and the same
# commune read by `adressage run` from the same layers see exactly the same features.
set -euo pipefail
data="$1"; out="$2"
osm="$data/osm-alpes-maritimes-2016"
lux="$data/cadastre-25354-luxiol/luxiol-25354.gpkg"
mkdir -p "$out"
rm -f "$out/all.gpkg" "$out/layers.gpkg" "$out/boundaries.gpkg" "$out/broken.gpkg"

for layer in roads buildings; do
    for insee in 06012 06032 06150; do
        ogr2ogr -f GPKG -append -nln "$layer" "$out/all.gpkg" "$osm/osm-$insee.gpkg" "$layer"
    done
done
# One row per OSM object (roads: osm_id; buildings: osm_id for relations, osm_way_id for ways).
ogr2ogr -f GPKG -nln roads -dialect SQLite "$out/layers.gpkg" "$out/all.gpkg" -sql \
    "SELECT * FROM roads WHERE fid IN (SELECT MIN(fid) FROM roads GROUP BY osm_id) ORDER BY fid"
ogr2ogr -f GPKG -update -nln buildings -dialect SQLite "$out/layers.gpkg" "$out/all.gpkg" -sql \
    "SELECT * FROM buildings WHERE fid IN (SELECT MIN(fid) FROM buildings
     GROUP BY COALESCE(osm_id, ''), COALESCE(osm_way_id, '')) ORDER BY fid"
rm -f "$out/all.gpkg"

boundaries() { # target, then the source of 06150's polygon
    local target="$1" turbie="$2"
    for insee in 06012 06032; do
        ogr2ogr -f GPKG -append -nln communes -dialect SQLite "$target" \
            "$osm/boundary-$insee.geojson" -sql "SELECT '$insee' AS insee, geometry FROM \"boundary-$insee\""
    done
    if [ "$turbie" = good ]; then
        ogr2ogr -f GPKG -append -nln communes -dialect SQLite "$target" \
            "$osm/boundary-06150.geojson" -sql "SELECT '06150' AS insee, geometry FROM \"boundary-06150\""
    else
        ogr2ogr -f GPKG -append -nln communes -t_srs EPSG:4326 -dialect SQLite "$target" "$lux" \
            -nlt MULTIPOLYGON -sql "SELECT '06150' AS insee, geom FROM commune"
    fi
}
boundaries "$out/boundaries.gpkg" good
boundaries "$out/broken.gpkg" luxiol
