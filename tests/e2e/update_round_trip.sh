#!/usr/bin/env bash
# Usage: update_round_trip.sh ADRESSAGE DATASETS FIXTURES_BAL
# Round trip of the real BAL samples (tests/fixtures/bal) through `adressage run --existing`:
# with no building to number (the boundary is Luxiol's, where no input building stands: data
# known not to be the sample's commune, so --no-commune-check), the
# file written holds every row of the sample's commune with every value as it was read, column
# by column (tests/e2e/rows_kept.js: BAL 1.4 columns; a 1.3 uid_adresse becomes the id_ban_*
# columns; a cle_interop the validator reads padded is written so), and the official validator
# accepts it (no alert of level E). Then:
#  - a file of two communes: each run keeps its commune's rows and says it left the others out;
#    the two outputs together are the input;
#  - AITF 1.1 (no commune_insee): the commune is the first part of cle_interop, as the
#    validator tells it; the rows that no commune's run can keep are named;
#  - BAL 1.5 (no cle_interop) read to write 1.4: cle_interop rebuilt, with the ledger's voie
#    codes (those of the 1.3 file the 1.5 one was made from) or temporary ones.
set -euo pipefail
bin="$(realpath "$1")"; data="$(realpath "$2")"; fixtures="$(realpath "$3")"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
validator="$here/../validator/run"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
# run INSEE EXISTING OUT [options...]: stdout in OUT.txt
run() {
    local insee="$1" existing="$2" out="$3"; shift 3
    "$bin" run --commune "$insee" --roads "$data/osm-alpes-maritimes-2016/osm-06012.gpkg:roads" \
        --buildings "$data/osm-alpes-maritimes-2016/osm-06012.gpkg:buildings" \
        --boundary "$data/cadastre-25354-luxiol/luxiol-25354.gpkg:commune" \
        --no-commune-check --existing "$existing" --out "$work/$out" --date 2026-11-20 "$@" \
        > "$work/$out.txt"
}
bal() { echo "$work/$1/$2/bal-$2.csv"; }
report() { node -e 'const r=require(process.argv[1]); console.log(JSON.stringify(eval("r."+process.argv[2])))' \
    "$work/$1/$2/report.json" "$3"; }
accepted() { # FILE PROFILE
    set +e; local v; v="$("$validator" "$1" "$2")"; local s=$?; set -e
    node -e 'const v=JSON.parse(process.argv[1]); if (v.profile!==process.argv[2]||v.blocked||v.alertCounts.E) {console.log(JSON.stringify(v.profilErrors)); process.exit(1)}' "$v" "$2" \
        && [ "$s" -eq 0 ] || fail "the official validator refuses $1 in profile $2"
    echo "  validator $2: accepted, W $(node -e 'console.log(JSON.parse(process.argv[1]).alertCounts.W)' "$v")"
}
kept() { node "$here/rows_kept.js" "$@"; }

# One commune per file.
for sample in bal-1.4-31591-escoulis-with-ban-ids.csv:31591 \
              bal-1.3-71346-perrecy-les-forges-extract.csv:71346; do
    file="$fixtures/${sample%%:*}"; insee="${sample##*:}"
    run "$insee" "$file" "one-$insee"
    kept "$file" "$insee" "$(bal "one-$insee" "$insee")"
    accepted "$(bal "one-$insee" "$insee")" 1.4
done

# Two communes in one file: each run keeps its own rows and says what it left out.
multi="$fixtures/bal-1.3-multi-commune-31591-67482.csv"
for pair in 31591:67482:3 67482:31591:2; do
    IFS=: read -r insee other line <<< "$pair"
    run "$insee" "$multi" "multi-$insee"
    kept "$multi" "$insee" "$(bal "multi-$insee" "$insee")"
    accepted "$(bal "multi-$insee" "$insee")" 1.4
    [ "$(report "multi-$insee" "$insee" "update.other_communes.by_commune")" = "{\"$other\":{\"lines\":[$line],\"rows\":1}}" ] \
        || fail "multi $insee: report: $(report "multi-$insee" "$insee" update.other_communes)"
    grep -qx "update: 1 row of other communes left out ($other: 1), this BAL is $insee's only; run each commune with the same --existing" \
        "$work/multi-$insee.txt" || fail "multi $insee: no line about the other commune: $(cat "$work/multi-$insee.txt")"
done
kept "$multi" 31591,67482 "$(bal multi-31591 31591)" "$(bal multi-67482 67482)"

