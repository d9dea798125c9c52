#!/usr/bin/env bash
# Usage: communes_deleguees.sh ADRESSAGE DATASET_DIR
# Terres-de-Bord (27412), a commune nouvelle of Montaure (27412) and Tostes (27648, cadastre
# prefix 648), with its Etalab buildings and parcels and the constructed road fixture
# (datasets/cadastre-27412-terres-de-bord/PROVENANCE.md); --communes-deleguees the cadastre
# sections (field prefixe). Checks, on the written BAL (one bâtiment position per address):
#  - every row's commune déléguée is the one whose sections hold its position, checked apart
#    from adressage with SpatiaLite (ogr2ogr's SQLite dialect) on the sections file;
#  - the names are the COG's (Montaure, Tostes), both communes déléguées have addresses;
#  - no voie code is shared by the two communes déléguées, and the voies the report lists as
#    split (the fixture's streets that cross the former boundary) are in both, under their codes;
#  - the report's communes_deleguees section agrees with the file.
set -euo pipefail
bin="$(realpath "$1")"; data="$(realpath "$2")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$bin" run --commune 27412 --preset cadastre --roads "$data/roads-CONSTRUCTED.geojson" \
    --buildings "/vsigzip/$data/batiments.geojson.gz" --parcels "/vsigzip/$data/parcelles.geojson.gz" \
    --boundary "/vsigzip/$data/sections.geojson.gz" \
    --communes-deleguees "/vsigzip/$data/sections.geojson.gz" \
    --out "$work/out" --date 2026-11-20 >/dev/null
bal="$work/out/27412/bal-27412.csv"

# The commune déléguée of each row's position, by SpatiaLite: the prefix of the section that
# contains it (000 is Montaure, 27412; 648 is Tostes, 27648).
ogr2ogr -f GPKG "$work/sections.gpkg" "/vsigzip/$data/sections.geojson.gz" -t_srs EPSG:2154 \
    -nln sections -lco GEOMETRY_NAME=geom -dialect SQLite -sql "SELECT prefixe, geometry FROM \"$(ogrinfo -q -so \
    "/vsigzip/$data/sections.geojson.gz" | sed -n 's/^1: \([^ ]*\).*/\1/p')\""
ogr2ogr -f GPKG -update "$work/sections.gpkg" "CSV:$bal" -nln bal -lco GEOMETRY_NAME=geom -a_srs EPSG:2154 \
    -oo X_POSSIBLE_NAMES=x -oo Y_POSSIBLE_NAMES=y -oo KEEP_GEOM_COLUMNS=YES
ogr2ogr -f CSV "$work/located.csv" "$work/sections.gpkg" -dialect SQLite -sql "
    SELECT b.cle_interop, b.voie_nom, b.commune_deleguee_insee AS written,
           CASE s.prefixe WHEN '000' THEN '27412' ELSE '27' || s.prefixe END AS located
    FROM bal b LEFT JOIN sections s ON ST_Contains(s.geom, b.geom)"

node -e '
const fs = require("fs");
const rows = (p) => { const [h, ...l] = fs.readFileSync(p, "utf8").trim().split("\n"); const k = h.split(/[;,]/).map(s => s.replace(/"/g, ""));
  return l.map(x => { const c = x.split(p.endsWith(".csv") && x.includes(";") ? ";" : ","); return Object.fromEntries(k.map((n, i) => [n, (c[i] || "").replace(/"/g, "")])); }); };
const bal = rows(process.argv[1]);
const located = rows(process.argv[2]);
const report = JSON.parse(fs.readFileSync(process.argv[3], "utf8"));
let fail = (m) => { console.log("FAIL: " + m); process.exit(1); };
if (located.length !== bal.length) fail(`${located.length} rows located for ${bal.length} written (a position in two sections or none)`);
const wrong = located.filter(r => r.written !== r.located);
if (wrong.length) fail(`${wrong.length} rows whose commune déléguée is not where they lie, e.g. ${JSON.stringify(wrong.slice(0, 3))}`);
const names = { "27412": "Montaure", "27648": "Tostes" };
const per = {};
for (const r of bal) {
  if (names[r.commune_deleguee_insee] !== r.commune_deleguee_nom) fail("commune déléguée " + r.commune_deleguee_insee + " named " + r.commune_deleguee_nom);
  per[r.commune_deleguee_insee] = (per[r.commune_deleguee_insee] || 0) + 1;
}
if (!(per["27412"] > 0 && per["27648"] > 0)) fail("addresses in one commune déléguée only: " + JSON.stringify(per));
// voie name → codes, and code → communes déléguées
const codes = {}, of_code = {};
for (const r of bal) {
  const code = r.cle_interop.split("_")[1];
  (codes[r.voie_nom] ??= new Set()).add(code);
  (of_code[code] ??= new Set()).add(r.commune_deleguee_insee);
}
for (const [code, d] of Object.entries(of_code)) if (d.size !== 1) fail(`voie code ${code} in ${[...d]}`);
const both = Object.entries(codes).filter(([n, c]) => new Set([...c].map(k => [...of_code[k]][0])).size === 2);
if (both.length === 0) fail("no voie name in both communes déléguées: the split was not exercised");
const section = report.communes_deleguees;
if (!section) fail("no communes_deleguees section in the report");
for (const d of section.communes_deleguees) if (d.buildings !== (per[d.insee] || 0)) fail(`report: ${d.insee} has ${d.buildings} buildings, file ${per[d.insee] || 0}`);
if (section.voies_split.length === 0) fail("the report lists no voie split");
const in_both = new Set(both.map(([n]) => n));
for (const v of section.voies_split) if (!in_both.has(v.voie_nom)) fail(`report: ${v.voie_nom} split, but not in both communes déléguées in the file`);
console.log(`rows per commune déléguée ${JSON.stringify(per)}; voies in both: ${both.map(([n]) => n).join(", ")}`);
' "$bal" "$work/located.csv" "$work/out/27412/report.json"
echo PASS
