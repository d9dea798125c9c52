#!/usr/bin/env bash
# Usage: update.sh ADRESSAGE OSM_DIR
# Updating a commune that already has a BAL (issue 5), on Beausoleil 06012; the fixtures are
# described in tests/e2e/update/README.md. Checks:
#  1. re-running on the project's own output changes nothing (byte-identical, zero diffs);
#  2. adding buildings numbers only those, every earlier row kept as it was (metric, classic);
#  3. removing 30 % / 85 % of the buildings (--drop-orphans) gives the row-loss warning / block;
#  4. BAL 1.5 with a ledger: ids minted once, the same on a re-run, kept by an update; the
#     official validator accepts the files in profile 1.5;
#  5. a run killed between ledger writes leaves the ledger as it was.
set -euo pipefail
bin="$(realpath "$1")"; osm="$(realpath "$2")"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
validator="$here/../validator/run"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
fail() { echo "FAIL: $*"; exit 1; }
roads="$osm/osm-06012.gpkg:roads"
all="$osm/osm-06012.gpkg:buildings"
boundary="$osm/boundary-06012.geojson"
cid=0e3c5a8e-5f3b-4c55-9d7e-2a1b3c4d5e6f
run() { "$bin" run --commune 06012 --roads "$roads" --boundary "$boundary" "$@" >/dev/null; }
subset() { ogr2ogr -f GPKG "$1" "$osm/osm-06012.gpkg" -dialect SQLite -nln buildings \
    -sql "SELECT * FROM buildings WHERE $2"; }
bal() { echo "$1/06012/bal-06012.csv"; }
# The rows of file $2 that are not, byte for byte, rows of file $1.
missing_rows() { { grep -v -x -F -f "$1" "$2" || true; } | wc -l; }
report() { echo "$1/06012/report.json"; }
json() { node -e 'const r=require(process.argv[1]); console.log(eval("r."+process.argv[2]))' "$(cd "$(dirname "$1")" && pwd)/$(basename "$1")" "$2"; }
accepted() { # FILE PROFILE
    set +e; local v; v="$("$validator" "$1" "$2")"; local s=$?; set -e
    node -e 'const v=JSON.parse(process.argv[1]); if (v.profile!==process.argv[2]||v.blocked||v.alertCounts.E) {console.log(JSON.stringify(v.codeCounts)); process.exit(1)}' "$v" "$2" \
        && [ "$s" -eq 0 ] || fail "the official validator refuses $1 in profile $2"
}
subset before.gpkg "fid % 10 <> 3"
subset less30.gpkg "fid % 10 >= 3"
subset less85.gpkg "fid % 20 >= 17"

# 1. Re-run on the own output: byte-identical, zero diffs.
for mode in metric classic; do
    run --buildings "$all" --numbering $mode --out $mode.a --date 2026-11-20
    run --buildings "$all" --numbering $mode --out $mode.b --date 2026-11-21 --existing "$(bal $mode.a)"
    cmp "$(bal $mode.a)" "$(bal $mode.b)" || fail "$mode: re-run on its own output changed the file"
    "$bin" diff --quiet "$(bal $mode.a)" "$(bal $mode.b)" > diff-$mode.txt
    grep -qx 'created 0, changed 0, deleted 0, unchanged [0-9]*' diff-$mode.txt \
        || fail "$mode: diff of a re-run is not empty: $(cat diff-$mode.txt)"
done
echo "re-run on own output: identical (metric, classic)"

# 2. Buildings added: only they get numbers; every earlier row is in the new file as it was.
for mode in metric classic; do
    run --buildings before.gpkg:buildings --numbering $mode --out $mode.p --date 2026-11-20
    run --buildings "$all" --numbering $mode --out $mode.u --date 2026-11-21 --existing "$(bal $mode.p)"
    missing="$(missing_rows "$(bal $mode.u)" "$(bal $mode.p)")"
    [ "$missing" -eq 0 ] || fail "$mode: $missing rows of the first run are not in the update"
    new="$(json "$(report $mode.u)" 'update.new_numbers')"
    rows_p="$(($(wc -l < "$(bal $mode.p)") - 1))"; rows_u="$(($(wc -l < "$(bal $mode.u)") - 1))"
    # Every building a fresh run of all buildings numbers is numbered (no parcels: the same
    # buildings are annexes either way), the earlier ones kept and only the added ones new.
    rows_all="$(($(wc -l < "$(bal $mode.a)") - 1))"
    [ "$new" -gt 0 ] && [ "$rows_u" -eq $((rows_p + new)) ] && [ "$rows_u" -eq "$rows_all" ] \
        || fail "$mode: $rows_p rows + $new new != $rows_u (a fresh run of all: $rows_all)"
    [ "$(json "$(report $mode.u)" 'update.diff.changed')" = 0 ] || fail "$mode: rows changed"
    [ "$(json "$(report $mode.u)" 'update.diff.deleted')" = 0 ] || fail "$mode: rows deleted"
    accepted "$(bal $mode.u)" 1.4
    # review.gpkg: statut_maj cree on the added addresses, inchange on the others.
    "$here/check_review.sh" "$mode.u/06012" 06012 | grep -q '"cree":' || fail "$mode: review.gpkg"
    # No number (with its suffix) given twice on a voie: cle_interop is unique.
    dup="$(cut -d';' -f4 "$(bal $mode.u)" | sort | uniq -d | head -3)"
    [ -z "$dup" ] || fail "$mode: numbers given twice: $dup"
    echo "$mode: $rows_p rows, $new buildings added and numbered, $rows_u rows; suffixes: $(json "$(report $mode.u)" 'update.new_numbers_with_suffix')"
