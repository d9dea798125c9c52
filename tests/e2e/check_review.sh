#!/usr/bin/env bash
# Usage: check_review.sh OUTPUT_DIR INSEE
# Reads back the review.gpkg of a run with GDAL's own tools (ogrinfo, ogr2ogr), not with the code
# that wrote it, and checks it against the BAL and report.json beside it:
#  - the layers adresses, voies, voies_a_nommer, batiments and layer_styles, in the commune's
#    legal CRS;
#  - adresses: one point per BAL row, every BAL column with the row's value, at its x/y;
#  - batiments: every building read; its fates add up to the report's counts (numbered,
#    annexes, each reason of buildings_without_address, outside the commune, unusable);
#  - voies: the report's numbered voies; voies_a_nommer: the report's; assignations_ambigues: as
#    many as the report's ambiguous count (no cap), two segments each;
#  - alertes: as many as the report's row alerts (validator and adressage.* checks), each on a
#    row of the BAL, with a label, and the geometric checks' alerts (no row);
#  - with --existing: every row has statut_maj, and their count is the report's diff;
#  - layer_styles: one default style per layer, a QGIS style document;
#  - the file conforms to GeoPackage 1.2 (GDAL's validate_gpkg.py).
set -euo pipefail
dir="$(realpath "$1")"; insee="$2"
gpkg="$dir/review.gpkg"
[ -s "$gpkg" ] || { echo "FAIL: no $gpkg"; exit 1; }
"$(dirname "${BASH_SOURCE[0]}")/validate_gpkg.sh" "$gpkg"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for layer in alertes adresses assignations_ambigues voies voies_a_nommer batiments layer_styles; do
    ogr2ogr -f CSV "$work/$layer.csv" "$gpkg" "$layer" -lco SEPARATOR=SEMICOLON \
        -lco GEOMETRY=AS_WKT >/dev/null 2>&1 || { echo "FAIL: no layer $layer in $gpkg"; exit 1; }
done
srs="$(ogrinfo -ro -so "$gpkg" adresses | grep -o 'ID\["EPSG",[0-9]*\]\]$' | tail -1 || true)"
ogr2ogr -f CSV "$work/styles.csv" "$gpkg" -sql "SELECT f_table_name, useAsDefault, styleQML FROM layer_styles" >/dev/null
node - "$dir" "$insee" "$work" "$srs" <<'JS'
const fs = require("fs");
const [dir, insee, work, srs] = process.argv.slice(2);
const fail = (m) => { console.log("FAIL: review.gpkg: " + m); process.exit(1); };
// A CSV reader for GDAL's output (quoted fields with doubled quotes, separator `sep`).
function parse(text, sep) {
  const rows = []; let row = [], field = "", q = false;
  for (let i = 0; i < text.length; ++i) {
    const c = text[i];
    if (q) { if (c === '"') { if (text[i + 1] === '"') { field += '"'; ++i; } else q = false; } else field += c; }
    else if (c === '"') q = true;
    else if (c === sep) { row.push(field); field = ""; }
    else if (c === "\n") { row.push(field); rows.push(row); row = []; field = ""; }
    else if (c !== "\r") field += c;
  }
  if (field !== "" || row.length) { row.push(field); rows.push(row); }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, k) => [h, r[k] ?? ""])));
}
const read = (name, sep = ";") => parse(fs.readFileSync(`${work}/${name}.csv`, "utf8"), sep);
const report = require(`${dir}/report.json`);
const balFile = fs.readdirSync(dir).find((f) => f.endsWith(".csv"));
const bal = parse(fs.readFileSync(`${dir}/${balFile}`, "utf8").replace(/^\uFEFF/, ""), ";");
const adresses = read("adresses");
const epsg = String(report.crs).split(":")[1];
if (!epsg || !srs.includes(`"EPSG",${epsg}]`)) fail(`CRS ${srs}, report ${report.crs}`);
if (adresses.length !== bal.length) fail(`adresses ${adresses.length}, BAL rows ${bal.length}`);
const key = (r) => `${r.cle_interop}|${r.position}`;
const byKey = new Map(adresses.map((a) => [key(a), a]));
for (const row of bal) {
  const a = byKey.get(key(row));
  if (!a) fail(`no feature for BAL row ${key(row)}`);
  for (const [col, value] of Object.entries(row)) {
    const got = a[col];
    const same = ["x", "y", "long", "lat", "numero"].includes(col) ? Number(got) === Number(value) : got === value;
    if (!same) fail(`${key(row)} ${col}: "${got}" in the layer, "${value}" in the BAL`);
  }
  const m = /^POINT \(([-0-9.e]+) ([-0-9.e]+)\)$/.exec(a.WKT);
  if (!m || Number(m[1]) !== Number(row.x) || Number(m[2]) !== Number(row.y)) fail(`${key(row)} at ${a.WKT}, BAL ${row.x} ${row.y}`);
}
const s = report.summary, by = s.buildings_skipped_by_reason;
const batiments = read("batiments");
const ids = new Set(batiments.map((b) => `${b.source}:${b.batiment_fid}`));
if (ids.size !== batiments.length) fail(`${batiments.length - ids.size} buildings twice`);
if (batiments.length !== s.buildings_read) fail(`batiments ${batiments.length}, buildings read ${s.buildings_read}`);
let unusable = 0;
for (const r of Object.values((report.skipped || {})["ingest.buildings"] || {})) unusable += r.count;
const fates = {};
for (const b of batiments) fates[b.devenir] = (fates[b.devenir] || 0) + 1;
const lists = report.voies_a_nommer.buildings_without_address;
const expected = { numerote: s.buildings_numbered, annexe: lists.annex.length,
  en_attente_de_nom: lists.waiting_for_a_name.length, desserte_sous_le_minimum: lists.lane_below_min_buildings.length,
  sans_voie: lists.no_road_within_max_distance.length, hors_commune: by.outside_commune || 0,
  inutilisable: unusable };
