#!/usr/bin/env bash
# Usage: source_options.sh ADRESSAGE DATASETS
# Sources as GDAL users write them (formats/source_spec.hpp), checked against ogrinfo:
#  - layers named with a space, an accent and a colon, as path:layer and as path|layername=,
#    give the BAL of the same data under plain names;
#  - |where=, |sql= and |spat= read as many roads as ogrinfo counts with -where, -sql and -spat;
#    |oo= passes an open option; a batch reading its layers in FID parts keeps the |where=;
#  - a clause GDAL refuses, an unknown option and a bad box are one line, exit 2, nothing written.
set -euo pipefail
bin="$(realpath "$1")"; data="$(realpath "$2")"
osm="$data/osm-alpes-maritimes-2016"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cd "$work"
ogr2ogr -f GPKG odd.gpkg "$osm/osm-06012.gpkg" roads -nln "routes 2016"
ogr2ogr -update odd.gpkg "$osm/osm-06012.gpkg" buildings -nln "bâtiments"
ogr2ogr -update odd.gpkg "$osm/osm-06012.gpkg" buildings -nln "bâti:ments"
common=(--commune 06012 --boundary "$osm/boundary-06012.geojson" --date 2026-11-20 --no-review)
run() { # OUT ROADS BUILDINGS [options]
    local out="$1" roads="$2" buildings="$3"; shift 3
    "$bin" run "${common[@]}" --roads "$roads" --buildings "$buildings" --out "$out" "$@" >/dev/null
}
roads_read() { node -e 'console.log(require(process.argv[1]).counts.ingest.roads_read)' "$work/$1/06012/report.json"; }
count() { ogrinfo -ro -q "$@" | grep -c '^OGRFeature' || true; }

run plain "$osm/osm-06012.gpkg:roads" "$osm/osm-06012.gpkg:buildings"
run colon "odd.gpkg:routes 2016" "odd.gpkg:bâtiments"
run bar "odd.gpkg|layername=routes 2016" "odd.gpkg|layername=bâti:ments|oo=LIST_ALL_TABLES=NO"
run colon2 "odd.gpkg:routes 2016" "odd.gpkg:bâti:ments"
for r in colon bar colon2; do
    cmp plain/06012/bal-06012.csv "$r/06012/bal-06012.csv" || fail "$r: not the plain names' BAL"
done
echo "layer names with a space, an accent and a colon: the plain names' BAL"

where="highway = 'residential' OR highway = 'tertiary'"
run where "odd.gpkg|layername=routes 2016|where=$where" "odd.gpkg:bâtiments"
expected="$(count odd.gpkg "routes 2016" -where "$where")"
[ "$expected" -gt 10 ] || fail "ogrinfo counts $expected roads"
[ "$(roads_read where)" = "$expected" ] || fail "where: $(roads_read where) roads read, ogrinfo $expected"
sql="SELECT * FROM \"routes 2016\" WHERE $where"
run sql "odd.gpkg|sql=$sql" "odd.gpkg:bâtiments"
[ "$(roads_read sql)" = "$expected" ] || fail "sql: $(roads_read sql) roads read, ogrinfo $expected"
cmp where/06012/bal-06012.csv sql/06012/bal-06012.csv || fail "where and sql differ"
spat="7.415 43.735 7.425 43.745"
run spat "odd.gpkg|layername=routes 2016|spat=${spat// /,}" "odd.gpkg:bâtiments"
expected_spat="$(count odd.gpkg "routes 2016" -spat $spat)"
[ "$(roads_read spat)" = "$expected_spat" ] || fail "spat: $(roads_read spat) roads read, ogrinfo $expected_spat"
echo "where: $expected roads, sql: the same, spat: $expected_spat roads, as ogrinfo counts"

# A batch reads a GeoPackage whole in FID parts (attribute filters): the |where= stays.
ogr2ogr -f GPKG communes.gpkg "$osm/boundary-06012.geojson" -nln communes \
    -sql "SELECT *, '06012' AS insee FROM \"boundary-06012\""
"$bin" batch --communes 06012 --roads "odd.gpkg|layername=routes 2016|where=$where" \
    --buildings "odd.gpkg:bâtiments" --boundaries communes.gpkg --date 2026-11-20 --jobs 2 --read-layers whole --progress none \
    --out batch >/dev/null 2>&1 || fail "batch with a where: $(cat batch/batch-summary.csv)"
cmp where/06012/bal-06012.csv batch/06012/bal-06012.csv || fail "batch: the where was lost"
echo "batch (whole, FID parts, jobs 2): the run's BAL"

refused() { # WHAT REGEX ROADS
    set +e
    "$bin" run "${common[@]}" --roads "$3" --buildings "odd.gpkg:bâtiments" --out "bad" \
        >/dev/null 2>err
    local status=$?
    set -e
    [ "$status" -eq 2 ] || fail "$1: exit $status, expected 2"
    [ "$(wc -l <err)" -eq 1 ] || fail "$1: not one line: $(cat err)"
    grep -q -E -e "$2" err || fail "$1: $(cat err)"
    [ ! -e bad ] || fail "$1: --out was made"
}
refused "bad where" "GDAL refuses where=highway === 1 .*ogr2ogr -where" \
    "odd.gpkg|layername=routes 2016|where=highway === 1"
refused "bad sql" "GDAL refuses sql=SELEC nothing" "odd.gpkg|sql=SELEC nothing"
refused "unknown option" "unknown source option [|]filter= [(]options: layername" \
    "odd.gpkg|filter=x"
refused "bad box" "spat=1,2,3 is not XMIN,YMIN,XMAX,YMAX" "odd.gpkg|layername=routes 2016|spat=1,2,3"
refused "no value" "[|]where has no value" "odd.gpkg|where"
echo "refused: a bad where, a bad sql, an unknown option, a bad box, an option without value"