done

# 3. Buildings removed: orphans kept by default; dropped, the BAN's gates.
run --buildings less30.gpkg:buildings --out keep30 --date 2026-11-21 --existing "$(bal metric.a)"
[ "$(json "$(report keep30)" 'update.preflight.level')" = ok ] || fail "orphans kept: pre-flight not ok"
# About 30 % of the buildings are gone: at least a quarter of the rows are orphans.
rows_a="$(($(wc -l < "$(bal metric.a)") - 1))"
[ "$(json "$(report keep30)" 'update.orphans')" -gt $((rows_a / 4)) ] || fail "orphans not reported"
# review.gpkg shows each orphan kept (read back with GDAL).
orphans="$(ogrinfo -ro -q keep30/06012/review.gpkg -sql \
    "SELECT COUNT(DISTINCT cle_interop) AS n FROM adresses WHERE orphelin = 1" | grep -o 'n (Integer[^=]*= [0-9]*' | grep -o '[0-9]*$')"
[ "$orphans" = "$(json "$(report keep30)" 'update.orphans')" ] || fail "review.gpkg: $orphans orphans, report $(json "$(report keep30)" 'update.orphans')"
run --buildings less30.gpkg:buildings --out less30 --date 2026-11-21 --existing "$(bal metric.a)" --drop-orphans
[ "$(json "$(report less30)" 'update.preflight.level')" = warning ] || fail "30 %: no warning"
"$bin" diff --quiet "$(bal metric.a)" "$(bal less30)" > diff30.txt || fail "30 %: diff blocks"
grep -q '^  warning api_depot.row_loss' diff30.txt && grep -q '^  warning id_fix.deletions' diff30.txt \
    || fail "30 %: $(cat diff30.txt)"
run --buildings less85.gpkg:buildings --out less85 --date 2026-11-21 --existing "$(bal metric.a)" --drop-orphans
[ "$(json "$(report less85)" 'update.preflight.level')" = blocked ] || fail "85 %: not blocked"
set +e; "$bin" diff --quiet "$(bal metric.a)" "$(bal less85)" > diff85.txt; status=$?; set -e
[ "$status" -eq 1 ] && grep -q '^  blocked api_depot.row_loss' diff85.txt || fail "85 %: $(cat diff85.txt)"
echo "removed 30 %: $(grep row_loss diff30.txt | sed 's/^ *//')"
# diff as JSON and as a GeoPackage layer (read back with GDAL): the same addresses, each kind.
"$bin" diff --format json --gpkg diff30.gpkg "$(bal metric.p)" "$(bal less30)" > diff30.json
for kind in created changed deleted; do
    statut="$(case $kind in created) echo cree;; changed) echo modifie;; deleted) echo supprime;; esac)"
    n_json="$(node -e 'const d=require(process.argv[1]); console.log(d.counts[process.argv[2]], d[process.argv[2]].length)' "$work/diff30.json" $kind)"
    n_gpkg="$(ogrinfo -ro -q diff30.gpkg -sql "SELECT COUNT(DISTINCT adresse) AS n FROM differences WHERE statut = '$statut'" | grep -o 'n (Integer[^=]*= [0-9]*' | grep -o '[0-9]*$')"
    [ "$n_json" = "$n_gpkg $n_gpkg" ] || fail "diff $kind: json '$n_json', gpkg $n_gpkg"
done
[ "$(node -e 'const d=require(process.argv[1]); console.log(d.counts.created > 0 && d.counts.deleted > 0)' "$work/diff30.json")" = true ] \
    || fail "diff of 70 % against 90 %: $(head -c 300 diff30.json)"
"$here/validate_gpkg.sh" diff30.gpkg || fail "diff30.gpkg"
cp diff30.gpkg diff30-first.gpkg
"$bin" diff --format json --gpkg diff30.gpkg "$(bal metric.p)" "$(bal less30)" > /dev/null
cmp diff30.gpkg diff30-first.gpkg || fail "diff --gpkg: not the same bytes twice"
set +e; "$bin" diff --gpkg nowhere/d.gpkg "$(bal metric.p)" "$(bal less30)" >/dev/null 2>err.txt; status=$?; set -e
[ "$status" -eq 2 ] && [ "$(wc -l < err.txt)" -eq 1 ] && grep -q -- '--gpkg nowhere/d.gpkg' err.txt && [ ! -e nowhere ] \
    || fail "diff --gpkg into a missing folder: exit $status, $(cat err.txt)"
