#!/usr/bin/env bash
# Usage: batch_parcels.sh ADRESSAGE DATASETS
# `adressage batch --parcels`: Bondy north-east (93010, with the Etalab parcels) and Beausoleil
# (06012, no parcels there) in one batch, their roads and buildings given as two sources each,
# the parcels as one source read per commune in the box of its boundary. Each BAL must be
# byte-identical to `adressage run` on the same commune (93010 with --parcels, 06012 without),
# and Beausoleil's run must have read no parcel (the spatial filter kept Bondy's out).
set -euo pipefail
bin="$1"; data="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
bondy="$data/bondy-93010-ne"; osm="$data/osm-alpes-maritimes-2016"
for insee in 93010 06012; do
    src="$bondy/boundary-93010.geojson"; [ "$insee" = 06012 ] && src="$osm/boundary-06012.geojson"
    ogr2ogr -f GPKG -update -append "$work/communes.gpkg" "$src" -nln communes -t_srs EPSG:2154 \
        -nlt MULTIPOLYGON -dialect SQLite -sql "SELECT '$insee' AS insee, geometry FROM \"$(
        ogrinfo -q -so "$src" | sed -n 's/^1: \([^ ]*\).*/\1/p')\""
done
opts=(--positions entrée,bâtiment --date 2026-11-20)
"$bin" run --commune 93010 --roads "$bondy/bondy-93010-ne.gpkg:roads" \
    --buildings "$bondy/bondy-93010-ne.gpkg:buildings" --parcels "$bondy/bondy-93010-ne.gpkg:parcelles" \
    --boundary "$bondy/boundary-93010.geojson" --out "$work/ref" "${opts[@]}" >/dev/null
"$bin" run --commune 06012 --roads "$osm/osm-06012.gpkg:roads" \
    --buildings "$osm/osm-06012.gpkg:buildings" --boundary "$osm/boundary-06012.geojson" \
    --out "$work/ref" "${opts[@]}" >/dev/null
"$bin" batch --communes 93010,06012 --roads "$bondy/bondy-93010-ne.gpkg:roads" "$osm/osm-06012.gpkg:roads" \
    --buildings "$bondy/bondy-93010-ne.gpkg:buildings" "$osm/osm-06012.gpkg:buildings" \
    --parcels "$bondy/bondy-93010-ne.gpkg:parcelles" --boundaries "$work/communes.gpkg" \
    --out "$work/batch" --jobs 2 --progress none "${opts[@]}" >/dev/null
for insee in 93010 06012; do
    cmp "$work/ref/$insee/bal-$insee.csv" "$work/batch/$insee/bal-$insee.csv" ||
        fail "$insee differs from adressage run"
done
grep -q ';930100000[A-Z]' "$work/batch/93010/bal-93010.csv" || fail "93010 has no cad_parcelles"
node -e '
const r = require(process.argv[1]);
const read = (r.counts.ingest || {}).parcels_read || 0;
if (read !== 0) { console.log(`FAIL: 06012 read ${read} parcels of Bondy`); process.exit(1); }
const b = require(process.argv[2]);
if (!((b.counts.ingest || {}).parcels_read > 0)) { console.log("FAIL: 93010 read no parcel"); process.exit(1); }
' "$work/batch/06012/report.json" "$work/batch/93010/report.json"
echo PASS
