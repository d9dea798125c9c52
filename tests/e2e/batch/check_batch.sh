#!/usr/bin/env bash
# Usage: check_batch.sh ADRESSAGE DATASETS
# `adressage batch` over the real communes of datasets/ (fixture: make_fixture.sh):
#  1. with --jobs 1 and --jobs 2, the layers read by area and whole, every BAL is
#     byte-identical to `adressage run` on the same layers with the commune's own boundary
#     file, and the manifests are identical;
#  2. a batch killed with SIGKILL after its first commune, then resumed, gives the same outputs
#     and manifest, and leaves no temporary file;
#  3. with a broken boundary (06150 given Luxiol's polygon), 06150 fails alone with its reason in
#     the summary (the data is not in the commune: checks/commune_extent.hpp), the others are identical, the exit code is 1 and 06150 has no output;
#  4. --resume reruns only what changed: an altered BAL is rewritten, the others are kept;
#  5. two shards (run by GNU parallel when installed) merged by batch-merge give the same BALs
#     and the same manifest as one batch;
#  6. layers held for the batch (GeoJSON, no spatial index) and layers read per commune
#     (GeoPackage, spatial filter) give the same manifest;
#  7. with run's pipeline options (classic, entrée+bâtiment, annex area) the BALs are still
#     byte-identical to `adressage run` with the same options;
#  (and review.gpkg: written by batch --review only, byte-identical to adressage run's;
#  batch-review.gpkg; --jobs 100000 clamped with one line)
#  8. features of the layers that cannot be used (tests/fixtures/batch/bad-*.geojson: no
#     geometry, a ring of 3 points) are listed once in skipped-features.csv and counted in the
#     summary, the same at jobs 1 and 2 and through two merged shards, and change no BAL.
set -euo pipefail
bin="$1"; data="$2"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$here/make_fixture.sh" "$data" "$work/fx" 2>/dev/null
osm="$data/osm-alpes-maritimes-2016"
communes="06012 06032 06150"
layers=(--roads "$work/fx/layers.gpkg:roads" --buildings "$work/fx/layers.gpkg:buildings")
date=(--date 2026-11-20)

for insee in $communes; do
    "$bin" run --commune "$insee" "${layers[@]}" --boundary "$osm/boundary-$insee.geojson" \
        --out "$work/ref" "${date[@]}" >/dev/null
done

batch() { "$bin" batch --communes 06012,06032,06150 "${layers[@]}" "${date[@]}" "$@"; }

# 1. --jobs 1 and --jobs 2 against the runs alone, the GeoPackage read by area (j1, j2) and
#    read whole (w1, w2: at jobs 2 in two parts of its FID ranges at once).
for reading in by-area whole; do
    for jobs in 1 2; do
        dir="$work/${reading:0:1}$jobs"
        [ "$reading" = by-area ] && dir="$work/j$jobs"
        batch --boundaries "$work/fx/boundaries.gpkg" --out "$dir" --jobs "$jobs" \
            --read-layers "$reading" --progress json >"$dir.jsonl" 2>/dev/null
        for insee in $communes; do
            cmp "$work/ref/$insee/bal-$insee.csv" "$dir/$insee/bal-$insee.csv" ||
                fail "jobs $jobs, $reading: $insee differs from adressage run"
        done
        grep -q '"event":"end"' "$dir.jsonl" || fail "no JSON-lines progress"
        [ "$(grep -c '"event":"commune"' "$dir.jsonl")" = 3 ] || fail "progress"
        [ "$(grep -c ';ok;' "$dir/batch-summary.csv")" = 3 ] || fail "summary: not 3 ok"
        cmp "$work/j1/batch-manifest.json" "$dir/batch-manifest.json" ||
            fail "manifests differ (jobs $jobs, $reading)"
    done
