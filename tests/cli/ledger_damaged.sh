#!/usr/bin/env bash
# Usage: ledger_damaged.sh ADRESSAGE OSM_DIR
# Issue 25: a damaged ledger (pages overwritten) is a bad input: exit 2, one line naming the
# ledger and what to do, nothing in --out, the ledger left as it was. It failed midway with
# "database disk image is malformed", exit 1.
set -euo pipefail
bin="$1"; osm="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
args=(--commune 06012 --roads "$osm/osm-06012.gpkg:roads" --buildings "$osm/osm-06012.gpkg:buildings"
      --boundary "$osm/boundary-06012.geojson" --date 2026-11-20
      --id-ban-commune 0f3a1b9e-6c1d-4f0e-9a7b-2d4c5e6f7a8b)
"$bin" run "${args[@]}" --out "$work/first" --ledger "$work/ledger.sqlite" >/dev/null
cp "$work/ledger.sqlite" "$work/damaged.sqlite"
# Pages 11 to 14 of the ledger's 176 overwritten with a fixed pattern.
head -c 16384 /dev/zero | tr '\0' '\125' |
    dd of="$work/damaged.sqlite" bs=4096 seek=10 conv=notrunc status=none
cp "$work/damaged.sqlite" "$work/damaged-before.sqlite"
mkdir "$work/out"
status=0
"$bin" run "${args[@]}" --out "$work/out" --ledger "$work/damaged.sqlite" >/dev/null \
    2>"$work/stderr" || status=$?
[ "$status" -eq 2 ] || fail "exit $status, expected 2: $(cat "$work/stderr")"
[ "$(wc -l <"$work/stderr")" -eq 1 ] || fail "not one line on stderr: $(cat "$work/stderr")"
grep -q -E "^adressage: error: --ledger .*damaged.sqlite: is damaged \(.*\); restore the ledger from a backup" \
    "$work/stderr" || fail "stderr: $(cat "$work/stderr")"
[ -z "$(ls -A "$work/out")" ] || fail "files left in --out: $(ls -AR "$work/out")"
cmp -s "$work/damaged.sqlite" "$work/damaged-before.sqlite" || fail "the damaged ledger was written to"
echo "PASS: $(cat "$work/stderr")"
