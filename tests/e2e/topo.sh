#!/usr/bin/env bash
# Usage: topo.sh ADRESSAGE OSM_DIR TOPO_CSV
# Voie codes from TOPO (--topo) on Beausoleil 06012 with the constructed TOPO fixture
# (tests/fixtures/topo/PROVENANCE.md: real OSM voie names, invented codes). Checks:
#  1. the numbered voies the fixture names take its codes (exact and fuzzy), the near miss "Route de
#     Menton" / "AV DE MENTON" and the cancelled "RUE DES ORCHIDEES" stay temporary;
#  2. the official validator accepts the file in profile 1.4;
#  3. an update on the run's own output with --topo keeps every code: byte-identical file;
#  4. an update of a BAL written without --topo (temporary codes only) keeps its codes: a code
#     of the existing BAL is never replaced, the file is byte-identical.
set -euo pipefail
bin="$(realpath "$1")"; osm="$(realpath "$2")"; topo="$(realpath "$3")"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
fail() { echo "FAIL: $*"; exit 1; }
run() { "$bin" run --commune 06012 --roads "$osm/osm-06012.gpkg:roads" \
    --buildings "$osm/osm-06012.gpkg:buildings" --boundary "$osm/boundary-06012.geojson" \
    --date 2026-11-20 --topo "$topo" "$@" >/dev/null; }
run --out a
bal=a/06012/bal-06012.csv
# cle_interop of the first row of voie $1.
code_of() { awk -F';' -v n="$1" '$9 == n { split($4, k, "_"); print k[2]; exit }' "$bal"; }
expect() { local got; got="$(code_of "$1")"; [ "$got" = "$2" ] || fail "$1: code '$got', expected $2"; }
expect "Rue Victor Hugo" 0070
expect "Rue du Vallonet" 0090
expect "Chemin de la Crémaillère" 0110
expect "Boulevard de la République" 0030
expect "Avenue Général de Gaulle" 0040
expect "Avenue du Maréchal Foch" 0050
expect "Avenue de Verdun" 0060
for nom in "Route de Menton" "Rue des Orchidées"; do
    got="$(code_of "$nom")"
    [ -z "$got" ] || [ "${got:0:1}" = x ] || fail "$nom: code '$got', expected a temporary one"
done
node -e '
const t = require(process.argv[1]).topo;
console.log(`topo: ${t.topo_voies} TOPO voies, exact ${t.matched_exact}, fuzzy ${t.matched_fuzzy}, left temporary ${t.left_temporary}`);
for (const m of t.matches) console.log(`  ${m.match} ${m.score} ${m.code} ${m.nom} <- ${m.topo_label}`);
for (const r of t.review.filter(r => r.best_candidate && r.score >= 0.6)) console.log(`  review ${r.reason} ${r.score} ${r.code} ${r.nom} ~ ${r.best_candidate.label}`);
if (t.cancelled_skipped !== 1) { console.log("FAIL: cancelled"); process.exit(1); }
if (t.matched_exact < 5 || t.matched_fuzzy < 2) { console.log("FAIL: too few matches"); process.exit(1); }
if (!t.review.some(r => r.nom === "Route de Menton" && r.reason === "below_threshold" && r.best_candidate.code === "0120")) { console.log("FAIL: Route de Menton not listed for review"); process.exit(1); }
' "$work/a/06012/report.json"

set +e
verdict="$("$here/../validator/run" "$bal" 1.4)"
status=$?
set -e
node -e 'const v=JSON.parse(process.argv[1]); if (v.profile!=="1.4"||v.blocked||v.alertCounts.E) {console.log(JSON.stringify(v.codeCounts)); process.exit(1)}' "$verdict" \
    && [ "$status" -eq 0 ] || fail "the official validator refuses $bal"

run --out b --existing "$bal"
cmp "$bal" b/06012/bal-06012.csv || fail "an update with --topo changed the file"

"$bin" run --commune 06012 --roads "$osm/osm-06012.gpkg:roads" \
    --buildings "$osm/osm-06012.gpkg:buildings" --boundary "$osm/boundary-06012.geojson" \
    --date 2026-11-20 --out c >/dev/null
run --out d --existing c/06012/bal-06012.csv
cmp c/06012/bal-06012.csv d/06012/bal-06012.csv || fail "--topo replaced codes of the existing BAL"
echo "OK"