# AITF 1.1: the commune of a row is the first part of its cle_interop.
aitf="$fixtures/bal-aitf-1.1-67482-strasbourg-sample.csv"
for insee in 67482 35001; do
    run "$insee" "$aitf" "aitf-$insee"
    kept "$aitf" "$insee" "$(bal "aitf-$insee" "$insee")"
    accepted "$(bal "aitf-$insee" "$insee")" 1.4
done
# (JavaScript lists the keys that read as integers first.)
[ "$(report aitf-67482 67482 "update.other_communes.by_commune")" = \
  '{"29189":{"lines":[16],"rows":1},"35001":{"lines":[10,11,12,13,14,15],"rows":6},"00000":{"lines":[3],"rows":1},"A7482":{"lines":[2],"rows":1}}' ] \
    || fail "aitf 67482: report: $(report aitf-67482 67482 update.other_communes.by_commune)"
[ "$(report aitf-67482 67482 "update.cle_interop.rewritten")" = 6 ] || fail "aitf: rewritten keys"
# The row of 29189 has numero "163,0000000000": its commune's run refuses the file, in one line.
set +e
run 29189 "$aitf" aitf-29189 2> "$work/aitf-29189.err"; status=$?
set -e
[ "$status" -eq 2 ] && [ "$(wc -l < "$work/aitf-29189.err")" -eq 1 ] \
    && grep -q "line 16: numero '163,0000000000' is not a number" "$work/aitf-29189.err" \
    || fail "aitf 29189: exit $status, $(cat "$work/aitf-29189.err")"
# Every row but those three (commune A7482 and 00000 exist in no COG; a decimal numero) is kept.
kept "$aitf" 67482,35001 "$(bal aitf-67482 67482)" "$(bal aitf-35001 35001)"
echo "aitf: rows of A7482, 00000 and 29189 (numero 163,0000000000) kept by no run, named in the report"

# BAL 1.5 (no cle_interop) read to write 1.4: cle_interop rebuilt from commune_insee, the voie
# code, the numero on 5 digits and the suffixe in lower case (Perrecy has suffixes A, C, D, E).
perrecy="$fixtures/bal-1.3-71346-perrecy-les-forges-extract.csv"
run 71346 "$perrecy" v15 --bal-version 1.5 --ledger "$work/L.sqlite" \
    --id-ban-commune 0e3c5a8e-5f3b-4c55-9d7e-2a1b3c4d5e6f
v15="$(bal v15 71346)"
! head -1 "$v15" | grep -q cle_interop || fail "the 1.5 file has a cle_interop column"
accepted "$v15" 1.5
# With the ledger: the voie codes it recorded, those of the 1.3 file: every value comes back.
run 71346 "$v15" v14-ledger --bal-version 1.4 --ledger "$work/L.sqlite"
kept "$perrecy" 71346 "$(bal v14-ledger 71346)"
accepted "$(bal v14-ledger 71346)" 1.4
[ "$(report v14-ledger 71346 update.voie_codes_from_ledger)" = 43 ] \
    || fail "1.5 -> 1.4: $(report v14-ledger 71346 update.voie_codes_from_ledger) of 43 voie codes from the ledger"
# Without: one temporary code per voie (name and id_ban_toponyme), none twice.
run 71346 "$v15" v14
node -e '
const fs = require("fs");
const [h, ...rows] = fs.readFileSync(process.argv[1], "utf8").split("\n").filter((l) => l).map((l) => l.split(";"));
const at = Object.fromEntries(h.map((c, i) => [c, i]));
const codeOf = new Map(), voieOf = new Map();
for (const r of rows) {
  const [insee, code, numero, ...suffix] = r[at.cle_interop].split("_");
  const expected = `71346_${code}_${r[at.numero].padStart(5, "0")}` + (r[at.suffixe] ? "_" + r[at.suffixe].toLowerCase() : "");
  if (!/^x\d{3}$/.test(code) || r[at.cle_interop] !== expected) { console.log("FAIL: " + r.join(";")); process.exit(1); }
  const voie = r[at.voie_nom] + "#" + r[at.id_ban_toponyme];
  if ((codeOf.get(voie) ?? code) !== code || (voieOf.get(code) ?? voie) !== voie) { console.log("FAIL: voie code " + code + " for " + voie); process.exit(1); }
  codeOf.set(voie, code); voieOf.set(code, voie);
}
console.log(`1.5 -> 1.4 without ledger: ${rows.length} rows, ${codeOf.size} voies, one temporary code each`);
' "$(bal v14 71346)"
accepted "$(bal v14 71346)" 1.4
run 71346 "$(bal v14 71346)" v14-again
cmp "$(bal v14 71346)" "$(bal v14-again 71346)" || fail "1.4 re-run on its own output changed the file"
echo PASS
