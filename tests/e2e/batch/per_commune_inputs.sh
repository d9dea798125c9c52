#!/usr/bin/env bash
# Usage: per_commune_inputs.sh ADRESSAGE DATASETS
# The per-commune inputs of `adressage batch`, read by each commune in the box of its boundary:
#  1. --parcels: Bondy north-east (93010, with the Etalab parcels) and Beausoleil (06012, no
#     parcels there) in one batch, their roads and buildings given as two sources each. Each BAL
#     must be byte-identical to `adressage run` on the same commune (93010 with --parcels, 06012
#     without), and Beausoleil's run must have read no parcel (the spatial filter kept Bondy's
#     out).
#  2. --communes-deleguees: Terres-de-Bord (27412, Montaure and Tostes; boundaries from its
#     cadastre sections, field `commune`) is byte-identical to `adressage run`, rows in both
#     communes déléguées; in a batch of Beausoleil, which has none, the option changes nothing.
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
echo "parcels: byte-identical to adressage run"

tdb="$data/cadastre-27412-terres-de-bord"
sections="/vsigzip/$tdb/sections.geojson.gz"
cadastre=(--preset cadastre --roads "$tdb/roads-CONSTRUCTED.geojson"
    --buildings "/vsigzip/$tdb/batiments.geojson.gz" --parcels "/vsigzip/$tdb/parcelles.geojson.gz"
    --communes-deleguees "$sections" --date 2026-11-20)
"$bin" run --commune 27412 "${cadastre[@]}" --boundary "$sections" --out "$work/ref" >/dev/null
"$bin" batch --communes 27412 "${cadastre[@]}" --boundaries "$sections" --insee-field commune \
    --out "$work/tdb" --progress none >/dev/null
cmp "$work/ref/27412/bal-27412.csv" "$work/tdb/27412/bal-27412.csv" || fail "27412 differs"
for d in 27412 27648; do
    # grep reads everything (no -q): with pipefail, grep -q leaving early kills cut (SIGPIPE)
    cut -d';' -f7 "$work/tdb/27412/bal-27412.csv" | grep -x "$d" >/dev/null || fail "no row in $d"
done
"$bin" batch --communes 06012 --roads "$osm/osm-06012.gpkg:roads" \
    --buildings "$osm/osm-06012.gpkg:buildings" --boundaries "$work/communes.gpkg" \
    --communes-deleguees "$sections" --out "$work/b06" --progress none "${opts[@]}" >/dev/null
cmp "$work/ref/06012/bal-06012.csv" "$work/b06/06012/bal-06012.csv" ||
    fail "06012 differs with --communes-deleguees"
echo "communes déléguées: byte-identical to adressage run"
echo PASS
