#!/usr/bin/env bash
# Usage: bad_coordinates.sh ADRESSAGE OSM_DIR
# Issue 25: one building with a coordinate of 1e300 (finite, beyond any CRS) among Beausoleil's
# aborted the whole run ("ingest: PROJ: cannot transform coordinates"). It is a bad record:
# skipped as invalid_coordinates (report.json), the commune written (exit 0).
set -euo pipefail
bin="$1"; osm="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cat >"$work/far.geojson" <<'JSON'
{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[1e300,43.74],[7.42,43.74],[7.42,43.7405],[7.4195,43.7405],[1e300,43.74]]]}},
{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[7.4195,43.74],[7.42,43.74],[7.42,-1e300],[7.4195,43.7405],[7.4195,43.74]]]}}
]}
JSON
"$bin" run --commune 06012 --roads "$osm/osm-06012.gpkg:roads" \
    --buildings "$osm/osm-06012.gpkg:buildings" --buildings "$work/far.geojson" \
    --boundary "$osm/boundary-06012.geojson" --out "$work/out" --date 2026-11-20 \
    >/dev/null 2>"$work/stderr" || fail "run: $(cat "$work/stderr")"
node -e '
const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
const s = (r.skipped["ingest.buildings"] || {}).invalid_coordinates;
if (!s || s.count !== 2) { console.log("FAIL: " + JSON.stringify(r.skipped["ingest.buildings"])); process.exit(1); }
console.log("PASS: " + s.count + " buildings skipped as invalid_coordinates: " + s.examples.join(", "));
' "$work/out/06012/report.json"