echo "diff --format json --gpkg: $(node -e 'const d=require(process.argv[1]); console.log(JSON.stringify(d.counts))' "$work/diff30.json"), same counts in the layer"
echo "removed 85 %: $(grep row_loss diff85.txt | sed 's/^ *//')"

# 4. BAL 1.5 and the ledger.
run --buildings before.gpkg:buildings --out v1 --date 2026-11-20 --bal-version 1.5 --ledger L.sqlite --id-ban-commune $cid
run --buildings before.gpkg:buildings --out v2 --date 2026-11-20 --bal-version 1.5 --ledger L.sqlite
cmp "$(bal v1)" "$(bal v2)" || fail "1.5: a re-run with the ledger changed the ids"
accepted "$(bal v1)" 1.5
cp L.sqlite L-before-update.sqlite
run --buildings "$all" --out v3 --date 2026-11-21 --bal-version 1.5 --ledger L.sqlite --existing "$(bal v1)"
accepted "$(bal v3)" 1.5
"$bin" diff --quiet "$(bal v1)" "$(bal v3)" > diff15.txt || fail "1.5 update: diff blocks"
grep -q '^created [0-9]*, changed [0-9]*, deleted 0,' diff15.txt || fail "1.5 update: $(cat diff15.txt)"
missing="$(missing_rows "$(bal v3)" "$(bal v1)")"
[ "$missing" -eq 0 ] || fail "1.5: $missing rows (with their ids) of the first run are not in the update"
run --buildings "$all" --out v4 --date 2026-11-22 --bal-version 1.5 --ledger L.sqlite --existing "$(bal v3)"
cmp "$(bal v3)" "$(bal v4)" || fail "1.5: re-run of the update changed the file"
echo "1.5: ids kept across re-runs and the update; validator 1.5 accepts"
# Named for upload, with its checksum; the pre-flight checks both.
cp L.sqlite N.sqlite
run --buildings "$all" --out named --date 2026-11-21 --bal-version 1.5 --ledger N.sqlite \
    --existing "$(bal v3)" --siren 200054807 --producteur "Métropole Nice Côte d'Azur"
named="named/06012/20261121_bal_200054807_metropolenicecotedazur.csv"
[ -s "$named" ] && (cd named/06012 && sha256sum -c --quiet "$(basename "$named").sha256") \
    || fail "the file named for upload or its .sha256 is missing or wrong"
"$bin" diff "$(bal v3)" "$named" > diffnamed.txt || fail "named: diff blocks"
grep -q '^  ok file.name' diffnamed.txt && grep -q '^  ok file.sha256' diffnamed.txt \
    && grep -q '^created 0, changed 0, deleted 0' diffnamed.txt || fail "named: $(cat diffnamed.txt)"

# 5. Crash between ledger writes: the ledger is as before, the next run as if nothing happened.
cp L-before-update.sqlite K.sqlite
before="$(sqlite3 K.sqlite .dump | sha256sum)"
set +e
ADRESSAGE_LEDGER_KILL_AFTER=20 "$bin" run --commune 06012 --roads "$roads" --boundary "$boundary" \
    --buildings "$all" --out killed --date 2026-11-21 --bal-version 1.5 --ledger K.sqlite \
    --existing "$(bal v1)" >/dev/null 2>&1
status=$?
set -e
[ "$status" -eq 137 ] || fail "the injected kill did not happen (exit $status)"
[ ! -e "$(bal killed)" ] || fail "the killed run left a BAL"
[ "$(sqlite3 K.sqlite .dump | sha256sum)" = "$before" ] || fail "the killed run changed the ledger"
run --buildings "$all" --out k3 --date 2026-11-21 --bal-version 1.5 --ledger K.sqlite --existing "$(bal v1)"
[ "$(sqlite3 K.sqlite 'select max(run) from runs')" = "$(sqlite3 L.sqlite 'select run from runs where date_der_maj = "2026-11-21"')" ] \
    || fail "the run after the kill is not numbered as if the kill never happened"
# Same rows; only the ids minted for the new addresses differ (random, stored once).
cmp <(cut -d';' -f4- "$(bal k3)") <(cut -d';' -f4- "$(bal v3)") || fail "the run after the kill differs"
missing="$(missing_rows "$(bal k3)" "$(bal v1)")"
[ "$missing" -eq 0 ] || fail "the run after the kill lost $missing rows of the first one"
echo "kill between ledger writes: ledger unchanged, next run as if it never happened"

# 6. Bad input: one line, exit 2, no ledger left behind by a refused run.
set +e
"$bin" diff /nonexistent/old.csv "$(bal v1)" > /dev/null 2> err.txt; status=$?
set -e
[ "$status" -eq 2 ] && [ "$(wc -l < err.txt)" -eq 1 ] && grep -q '/nonexistent/old.csv: cannot be read' err.txt \
    || fail "diff of an unreadable file: exit $status, $(cat err.txt)"
set +e
run --buildings "$all" --out refused --bal-version 1.5 --ledger new.sqlite 2> err.txt; status=$?
set -e
[ "$status" -eq 2 ] && [ ! -e new.sqlite ] && [ ! -e refused/06012 ] || fail "a refused run left files"
echo PASS
