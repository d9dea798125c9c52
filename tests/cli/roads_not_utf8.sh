#!/usr/bin/env bash
# Usage: roads_not_utf8.sh ADRESSAGE OSM_DIR
# Issue 25: road names in another encoding than UTF-8 gave "bal-06012.csv: unsupported
# encoding", the whole commune lost for a cause the message did not name. A third of
# Beausoleil's named roads given a Latin-1 "é" byte: the source is refused, exit 2, one line
# naming --roads, the count and the fix; nothing in --out. (One such name alone is a bad
# record: e2e.unsafe_names.06012.)
set -euo pipefail
bin="$1"; osm="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$osm/osm-06012.gpkg" "$work/roads.gpkg"
ogrinfo -q "$work/roads.gpkg" -sql "UPDATE roads SET name = name || CAST(X'E9' AS TEXT) WHERE fid % 3 = 0 AND name IS NOT NULL" >/dev/null
exec "$(dirname "${BASH_SOURCE[0]}")/expect_failure.sh" 2 \
    "^adressage: error: --roads .*roads.gpkg:roads: [0-9]+ of [0-9]+ road names are not UTF-8 \(e.g. fid [0-9]+\): the source has another encoding; give a Shapefile its .cpg" \
    "$bin" run --commune 06012 --roads "$work/roads.gpkg:roads" \
    --buildings "$osm/osm-06012.gpkg:buildings" --boundary "$osm/boundary-06012.geojson"
