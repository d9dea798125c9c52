#!/usr/bin/env bash
# Usage: voie_names.sh ADRESSAGE OSM_DIR
# The voies à nommer workflow on La Turbie (06150, OSM 2016, with its places):
#  1. a run finds the voies à nommer: at least 500 of the buildings no named voie serves wait for
#     a name, and at most 3 % of the buildings to number are left with no voie at all;
#  2. the council's answer, --voie-names: rank 1 where the report proposes names, a name of our
#     own elsewhere; check_commune.sh then runs it twice (byte-identical BAL, official validator
#     without blocking alert), and the waiting buildings are numbered.
set -euo pipefail
bin="$(realpath "$1")"; osm="$(realpath "$2")"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
args=(--commune 06150 --roads "$osm/osm-06150.gpkg:roads" --buildings "$osm/osm-06150.gpkg:buildings"
      --boundary "$osm/boundary-06150.geojson" --places "$osm/places-06150.geojson")

"$bin" run "${args[@]}" --out "$work/first" --date 2026-11-20 >/dev/null
node -e '
const fs = require("fs");
const r = require(process.argv[1]);
const v = r.voies_a_nommer, s = r.summary.buildings_skipped_by_reason;
const toNumber = r.summary.buildings_read - (s.annex_small || 0) - (s.annex_attached || 0) - (s.outside_commune || 0);
const left = v.buildings_without_named_voie - v.buildings_waiting_for_a_name;
console.log(`voies à nommer: ${v.voies.length}, ${v.buildings_waiting_for_a_name} buildings waiting; ` +
            `${left} of ${toNumber} buildings to number without any voie (${(100 * left / toNumber).toFixed(1)} %)`);
if (v.buildings_waiting_for_a_name < 500) { console.log("FAIL: fewer than 500 buildings wait for a name"); process.exit(1); }
if (left > 0.03 * toNumber) { console.log("FAIL: more than 3 % left without a voie"); process.exit(1); }
const words = ["Mimosas", "Lavandes", "Oliviers", "Cyprès", "Caroubiers", "Amandiers", "Citronniers",
  "Orangers", "Genêts", "Romarins", "Arbousiers", "Lentisques", "Myrtes", "Agaves", "Câpriers",
  "Jasmins", "Glycines", "Pervenches", "Tilleuls", "Platanes", "Micocouliers", "Figuiers de Barbarie",
  "Bougainvilliers", "Lauriers-Roses", "Palmiers", "Grenadiers", "Néfliers", "Kakis", "Bigaradiers",
  "Cédrats", "Mandariniers", "Pistachiers", "Asphodèles", "Cistes", "Immortelles", "Hysopes",
  "Santolines", "Sarriettes", "Marjolaines", "Sauges", "Fenouils", "Lis", "Iris", "Capucines",
  "Soucis", "Anémones", "Renoncules", "Violiers", "Giroflées", "Œillets", "Mufliers", "Pivoines"];
let lines = ["id;nom"], ours = 0, ranked = 0;
for (const x of v.voies) {
  if (x.proposals.length > 0) { lines.push(`${x.id};1`); ++ranked; }
  else { lines.push(`${x.id};Allée des ${words[ours++]}`); }
}
fs.writeFileSync(process.argv[2], lines.join("\n") + "\n");
fs.writeFileSync(process.argv[3], String(r.summary.buildings_numbered + v.buildings_waiting_for_a_name));
console.log(`--voie-names: ${ranked} by rank 1, ${ours} named by the test`);
' "$work/first/06150/report.json" "$work/names.csv" "$work/expected"

"$here/check_commune.sh" "$bin" 06150 "${args[@]}" --voie-names "$work/names.csv"
"$bin" run "${args[@]}" --voie-names "$work/names.csv" --out "$work/named" --date 2026-11-20 >/dev/null
node -e '
const r = require(process.argv[1]);
const expected = Number(require("fs").readFileSync(process.argv[2], "utf8"));
console.log(`named: ${r.voie_names.named.length} voies, ${r.summary.buildings_numbered} buildings numbered (expected at least ${expected})`);
if (r.summary.buildings_numbered < expected) { console.log("FAIL: the named voies did not number their buildings"); process.exit(1); }
' "$work/named/06150/report.json" "$work/expected"