done
grep -q '"buildings_in_layers"' "$work/w2/batch-summary.json" || fail "GPKG not read whole"
echo "jobs 1 and 2, read by area and whole: byte-identical to adressage run"
# A --jobs beyond what the machine can start is clamped, with one line, not a crash.
batch --boundaries "$work/fx/boundaries.gpkg" --out "$work/many" --jobs 100000 --progress none \
    >/dev/null 2>"$work/many.err" || fail "--jobs 100000: exit $?"
[ "$(wc -l <"$work/many.err")" = 1 ] && grep -q -- '--jobs 100000 is more than .*; running [0-9]*$' "$work/many.err" ||
    fail "--jobs 100000: $(cat "$work/many.err")"
cmp "$work/j1/batch-manifest.json" "$work/many/batch-manifest.json" || fail "--jobs 100000: manifest"
echo "--jobs 100000: $(cat "$work/many.err")"
# The voies à nommer of each commune as adressage run finds them, counted in the summary.
for dir in j2 w2; do
    node -e '
const [ref, dir] = process.argv.slice(1);
for (const insee of ["06012", "06032", "06150"]) {
  const a = require(`${ref}/${insee}/report.json`).voies_a_nommer;
  const b = require(`${dir}/${insee}/report.json`).voies_a_nommer;
  if (JSON.stringify(a) !== JSON.stringify(b)) { console.log(`FAIL: ${insee}: voies à nommer differ`); process.exit(1); }
}
const turbie = require(`${dir}/batch-summary.json`).results.find((c) => c.insee === "06150");
if (!(turbie.voies_a_nommer > 0 && turbie.buildings_waiting_for_a_name > 0)) {
  console.log("FAIL: La Turbie has no voie à nommer in the summary"); process.exit(1);
}' "$work/ref" "$work/$dir" || fail "voies à nommer ($dir)"
done
head -1 "$work/j2/batch-summary.csv" | grep -q ';voies_a_nommer;buildings_waiting_for_a_name;' ||
    fail "summary CSV without the voies à nommer columns"
echo "voies à nommer: the same in batch as in run, counted in the summary"
# batch-review.gpkg, read with GDAL: a polygon per commune in EPSG:4326, the counts of each
# commune's report and of its summary line, a default style; the same bytes at jobs 1 and 2.
cmp "$work/j1/batch-review.gpkg" "$work/j2/batch-review.gpkg" || fail "batch-review.gpkg: jobs 1 and 2 differ"
"$here/../validate_gpkg.sh" "$work/j2/batch-review.gpkg" || fail "batch-review.gpkg"
ogr2ogr -f CSV "$work/dashboard.csv" "$work/j2/batch-review.gpkg" communes -lco GEOMETRY=AS_WKT
ogrinfo -ro -so "$work/j2/batch-review.gpkg" communes | grep -q 'ID\["EPSG",4326\]\]$' || fail "batch-review.gpkg: not EPSG:4326"
[ "$(ogrinfo -ro -q "$work/j2/batch-review.gpkg" -sql "SELECT COUNT(*) AS n FROM layer_styles WHERE f_table_name = 'communes' AND useAsDefault = 1" | grep -o '= [0-9]*')" = "= 1" ] ||
    fail "batch-review.gpkg: no default style"
