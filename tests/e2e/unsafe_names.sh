#!/usr/bin/env bash
# Usage: unsafe_names.sh ADRESSAGE OSM_DIR
# Issue 25: road names read from the data that a spreadsheet would run as a formula (= + - @ at
# the start) or that carry invisible characters (a bidi override, a zero-width space, a control
# character) reach neither the BAL nor its review: Beausoleil's roads with four of their names
# made hostile. The run writes the commune (exit 0); the BAL's voie_nom are the clean names;
# report.json lists each name under names.flagged with the rule unsafe_characters.
# Names the BAL cannot hold (a 10,000-character name, a word of 5,000 letters)
# are bad records: skipped (names.roads voie_nom_trop_long: 8 pieces, 3 + 5), the commune
# written without them; so is a name with an unpaired surrogate (ED A0 80: voie_nom_not_utf8,
# 2 pieces), and report.json stays JSON.
set -euo pipefail
bin="$1"; osm="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cp "$osm/osm-06012.gpkg" "$work/roads.gpkg"
# Through GDAL: the file's R-tree triggers call GDAL's SQL functions.
while IFS= read -r sql; do
    ogrinfo -q "$work/roads.gpkg" -sql "$sql" >/dev/null
done <<'SQL'
UPDATE roads SET name = '=' || name WHERE name = 'Chemin Saint-Jean'
UPDATE roads SET name = '@+' || name WHERE name = 'Rue Bel Respiro'
UPDATE roads SET name = ' -' || name || char(8238) WHERE name = 'Chemin Romain'
UPDATE roads SET name = 'Chemin' || char(8203) || ' de' || char(7) || ' Grima' WHERE name = 'Chemin de Grima'
UPDATE roads SET name = 'Rue ' || replace(hex(zeroblob(5000)), '0', 'a') WHERE name = 'Avenue du Maréchal Foch'
UPDATE roads SET name = 'Avenue ' || replace(hex(zeroblob(2500)), '0', 'b') WHERE name = 'Avenue de Villaine'
UPDATE roads SET name = 'Rue ' || CAST(X'EDA080' AS TEXT) || ' Pasteur' WHERE name = 'Rue Pasteur'
SQL
[ "$(ogrinfo -q -ro "$work/roads.gpkg" -sql "SELECT COUNT(*) AS n FROM roads WHERE name LIKE '=Chemin%'" | grep -o 'n (Integer[^=]*= [0-9]*' | grep -o '[0-9]*$')" = 9 ] ||
    fail "the fixture's names were not changed"
"$bin" run --commune 06012 --roads "$work/roads.gpkg:roads" \
    --buildings "$osm/osm-06012.gpkg:buildings" --boundary "$osm/boundary-06012.geojson" \
    --out "$work/out" --date 2026-11-20 >/dev/null 2>"$work/stderr" || fail "run: $(cat "$work/stderr")"
bal="$work/out/06012/bal-06012.csv"
for name in "Chemin Saint-Jean" "Rue Bel Respiro" "Chemin Romain" "Chemin de Grima"; do
    grep -q ";$name;" "$bal" || fail "no voie_nom '$name' in the BAL"
done
# No cell starts with = + @, and no voie_nom with - (Beausoleil's coordinates are positive).
grep -q -E 'aaaaaaaaaa|bbbbbbbbbb' "$bal" && fail "a name too long is in the BAL"
if grep -q -E '(^|;)[=+@]|;-[^0-9]' "$bal"; then fail "a cell starts a formula: $(grep -m1 -E '(^|;)[=+@]|;-[^0-9]' "$bal")"; fi
if LC_ALL=C grep -q -P '[\x00-\x08\x0b\x0c\x0e-\x1f]|\xe2\x80[\x8b\xae]' "$bal"; then fail "an invisible character is in the BAL"; fi
node - "$work/out/06012/report.json" <<'JS'
const report = JSON.parse(require("fs").readFileSync(process.argv[2], "utf8"));
const flagged = report.names.flagged.filter((f) => f.rules.includes("unsafe_characters"));
const raw = flagged.map((f) => f.raw);
for (const want of ["=Chemin Saint-Jean", "@+Rue Bel Respiro", " -Chemin Romain\u202e",
                    "Chemin\u200b de\u0007 Grima"]) {
  if (!raw.includes(want)) { console.log("FAIL: not flagged: " + JSON.stringify(want)); process.exit(1); }
}
for (const f of flagged) {
  const expected = f.raw.startsWith("Chemin\u200b") ? "invisible_characters_removed" : "formula_prefix_removed";
  if (!f.flags.includes(expected)) { console.log("FAIL: " + JSON.stringify(f)); process.exit(1); }
}
const tooLong = report.skipped["names.roads"] && report.skipped["names.roads"].voie_nom_trop_long;
if (!tooLong || tooLong.count !== 8) { console.log("FAIL: names.roads skipped " + JSON.stringify(tooLong)); process.exit(1); }
const notUtf8 = report.skipped["names.roads"].voie_nom_not_utf8;
if (!notUtf8 || notUtf8.count !== 2) { console.log("FAIL: not UTF-8 skipped " + JSON.stringify(notUtf8)); process.exit(1); }
console.log("PASS: 8 road pieces skipped (voie_nom_trop_long), 2 (voie_nom_not_utf8); " + flagged.map((f) => JSON.stringify(f.raw) + " -> " + f.display + " [" + f.flags + "]").join("; "));
JS