for (const [fate, n] of Object.entries(expected)) if ((fates[fate] || 0) !== n) fail(`${fate}: ${fates[fate] || 0} buildings, report ${n}`);
if ((fates.annexe || 0) !== (by.annex_small || 0) + (by.annex_attached || 0)) fail(`annexes ${fates.annexe}, report ${JSON.stringify(by)}`);
const numbered = batiments.filter((b) => b.devenir === "numerote" && b.numeros === "").length;
if (numbered) fail(`${numbered} numbered buildings without numbers`);
const voies = read("voies");
if (voies.length !== s.voies_numbered) fail(`voies ${voies.length}, report ${s.voies_numbered}`);
const vn = read("voies_a_nommer");
if (vn.length !== report.voies_a_nommer.voies.length) fail(`voies_a_nommer ${vn.length}, report ${report.voies_a_nommer.voies.length}`);
const ambiguous = read("assignations_ambigues");
if (ambiguous.length !== report.assignment.ambiguous) fail(`assignations_ambigues ${ambiguous.length}, report ${report.assignment.ambiguous}`);
for (const a of ambiguous) {
  const m = /^MULTILINESTRING \(\(.*\),\(.*\)\)$/.exec(a.WKT);
  if (!m || !(Number(a.autre_distance_m) >= Number(a.distance_m) || a.regle === "parcelle")) fail(`ambiguous ${a.batiment_fid}: ${a.WKT} ${a.distance_m} ${a.autre_distance_m}`);
}
const alertes = read("alertes");
const v = report.validation, own = v.adressage_checks.alert_counts;
const geo = report.geometric_checks.alert_counts;
const alerts = v.alert_counts.E + v.alert_counts.W + v.alert_counts.I + (own.W || 0) + (own.I || 0) + geo.W + geo.I;
if (alertes.length !== alerts) fail(`alertes ${alertes.length}, report ${alerts} (${JSON.stringify(v.alert_counts)} ${JSON.stringify(own)} ${JSON.stringify(geo)})`);
const geometric = alertes.filter((a) => a.controle === "adressage (géométrie)");
// adresses.alertes: the codes of each row's alerts, all of the row alerts.
const coded = adresses.reduce((n, a) => n + (a.alertes ? a.alertes.split(",").length : 0), 0);
if (coded !== alertes.length - geometric.length) fail(`adresses.alertes: ${coded} codes, ${alertes.length - geometric.length} row alerts`);
const homonymes = voies.filter((v) => v.homonyme === "1").length;
const counts = report.counts;
if (homonymes > ((counts.voies || {}).homonym_voies || 0) || ((counts.number || {}).voies_numbered_after_a_homonym > 0 && homonymes < 2))
  fail(`voies.homonyme: ${homonymes}, report ${JSON.stringify(counts.voies)}`);
const ratios = adresses.filter((a) => a.rapport_ambiguite !== "");
if (ratios.some((a) => !(Number(a.rapport_ambiguite) >= 1))) fail("rapport_ambiguite below 1");
if (geometric.length !== geo.W + geo.I) fail(`geometric alertes ${geometric.length}, report ${JSON.stringify(geo)}`);
for (const a of geometric) if (a.ligne !== "" || !a.libelle || !a.label_en || !/^POINT/.test(a.WKT)) fail(`geometric alerte ${JSON.stringify(a)}`);
for (const a of alertes) {
  if (a.controle === "adressage (géométrie)") continue;
  const row = bal.find((r) => r.cle_interop === a.cle_interop && r.position === a.position);
  if (!row || !a.libelle || !/^[EWI]$/.test(a.niveau)) fail(`alerte ${a.code} on ${a.cle_interop}`);
}
const statuses = {};
for (const a of adresses) statuses[a.statut_maj] = (statuses[a.statut_maj] || 0) + 1;
const diff = report.update && report.update.diff;
if (diff && diff.old_rows > 0) {
  if (statuses[""]) fail(`${statuses[""]} rows without statut_maj after an update`);
  // The diff counts addresses; a row is one position of an address.
  const addresses = (status) => new Set(adresses.filter((a) => a.statut_maj === status).map((a) => a.cle_interop || a.id_ban_adresse)).size;
  if (addresses("cree") !== diff.created || addresses("modifie") !== diff.changed) fail(`statut_maj ${JSON.stringify(statuses)}, report diff ${JSON.stringify(diff)}`);
} else if (Object.keys(statuses).some((k) => k !== "")) fail(`statut_maj without --existing: ${JSON.stringify(statuses)}`);
const styles = read("styles", ",");
for (const layer of ["alertes", "adresses", "assignations_ambigues", "voies", "voies_a_nommer", "batiments"]) {
  const st = styles.filter((r) => r.f_table_name === layer);
  if (st.length !== 1 || st[0].useAsDefault !== "1" || !st[0].styleQML.includes("<qgis")) fail(`style of ${layer}`);
}
console.log(`review.gpkg: ${adresses.length} adresses (= BAL rows), ${voies.length} voies, ${vn.length} voies à nommer, ` +
            `${batiments.length} bâtiments ${JSON.stringify(fates)}, ${ambiguous.length} ambiguous, ${alertes.length} alertes (${geometric.length} geometric), statut_maj ${JSON.stringify(statuses)}, 6 styles`);
JS
