#!/usr/bin/env bash
# Usage: invalid_boundary.sh ADRESSAGE OSM_DIR
# Issue 25: a self-intersecting commune boundary (Beausoleil's ring with two vertices swapped)
# failed the run: "clip: GEOS Intersection failed: TopologyException". The boundary is repaired
# (GEOS MakeValid), counted in report.json (ingest boundary_polygons_repaired), and the commune
# written, by `run` and by `batch` alike.
set -euo pipefail
bin="$1"; osm="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
node - "$osm/boundary-06012.geojson" "$work/bowtie.geojson" <<'JS'
const fs = require("fs");
const g = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const geom = g.features[0].geometry;
const ring = geom.type === "Polygon" ? geom.coordinates[0] : geom.coordinates[0][0];
const i = Math.floor(ring.length / 3);
[ring[i], ring[i + 5]] = [ring[i + 5], ring[i]];
g.features[0].properties = { insee: "06012" };
fs.writeFileSync(process.argv[3], JSON.stringify(g));
JS
[ "$(ogrinfo -q -ro -dialect sqlite -sql 'SELECT ST_IsValid(geometry) AS v FROM bowtie' "$work/bowtie.geojson" 2>/dev/null | grep -o 'v (Integer) = [01]')" = "v (Integer) = 0" ] ||
    fail "the fixture's boundary is valid"
inputs=(--roads "$osm/osm-06012.gpkg:roads" --buildings "$osm/osm-06012.gpkg:buildings" --date 2026-11-20)
"$bin" run --commune 06012 "${inputs[@]}" --boundary "$work/bowtie.geojson" --out "$work/run" \
    >/dev/null 2>"$work/stderr" || fail "run: $(cat "$work/stderr")"
"$bin" batch --communes 06012 "${inputs[@]}" --boundaries "$work/bowtie.geojson" --insee-field insee \
    --out "$work/batch" --progress none >/dev/null 2>"$work/stderr" || fail "batch: $(cat "$work/stderr")"
for report in "$work/run/06012/report.json" "$work/batch/06012/report.json"; do
    grep -q '"boundary_polygons_repaired": 1' "$report" || fail "$report: no repaired boundary counted"
    rows="$(($(wc -l <"${report%report.json}bal-06012.csv") - 1))"
    [ "$rows" -gt 2000 ] || fail "$report: $rows rows"
done
cmp -s "$work/run/06012/bal-06012.csv" "$work/batch/06012/bal-06012.csv" || fail "run and batch differ"
echo "PASS: $rows rows, the boundary repaired in run and batch"
