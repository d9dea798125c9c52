#!/usr/bin/env bash
# Usage: check_commune.sh ADRESSAGE INSEE [run options...]
# Runs `adressage run` twice into two fresh directories with a fixed date, checks that both
# runs wrote byte-identical BAL files, and that the official validator (profile 1.4) accepts
# the file with no alert of level E. Prints the validator's counts and the run's summary.
# The run report's geometric checks (adressage.* alerts) must have no alert of level W, except
# those listed in EXPECTED_GEOMETRIC_W ("code=count,..."), which must be there exactly as many
# times (a known true positive stays visible: if it goes away or grows, the test says so).
# review.gpkg must be byte-identical too and agree with the BAL and the report (check_review.sh).
# `adressage validate` must find none of its address checks (numero_duplique...) in the file.
set -euo pipefail
bin="$1"; insee="$2"; shift 2
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$bin" run "$@" --out "$work/a" --date 2026-11-20 >/dev/null
"$bin" run "$@" --out "$work/b" --date 2026-11-20 >/dev/null
bal="$work/a/$insee/bal-$insee.csv"
[ -s "$bal" ] || { echo "FAIL: $bal was not written"; exit 1; }
cmp "$bal" "$work/b/$insee/bal-$insee.csv" || { echo "FAIL: two runs differ"; exit 1; }
[ -s "$work/a/$insee/report.json" ] || { echo "FAIL: no report.json"; exit 1; }
# Nothing but the three outputs: no temporary file left behind.
extra="$(ls -A "$work/a/$insee" | grep -v -x -e "bal-$insee.csv" -e report.json -e review.gpkg || true)"
[ -z "$extra" ] || { echo "FAIL: unexpected files in the output: $extra"; exit 1; }
cmp "$work/a/$insee/review.gpkg" "$work/b/$insee/review.gpkg" ||
    { echo "FAIL: two runs wrote different review.gpkg"; exit 1; }
"$here/check_review.sh" "$work/a/$insee" "$insee"

set +e
verdict="$("$here/../validator/run" "$bal" 1.4)"
status=$?
set -e
node -e '
const v = JSON.parse(process.argv[1]);
const r = require(process.argv[2]);
console.log(`validator 1.4: blocked=${v.blocked} rows=${v.rowCount} E=${v.alertCounts.E} W=${v.alertCounts.W} I=${v.alertCounts.I}`);
for (const [code, c] of Object.entries(v.codeCounts)) console.log(`  ${c.level} ${code} x${c.count}`);
for (const e of v.profilErrors) console.log(`  profile: ${e.level} ${e.code} ${e.label}`);
console.log("summary:", JSON.stringify(r.summary));
if (v.profile !== "1.4") { console.log("FAIL: profile " + v.profile); process.exit(1); }
if (v.rowCount !== r.summary.rows_written || v.rowCount === 0) { console.log("FAIL: row count"); process.exit(1); }
// The run validated its own output before writing it, and agrees with the official verdict.
if (!r.validation || r.validation.blocked !== v.blocked || r.validation.profile !== "1.4") { console.log("FAIL: run report validation", JSON.stringify(r.validation)); process.exit(1); }
const ours = r.validation.alert_counts;
if (ours.E !== v.alertCounts.E || ours.W !== v.alertCounts.W || ours.I !== v.alertCounts.I) { console.log("FAIL: alert counts differ from the official validator"); process.exit(1); }
const g = r.geometric_checks;
if (!g) { console.log("FAIL: no geometric_checks in the run report"); process.exit(1); }
const expected = Object.fromEntries((process.argv[3] || "").split(",").filter(Boolean).map(e => { const [c, n] = e.split("="); return [c, Number(n)]; }));
let bad = false;
for (const [code, c] of Object.entries(g.codes)) {
    if (c.count > 0) console.log(`  geometric ${c.level} ${code} x${c.count}`, c.level === "W" ? JSON.stringify(c.examples) : "");
    const want = c.level === "W" ? (expected[code] || 0) : null;
    if (want !== null && c.count !== want) { console.log(`FAIL: geometric check ${code}: ${c.count} alerts of level W, ${want} expected`); bad = true; }
}
for (const code of Object.keys(expected)) if (!g.codes[code]) { console.log(`FAIL: unknown geometric check ${code}`); bad = true; }
if (bad) process.exit(1);
' "$verdict" "$work/a/$insee/report.json" "${EXPECTED_GEOMETRIC_W:-}"
if [ "$status" -ne 0 ]; then
    echo "FAIL: the official validator blocks the file (exit $status)"
    exit 1
fi
# The project's own address checks on its own output: no address twice (homonymous voies share
# their numbers), no number above 9999, no mixed suffixes, no two codes for one name within
# 500 m, no two addresses within 1 m. (The voie_nom style rules may flag names as read.)
"$bin" validate --format json "$bal" | node -e '
const d = JSON.parse(require("fs").readFileSync(0, "utf8"));
const rules = ["numero_duplique", "numero_superieur_9999", "suffixes_melanges", "voie_codes_multiples", "position.trop_proche"].map(c => "adressage." + c);
const found = {};
for (const r of d.adressage.rows) for (const e of r.errors) if (rules.includes(e.code)) found[e.code] = (found[e.code] || 0) + 1;
if (Object.keys(found).length) { console.log("FAIL: adressage address checks on our output: " + JSON.stringify(found)); process.exit(1); }
'
echo PASS