node - "$work/dashboard.csv" "$work/j2" <<'JS' || fail "batch-review.gpkg"
const fs = require("fs");
const [csv, dir] = process.argv.slice(2);
const parse = (text, sep) => { // GDAL's CSV: quoted fields, doubled quotes
  const rows = []; let row = [], f = "", q = false;
  for (let i = 0; i < text.length; ++i) {
    const c = text[i];
    if (q) { if (c === '"') { if (text[i + 1] === '"') { f += '"'; ++i; } else q = false; } else f += c; }
    else if (c === '"') q = true; else if (c === sep) { row.push(f); f = ""; }
    else if (c === "\n") { row.push(f); rows.push(row); row = []; f = ""; } else if (c !== "\r") f += c;
  }
  const [h, ...body] = rows; return body.map((r) => Object.fromEntries(h.map((k, i) => [k, r[i]])));
};
const communes = parse(fs.readFileSync(csv, "utf8"), ",");
const summary = parse(fs.readFileSync(`${dir}/batch-summary.csv`, "utf8"), ";");
if (communes.length !== 3) { console.log(`FAIL: ${communes.length} communes`); process.exit(1); }
for (const c of communes) {
  const r = require(`${dir}/${c.insee}/report.json`);
  const lists = r.voies_a_nommer.buildings_without_address;
  const s = summary.find((l) => l.insee === c.insee);
  const expect = {
    status: "ok", buildings_read: r.summary.buildings_read, buildings_numbered: r.summary.buildings_numbered,
    buildings_annexes: lists.annex.length, buildings_waiting_for_a_name: lists.waiting_for_a_name.length,
    buildings_on_short_lanes: lists.lane_below_min_buildings.length, buildings_without_road: lists.no_road_within_max_distance.length,
    buildings_without_address: lists.waiting_for_a_name.length + lists.lane_below_min_buildings.length + lists.no_road_within_max_distance.length,
    ambiguous: r.assignment.ambiguous, voies_a_nommer: r.voies_a_nommer.voies.length, rows: r.summary.rows_written,
    alerts_W: r.validation.alert_counts.W, geometric_alerts_W: r.geometric_checks.alert_counts.W };
  for (const [k, v] of Object.entries(expect)) {
    if (String(c[k]) !== String(v)) { console.log(`FAIL: ${c.insee} ${k}: ${c[k]} in the map, ${v} in the report`); process.exit(1); }
    if (k in s && String(s[k]) !== String(v)) { console.log(`FAIL: ${c.insee} ${k}: ${s[k]} in the summary, ${v} in the report`); process.exit(1); }
  }
  const m = /^MULTIPOLYGON \(\(\(([-0-9.]+) ([-0-9.]+)/.exec(c.WKT);
  if (!m || Math.abs(Number(m[1]) - 7.4) > 0.2 || Math.abs(Number(m[2]) - 43.7) > 0.2) { console.log(`FAIL: ${c.insee} at ${c.WKT.slice(0, 60)}`); process.exit(1); }
}
console.log("batch-review.gpkg: " + communes.map((c) => `${c.insee} ${c.buildings_without_address} sans adresse`).join(", "));
JS
# review.gpkg: none by default; with --review, byte-identical to adressage run's at jobs 2.
for insee in $communes; do
    [ ! -e "$work/j2/$insee/review.gpkg" ] || fail "$insee: review.gpkg without --review"
done
batch --boundaries "$work/fx/boundaries.gpkg" --out "$work/rv" --jobs 2 --review \
    --progress none >/dev/null 2>&1 || fail "batch --review"
# The same layers, read with GDAL; the buildings outside the commune are a single run's only
# (a batch gives each commune the buildings inside it: the others are its neighbours').
review_csv() { # GPKG DIR
    mkdir -p "$2"
    for layer in alertes adresses assignations_ambigues voies voies_a_nommer layer_styles; do
        ogr2ogr -f CSV "$2/$layer.csv" "$1" "$layer" -lco GEOMETRY=AS_WKT
    done
    ogr2ogr -f CSV "$2/batiments.csv" "$1" -lco GEOMETRY=AS_WKT \
        -sql "SELECT * FROM batiments WHERE devenir NOT IN ('hors_commune', 'inutilisable')"
}
for insee in $communes; do
    review_csv "$work/ref/$insee/review.gpkg" "$work/rvcsv/ref-$insee"
    review_csv "$work/rv/$insee/review.gpkg" "$work/rvcsv/rv-$insee"
    diff -r "$work/rvcsv/ref-$insee" "$work/rvcsv/rv-$insee" >/dev/null ||
        fail "$insee: batch --review differs from adressage run's review.gpkg"
done
cp "$work/rv/06012/review.gpkg" "$work/rv-06012-first.gpkg"
batch --boundaries "$work/fx/boundaries.gpkg" --out "$work/rv" --jobs 1 --review \
    --progress none >/dev/null 2>&1 || fail "batch --review, jobs 1"
cmp "$work/rv/06012/review.gpkg" "$work/rv-06012-first.gpkg" ||
    fail "review.gpkg differs between jobs 1 and 2"
echo "review.gpkg: none by default, with --review the same layers as adressage run's, the same bytes at jobs 1 and 2"

# 2. Killed after the first commune, then resumed.
"$bin" batch --communes 06012,06032,06150 "${layers[@]}" "${date[@]}" \
    --boundaries "$work/fx/boundaries.gpkg" --out "$work/k" --jobs 1 --progress none \
    >/dev/null 2>&1 &
pid=$!
for _ in $(seq 1 3000); do
    [ -s "$work/k/batch-manifest.json.journal" ] && break
    sleep 0.01
done
kill -9 "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
[ ! -e "$work/k/batch-manifest.json" ] || fail "the batch ended before the kill"
done_before="$(wc -l <"$work/k/batch-manifest.json.journal")"
batch --boundaries "$work/fx/boundaries.gpkg" --out "$work/k" --jobs 2 --progress none \
    --resume >"$work/resume.txt"
for insee in $communes; do
    cmp "$work/ref/$insee/bal-$insee.csv" "$work/k/$insee/bal-$insee.csv" ||
        fail "resumed: $insee differs"
done
cmp "$work/j1/batch-manifest.json" "$work/k/batch-manifest.json" || fail "resumed manifest"
leftover="$(find "$work/k" -name '.*' -o -name '*.journal' | head -1)"
[ -z "$leftover" ] || fail "left behind: $leftover"
grep -q "($done_before unchanged)" "$work/resume.txt" ||
    fail "resume after $done_before communes: $(head -1 "$work/resume.txt")"
echo "killed after $done_before commune(s) and resumed: same outputs and manifest"

# 3. One broken commune.
set +e
batch --boundaries "$work/fx/broken.gpkg" --out "$work/b" --jobs 2 --progress none >/dev/null \
    2>"$work/broken.err"
status=$?
set -e
[ "$status" = 1 ] || fail "broken batch: exit $status, expected 1"
for insee in 06012 06032; do
    cmp "$work/ref/$insee/bal-$insee.csv" "$work/b/$insee/bal-$insee.csv" ||
        fail "broken batch: $insee differs"
done
[ ! -e "$work/b/06150" ] || fail "broken batch: 06150 has outputs"
grep -q "^06150;La Turbie;failed;.*the data is not in this commune .*it fits 25354 Luxiol" \
    "$work/b/batch-summary.csv" ||
    fail "broken batch: no reason for 06150 in the summary"
grep -q '1 commune(s) failed' "$work/broken.err" || fail "broken batch: no failure message"
[ "$(ogrinfo -ro -q "$work/b/batch-review.gpkg" -sql "SELECT status FROM communes WHERE insee = '06150'" | grep -o 'status (String) = [a-z]*')" = "status (String) = failed" ] ||
    fail "broken batch: 06150 not failed in batch-review.gpkg"
echo "broken boundary: 06150 fails alone"

# 4. --resume rewrites what changed only.
echo "altered" >>"$work/j1/06032/bal-06032.csv"
batch --boundaries "$work/fx/boundaries.gpkg" --out "$work/j1" --jobs 2 --progress none \
    --resume >"$work/resume2.txt"
grep -q '(2 unchanged)' "$work/resume2.txt" || fail "resume: $(head -1 "$work/resume2.txt")"
cmp "$work/ref/06032/bal-06032.csv" "$work/j1/06032/bal-06032.csv" || fail "not rewritten"
# 5. Two shards, merged.
shard() { # scalars only: GNU parallel runs it in a fresh shell
    "$bin" batch --communes 06012,06032,06150 --roads "$work/fx/layers.gpkg:roads" \
        --buildings "$work/fx/layers.gpkg:buildings" --date 2026-11-20 \
        --boundaries "$work/fx/boundaries.gpkg" --out "$work/s" --jobs 1 --progress none \
        --shard "$1/2" >/dev/null
}
if command -v parallel >/dev/null; then
    export -f shard
    export bin work
    parallel --halt now,fail=1 shard ::: 1 2 || fail "GNU parallel shards"
    runner="GNU parallel"
else
    shard 1 && shard 2
    runner="one after the other (GNU parallel not installed)"
fi
"$bin" batch-merge "$work/s" >/dev/null || fail "batch-merge"
cmp "$work/j2/batch-manifest.json" "$work/s/batch-manifest.json" || fail "merged manifest"
for insee in $communes; do
    cmp "$work/ref/$insee/bal-$insee.csv" "$work/s/$insee/bal-$insee.csv" ||
        fail "shards: $insee differs"
done
[ "$(grep -c ';ok;' "$work/s/batch-summary.csv")" = 3 ] || fail "merged summary"
cmp "$work/j2/batch-review.gpkg" "$work/s/batch-review.gpkg" || fail "merged batch-review.gpkg"
echo "two shards ($runner) merged: same outputs and manifest"

# 6. Layers without a spatial index (GeoJSON: read once and held) and with one (GeoPackage:
#    read per commune with a spatial filter) give the same inputs, so the same manifest.
for layer in roads buildings; do
    ogr2ogr -f GeoJSON -preserve_fid "$work/fx/$layer.geojson" "$work/fx/layers.gpkg" "$layer"
done
"$bin" batch --communes 06012,06032,06150 --roads "$work/fx/roads.geojson" \
    --buildings "$work/fx/buildings.geojson" "${date[@]}" --boundaries "$work/fx/boundaries.gpkg" \
    --out "$work/g" --jobs 2 --progress none >/dev/null
grep -q '"buildings_in_layers"' "$work/g/batch-summary.json" || fail "GeoJSON layers not held"
grep -q '"buildings_in_communes"' "$work/j2/batch-summary.json" || fail "GPKG not per commune"
cmp "$work/j2/batch-manifest.json" "$work/g/batch-manifest.json" || fail "held vs per commune"
echo "held layers and layers read per commune: same manifest"

# 7. The pipeline options of `adressage run` mean the same in a batch (one declaration,
#    add_pipeline_options): classic numbering, two positions and a larger annex area.
opts=(--numbering classic --positions entrée,bâtiment --min-building-area 30)
for insee in $communes; do
    "$bin" run --commune "$insee" "${layers[@]}" --boundary "$osm/boundary-$insee.geojson" \
        --out "$work/ref7" "${date[@]}" "${opts[@]}" >/dev/null
done
batch --boundaries "$work/fx/boundaries.gpkg" --out "$work/o7" --jobs 2 --progress none \
    "${opts[@]}" >/dev/null
for insee in $communes; do
    cmp "$work/ref7/$insee/bal-$insee.csv" "$work/o7/$insee/bal-$insee.csv" ||
        fail "pipeline options: $insee differs from adressage run"
    cmp -s "$work/ref/$insee/bal-$insee.csv" "$work/o7/$insee/bal-$insee.csv" &&
        fail "pipeline options: $insee has the default output"
done
echo "pipeline options: same as adressage run"

# 8. Features that cannot be used, added to the layers.
cp "$work/fx/layers.gpkg" "$work/fx/bad.gpkg"
fixtures="$here/../../fixtures/batch"
ogr2ogr -append -nln buildings "$work/fx/bad.gpkg" "$fixtures/bad-buildings.geojson"
ogr2ogr -append -nln roads "$work/fx/bad.gpkg" "$fixtures/bad-roads.geojson"
bad=(--roads "$work/fx/bad.gpkg:roads" --buildings "$work/fx/bad.gpkg:buildings")
bad_batch() {
    "$bin" batch --communes 06012,06032,06150 "${bad[@]}" "${date[@]}" \
        --boundaries "$work/fx/boundaries.gpkg" --progress none "$@"
}
for jobs in 1 2; do
    bad_batch --out "$work/bad$jobs" --jobs "$jobs" --read-layers whole >"$work/bad$jobs.txt"
    grep -q '^skipped:  3 road or building' "$work/bad$jobs.txt" || fail "skipped: not told"
    for insee in $communes; do
        cmp "$work/ref/$insee/bal-$insee.csv" "$work/bad$jobs/$insee/bal-$insee.csv" ||
            fail "bad features: $insee differs"
    done
done
cmp "$work/bad1/skipped-features.csv" "$work/bad2/skipped-features.csv" || fail "skipped: jobs"
[ "$(grep -c ';null_geometry$' "$work/bad1/skipped-features.csv")" = 2 ] ||
    fail "skipped: the features without geometry"
grep -q '^buildings;.*bad.gpkg:buildings;[0-9]*;degenerate_geometry$' \
    "$work/bad1/skipped-features.csv" || fail "skipped: the ring of 3 points"
grep -q '"count": 3' "$work/bad1/batch-summary.json" || fail "skipped: not in the summary"
# Read by area, a feature without geometry is in no area: only the ring is read, once.
bad_batch --out "$work/bada" --jobs 2 --read-layers by-area >/dev/null
[ "$(tail -n +2 "$work/bada/skipped-features.csv")" = \
  "$(grep degenerate_geometry "$work/bad1/skipped-features.csv")" ] || fail "skipped: by area"
for k in 1 2; do
    bad_batch --out "$work/bads" --jobs 1 --read-layers whole --shard "$k/2" >/dev/null
done
"$bin" batch-merge "$work/bads" >/dev/null || fail "batch-merge with skipped features"
cmp "$work/bad1/skipped-features.csv" "$work/bads/skipped-features.csv" ||
    fail "skipped: merged shards"
echo "features that cannot be used: listed once, the same at jobs 1 and 2 and merged"

# 9. Two building sources read whole: at jobs 2 each part holds some of both, source after
#    source, and the batch puts them back in source order: the BALs of adressage run.
ogr2ogr -where "fid % 2 = 1" -nln buildings "$work/fx/odd.gpkg" "$work/fx/layers.gpkg" buildings
ogr2ogr -where "fid % 2 = 0" -nln buildings "$work/fx/even.gpkg" "$work/fx/layers.gpkg" buildings
two=(--roads "$work/fx/layers.gpkg:roads"
     --buildings "$work/fx/odd.gpkg:buildings" "$work/fx/even.gpkg:buildings")
for insee in $communes; do
    "$bin" run --commune "$insee" "${two[@]}" --boundary "$osm/boundary-$insee.geojson" \
        --out "$work/ref2" "${date[@]}" >/dev/null
done
for jobs in 1 2; do
    "$bin" batch --communes 06012,06032,06150 "${two[@]}" "${date[@]}" --jobs "$jobs" \
        --boundaries "$work/fx/boundaries.gpkg" --read-layers whole --progress none \
        --out "$work/two$jobs" >/dev/null
    for insee in $communes; do
        cmp "$work/ref2/$insee/bal-$insee.csv" "$work/two$jobs/$insee/bal-$insee.csv" ||
            fail "two building sources, jobs $jobs: $insee differs from adressage run"
    done
done
# The input fingerprints hash the buildings in the order read: the same at jobs 1 and 2.
cmp "$work/two1/batch-manifest.json" "$work/two2/batch-manifest.json" ||
    fail "two building sources: manifests differ"
echo "two building sources read whole: source order, the BALs of adressage run"
echo PASS
