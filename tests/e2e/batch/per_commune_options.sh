#!/usr/bin/env bash
# Usage: per_commune_options.sh ADRESSAGE DATASETS
# What differs from one commune of a batch to the next (batch fixture: make_fixture.sh, the
# three OSM communes 06012, 06032 and 06150):
#  1. --places (the three communes' place files in one département-like layer, read per commune
#     in its box), --commune-options (06032 in classic numbering with its town hall, 06150 with
#     nothing but an id) and --voie-options with {insee} (a file for 06012 only): each BAL is
#     byte-identical to `adressage run` with the same places layer and that commune's options;
#     La Turbie's localities are 99999 toponymes.
#  2. Updating: a first batch writes BAL 1.5 with one ledger per commune (--ledger
#     ledgers/{insee}.sqlite, the BAN commune ids from --commune-options: invented UUIDs, the
#     fixture has no real ones); its files for 06012 and 06032 become the current BALs
#     (--existing bal/{insee}.csv; 06150 has none). The second batch changes no byte of any
#     file, the summary names the two current BALs and their upload pre-flight verdict (ok; 06150
#     "first"), the official validator accepts the files in profile 1.5, and 06012 is
#     byte-identical to `adressage run --existing` on its own.
#  3. --resume: touching 06032's current BAL reruns 06032 alone.
set -euo pipefail
bin="$1"; data="$2"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
validator="$here/../../validator/run"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$here/make_fixture.sh" "$data" "$work/fx" 2>/dev/null
osm="$data/osm-alpes-maritimes-2016"
for insee in 06012 06032 06150; do
    ogr2ogr -f GPKG -append -nlt GEOMETRY -nln places "$work/places.gpkg" "$osm/places-$insee.geojson"
done
layers=(--roads "$work/fx/layers.gpkg:roads" --buildings "$work/fx/layers.gpkg:buildings")
common=(--date 2026-11-20 --places "$work/places.gpkg")
batch() {
    "$bin" batch --communes 06012,06032,06150 "${layers[@]}" "${common[@]}" \
        --boundaries "$work/fx/boundaries.gpkg" --progress none "$@"
}
run() { # INSEE OPTIONS...
    local insee="$1"; shift
    "$bin" run --commune "$insee" "${layers[@]}" "${common[@]}" \
        --boundary "$osm/boundary-$insee.geojson" "$@" >/dev/null
}

# 1. Places, a table of communes, per-commune voie options.
cat >"$work/communes.csv" <<'EOF'
insee;numerotation;mairie_lon;mairie_lat;id_ban_commune
06032;classique;7.3958;43.7223;0c2f1d55-3e6b-4c7a-9d1e-0a0000006032
06150;;;;0c2f1d55-3e6b-4c7a-9d1e-0a0000006150
06012;;;;0c2f1d55-3e6b-4c7a-9d1e-0a0000006012
EOF
mkdir -p "$work/vo"
printf 'voie_nom;origine;numerotation\nBoulevard de la République;ouest;classique\n' \
    >"$work/vo/06012.csv"
batch --commune-options "$work/communes.csv" --voie-options "$work/vo/{insee}.csv" \
    --out "$work/b1" --jobs 2 >/dev/null
run 06012 --voie-options "$work/vo/06012.csv" --out "$work/r1"
run 06032 --numbering classic --town-hall 7.3958,43.7223 --out "$work/r1"
run 06150 --out "$work/r1"
for insee in 06012 06032 06150; do
    cmp "$work/r1/$insee/bal-$insee.csv" "$work/b1/$insee/bal-$insee.csv" ||
        fail "$insee differs from adressage run with its options"
done
grep -q 'République' "$work/b1/06012/report.json" || fail "06012's voie option not in the report"
grep -q '"town_hall"' "$work/b1/06032/report.json" || fail "06032's town hall not in the report"
[ "$(grep -c ';99999;' "$work/b1/06150/bal-06150.csv")" -gt 0 ] || fail "06150 has no toponyme"
run 06032 --out "$work/r-metric"
cmp -s "$work/r-metric/06032/bal-06032.csv" "$work/b1/06032/bal-06032.csv" &&
    fail "06032 is numbered as in metric: --commune-options was not applied"
echo "places, commune options, voie options: byte-identical to adressage run"

# 2. BAL 1.5 with ledgers, then the update of the communes that have a current BAL.
update=(--commune-options "$work/communes.csv" --bal-version 1.5
    --ledger "$work/ledgers/{insee}.sqlite")
mkdir -p "$work/ledgers"
batch "${update[@]}" --out "$work/v1" --jobs 2 >/dev/null
mkdir -p "$work/bal"
for insee in 06012 06032; do cp "$work/v1/$insee/bal-$insee.csv" "$work/bal/$insee.csv"; done
batch "${update[@]}" --existing "$work/bal/{insee}.csv" --out "$work/v2" --jobs 2 >/dev/null
for insee in 06012 06032 06150; do
    cmp "$work/v1/$insee/bal-$insee.csv" "$work/v2/$insee/bal-$insee.csv" ||
        fail "$insee changed when updated from its own BAL"
    set +e; v="$("$validator" "$work/v2/$insee/bal-$insee.csv" 1.5)"; s=$?; set -e
    node -e 'const v = JSON.parse(process.argv[1]);
if (v.profile !== "1.5" || v.blocked || v.alertCounts.E) {
    console.log(JSON.stringify(v.codeCounts)); process.exit(1); }' "$v" && [ "$s" -eq 0 ] ||
        fail "the official validator refuses $insee in profile 1.5"
done
node -e '
const s = require(process.argv[1]);
const e = Object.fromEntries(s.results.map(r => [r.insee, r.existing || ""]));
if (!e["06012"].endsWith("bal/06012.csv") || !e["06032"].endsWith("bal/06032.csv") || e["06150"])
    { console.log("FAIL: summary existing " + JSON.stringify(e)); process.exit(1); }
const p = s.results.map(r => r.preflight).join(",");
if (p !== "ok,ok,first") { console.log("FAIL: summary preflight " + p); process.exit(1); }
' "$work/v2/batch-summary.json"
grep -q '^06150;.*;first;' "$work/v2/batch-summary.csv" || fail "no preflight in the summary CSV"
cp "$work/ledgers/06012.sqlite" "$work/alone.sqlite"
run 06012 --bal-version 1.5 --ledger "$work/alone.sqlite" --existing "$work/bal/06012.csv" \
    --id-ban-commune 0c2f1d55-3e6b-4c7a-9d1e-0a0000006012 --out "$work/r2"
cmp "$work/r2/06012/bal-06012.csv" "$work/v2/06012/bal-06012.csv" ||
    fail "06012 updated in the batch differs from adressage run --existing"
echo "update: no byte changed, ids kept, validator 1.5 accepts, same as adressage run"

# 3. A newer current BAL for 06032 reruns 06032 alone.
batch "${update[@]}" --existing "$work/bal/{insee}.csv" --out "$work/v2" --resume >/dev/null
touch -d '2026-11-21 12:00' "$work/bal/06032.csv"
batch "${update[@]}" --existing "$work/bal/{insee}.csv" --out "$work/v2" --resume >/dev/null
node -e '
const s = require(process.argv[1]);
const st = Object.fromEntries(s.results.map(r => [r.insee, r.status]));
if (st["06012"] !== "reused" || st["06150"] !== "reused" || st["06032"] !== "ok")
    { console.log("FAIL: resume statuses " + JSON.stringify(st)); process.exit(1); }
' "$work/v2/batch-summary.json"
echo "resume: a changed current BAL reruns its commune alone"
echo PASS
