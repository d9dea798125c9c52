#!/usr/bin/env bash
# Usage: config_file.sh ADRESSAGE DATASETS
# --config FILE (TOML, toml++): a run and a batch configured by a file with multi-line arrays,
# comments and keys in both spellings write the same BAL as the same flags; a flag given on the
# command line overrides the file; a misspelt key is one line naming the file and its line.
set -euo pipefail
bin="$1"; data="$2"
osm="$data/osm-alpes-maritimes-2016"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cat >"$work/run.toml" <<TOML
# Beausoleil, as the flags below give it
commune = "06012"
roads = [
    "$osm/osm-06012.gpkg:roads", # the OSM roads
]
buildings = ["$osm/osm-06012.gpkg:buildings"]
boundary = "$osm/boundary-06012.geojson"
max_distance = 120
homonym-distance = 400.5
numbering = "classic"
positions = "entrée,bâtiment"
date = "2026-11-20"
no-review = true
TOML
flags=(--commune 06012 --roads "$osm/osm-06012.gpkg:roads" --buildings "$osm/osm-06012.gpkg:buildings"
       --boundary "$osm/boundary-06012.geojson" --max-distance 120 --homonym-distance 400.5
       --numbering classic --positions "entrée,bâtiment" --date 2026-11-20 --no-review)
"$bin" run --config "$work/run.toml" --out "$work/file" >/dev/null
"$bin" run "${flags[@]}" --out "$work/flags" >/dev/null
cmp "$work/file/06012/bal-06012.csv" "$work/flags/06012/bal-06012.csv" ||
    fail "run: the config file and the flags give different BALs"
[ ! -e "$work/file/06012/review.gpkg" ] || fail "run: no_review = true was not taken"
# A flag overrides the file.
"$bin" run --config "$work/run.toml" --max-distance 60 --out "$work/over" >/dev/null
"$bin" run "${flags[@]/#120/60}" --out "$work/over-flags" >/dev/null
cmp "$work/over/06012/bal-06012.csv" "$work/over-flags/06012/bal-06012.csv" ||
    fail "run: --max-distance does not override the file"
cmp -s "$work/over/06012/bal-06012.csv" "$work/file/06012/bal-06012.csv" &&
    fail "run: --max-distance 60 changed nothing"
echo "run: the file gives the flags' BAL; a flag overrides it"

# The batch on the e2e batch fixture (layers and boundaries with their INSEE codes).
"$here/../e2e/batch/make_fixture.sh" "$data" "$work/fx" 2>/dev/null
cat >"$work/batch.toml" <<TOML
communes = [
    "06012",
    "06032", # Cap-d'Ail
]
roads = "$work/fx/layers.gpkg:roads"
buildings = "$work/fx/layers.gpkg:buildings"
boundaries = "$work/fx/boundaries.gpkg"
date = "2026-11-20"
jobs = 1
progress = "none"
TOML
"$bin" batch --config "$work/batch.toml" --out "$work/batch" >/dev/null
"$bin" batch --communes 06012 06032 --roads "$work/fx/layers.gpkg:roads" \
    --buildings "$work/fx/layers.gpkg:buildings" --boundaries "$work/fx/boundaries.gpkg" \
    --date 2026-11-20 --jobs 1 --progress none --out "$work/batch-flags" >/dev/null
for insee in 06012 06032; do
    [ -s "$work/batch/$insee/bal-$insee.csv" ] || fail "batch: no BAL for $insee"
    cmp "$work/batch/$insee/bal-$insee.csv" "$work/batch-flags/$insee/bal-$insee.csv" ||
        fail "batch: the config file and the flags give different BALs for $insee"
done
echo "batch: the file (multi-line arrays) gives the flags' BALs"

printf 'commune = "06012"\n# a comment\nmax_distanse = 3\n' >"$work/bad.toml"
set +e
"$bin" run --config "$work/bad.toml" --out "$work/bad" >/dev/null 2>"$work/err"
status=$?
set -e
[ "$status" -eq 2 ] || fail "misspelt key: exit $status, expected 2"
[ "$(wc -l <"$work/err")" -eq 1 ] || fail "misspelt key: not one line"
grep -q -F -- "--config $work/bad.toml: line 3: unknown key 'max_distanse'" "$work/err" ||
    fail "misspelt key: $(cat "$work/err")"
[ ! -e "$work/bad" ] || fail "misspelt key: --out was made"
echo "misspelt key: $(cat "$work/err")"
