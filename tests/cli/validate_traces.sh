#!/usr/bin/env bash
# Usage: validate_traces.sh ADRESSAGE OSM_DATASETS
# `adressage validate FILE --roads SRC --boundary SRC`: the geometric checks of a BAL against
# the road traces (pipeline/.../trace_checks.hpp).
#  1. La Turbie (06150) as `adressage run` writes it, in metric and in classic: no trace alert
#     (the run's own geometric checks found none), every address row checked.
#  2. The metric file altered by hand, each change at a known data row: an odd number made even
#     (its side is now wrong: cote_parite), a position moved 5 km south (hors_commune), a voie
#     renamed to a name no road has (not checked, counted). Exactly those alerts, at those rows,
#     and the file is still accepted (exit 0): the checks never block.
#  3. An unreadable --roads and a file of two communes: one line, exit 2.
set -euo pipefail
bin="$1"; osm="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
inputs=(--roads "$osm/osm-06150.gpkg:roads" --boundary "$osm/boundary-06150.geojson")
for mode in metric classic; do
    "$bin" run --commune 06150 "${inputs[@]}" --buildings "$osm/osm-06150.gpkg:buildings" \
        --numbering "$mode" --date 2026-11-20 --out "$work/$mode" >/dev/null
    json="$("$bin" validate --format json "$work/$mode/06150/bal-06150.csv" "${inputs[@]}")"
    node -e '
const d = JSON.parse(process.argv[1]);
const codes = d.adressage.rows.flatMap(r => r.errors.map(e => e.code)).filter(c =>
    /^adressage\.(numero\.(cote_parite|ordre)|position\.(autre_voie|hors_commune))$/.test(c));
if (codes.length) { console.log("FAIL: trace alerts on the run'"'"'s own file: " + codes); process.exit(1); }
if (d.adressage.traces.rowsChecked !== d.rowCount) {
    console.log("FAIL: " + JSON.stringify(d.adressage.traces) + " of " + d.rowCount + " rows"); process.exit(1); }
' "$json"
done
echo "the run's own files: no trace alert, every row checked"

# 2. Three changes at rows picked from the file: the first odd metric number of a voie with
# more than 3 addresses, the 10th row, the 20th row.
bal="$work/metric/06150/bal-06150.csv"
read -r odd moved renamed < <(node -e '
const lines = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n");
const h = lines[0].split(";"), voie = h.indexOf("voie_nom"), numero = h.indexOf("numero");
const rows = lines.slice(1).map(l => l.split(";"));
const count = {};
rows.forEach(r => { count[r[voie]] = (count[r[voie]] || 0) + 1; });
const odd = rows.findIndex((r, i) => i > 30 && count[r[voie]] > 3 && Number(r[numero]) % 2 === 1);
console.log(odd, 10, 20);' "$bal")
node -e '
const fs = require("fs");
const [file, out, odd, moved, renamed] = process.argv.slice(1);
const lines = fs.readFileSync(file, "utf8").split("\n");
const h = lines[0].split(";"), at = n => h.indexOf(n);
const edit = (row, f) => { const c = lines[Number(row) + 1].split(";"); f(c); lines[Number(row) + 1] = c.join(";"); };
edit(odd, c => { c[at("numero")] = String(Number(c[at("numero")]) + 1);
                 c[at("cle_interop")] = c[at("cle_interop")].replace(/_\d{5}$/, "_" + c[at("numero")].padStart(5, "0")); });
edit(moved, c => { c[at("y")] = (Number(c[at("y")]) - 5000).toFixed(2);
                   c[at("lat")] = (Number(c[at("lat")]) - 0.045).toFixed(7); });
edit(renamed, c => { c[at("voie_nom")] = "Allée du Nom Inconnu"; });
fs.writeFileSync(out, lines.join("\n"));' "$bal" "$work/altered.csv" "$odd" "$moved" "$renamed"
set +e
json="$("$bin" validate --format json "$work/altered.csv" "${inputs[@]}")"; status=$?
set -e
[ "$status" -eq 0 ] || fail "the altered file exited $status (the trace checks never block)"
node -e '
const d = JSON.parse(process.argv[1]);
const [odd, moved] = process.argv.slice(2).map(Number);
const got = d.adressage.rows.flatMap(r => r.errors.map(e => [r.line, e.code]))
    .filter(([l, c]) => /numero\.(cote_parite|ordre)|position\.(autre_voie|hors_commune)/.test(c));
const has = (line, code) => got.some(([l, c]) => l === line && c === code);
const ok = has(odd, "adressage.numero.cote_parite") && has(moved, "adressage.position.hors_commune") &&
    got.every(([l]) => l === odd || l === moved) && d.adressage.traces.rowsVoieNotInRoads === 1;
if (!ok) { console.log("FAIL: " + JSON.stringify(got) + " " + JSON.stringify(d.adressage.traces)); process.exit(1); }
' "$json" "$odd" "$moved"
text="$("$bin" validate "$work/altered.csv" "${inputs[@]}")"
grep -q "^$((odd + 2)): W adressage.numero.cote_parite — Numéro impair à droite .* / odd number right" <<<"$text" ||
    fail "no text line for the parity at file line $((odd + 2))"
grep -q "against the roads of 06150: .* 1 rows whose voie is not in the roads" <<<"$text" ||
    fail "no summary of the trace checks"
echo "altered file: parity at row $odd, outside the commune at row $moved, renamed voie counted"

# 3. Bad inputs: one line, exit 2.
expect2() { # REGEX ARGS...
    local regex="$1"; shift
    set +e; "$bin" validate "$@" >/dev/null 2>"$work/err"; local s=$?; set -e
    [ "$s" -eq 2 ] && [ "$(wc -l <"$work/err")" -eq 1 ] && grep -E -q "$regex" "$work/err" ||
        fail "validate $*: exit $s, stderr: $(cat "$work/err")"
}
expect2 "^adressage: error: --roads /nonexistent.gpkg: cannot open" "$bal" --roads /nonexistent.gpkg
expect2 "multi-commune-31591-67482.csv: holds 2 communes; check one commune's rows at a time" \
    "$(dirname "$0")/../fixtures/bal/bal-1.3-multi-commune-31591-67482.csv" "${inputs[@]}"
echo "bad inputs: one line, exit 2"
echo PASS
