#!/usr/bin/env bash
# Usage: ledger_lock.sh ADRESSAGE OSM_DIR
# Issue 25: two runs given the same --ledger at once both exited 0 and the ledger ended with
# 3,878 address rows for Beausoleil's 2,186 (each run minted its own ids). A run now holds the
# ledger, from the moment it opens it to its end:
#  1. a ledger held by another process (flock, as a run holds it): exit 2, one line, nothing in
#     --out, the ledger unchanged;
#  2. two runs started together, three times: each exits 0 or is refused with that line; the
#     ledger holds 2,186 addresses, and two runs that both wrote (one after the other) wrote the
#     same file, BAN ids included.
set -euo pipefail
bin="$1"; osm="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
args=(--commune 06012 --roads "$osm/osm-06012.gpkg:roads" --buildings "$osm/osm-06012.gpkg:buildings"
      --boundary "$osm/boundary-06012.geojson" --date 2026-11-20
      --id-ban-commune 0f3a1b9e-6c1d-4f0e-9a7b-2d4c5e6f7a8b)
in_use="^adressage: error: --ledger .*: is in use by another run of adressage; wait for it to end"

"$bin" run "${args[@]}" --out "$work/first" --ledger "$work/held.sqlite" >/dev/null
cp "$work/held.sqlite" "$work/held-before.sqlite"
mkdir "$work/out"
status=0
flock -x "$work/held.sqlite" "$bin" run "${args[@]}" --out "$work/out" \
    --ledger "$work/held.sqlite" >/dev/null 2>"$work/stderr" || status=$?
[ "$status" -eq 2 ] || fail "held: exit $status: $(cat "$work/stderr")"
[ "$(wc -l <"$work/stderr")" -eq 1 ] && grep -q -E "$in_use" "$work/stderr" ||
    fail "held: stderr: $(cat "$work/stderr")"
[ -z "$(ls -A "$work/out")" ] || fail "held: files left in --out"
cmp -s "$work/held.sqlite" "$work/held-before.sqlite" || fail "held: the ledger was written to"

for round in 1 2 3; do
    ledger="$work/together$round.sqlite"
    "$bin" run "${args[@]}" --out "$work/a$round" --ledger "$ledger" >/dev/null 2>"$work/a.err" &
    pid=$!
    b=0
    "$bin" run "${args[@]}" --out "$work/b$round" --ledger "$ledger" >/dev/null 2>"$work/b.err" || b=$?
    a=0
    wait "$pid" || a=$?
    for side in a b; do
        code="$([ "$side" = a ] && echo "$a" || echo "$b")"
        if [ "$code" -ne 0 ]; then
            [ "$code" -eq 2 ] && grep -q -E "$in_use" "$work/$side.err" ||
                fail "round $round: run $side exit $code: $(cat "$work/$side.err")"
        fi
    done
    rows="$(sqlite3 "$ledger" "SELECT COUNT(*) FROM adresses WHERE deleted_run IS NULL")"
    [ "$rows" -eq 2186 ] || fail "round $round: the ledger holds $rows addresses (a $a, b $b)"
    if [ "$a" -eq 0 ] && [ "$b" -eq 0 ]; then
        cmp -s "$work/a$round/06012/bal-06012.csv" "$work/b$round/06012/bal-06012.csv" ||
            fail "round $round: both runs wrote, with different files"
    fi
    echo "round $round: a exit $a, b exit $b, $rows addresses in the ledger"
done
echo PASS
