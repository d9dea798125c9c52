#!/usr/bin/env bash
# Usage: fifo_inputs.sh ADRESSAGE OSM_DIR
# A FIFO where a file is expected (validate's FILE, run's --roads) is refused at once: exit 2,
# one line naming it, nothing written; never a wait for a writer that does not come (each
# command is given 20 s, it needs well under one).
set -uo pipefail
bin="$1"; osm="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkfifo "$work/pipe"
fail=0
check() { # NAME COMMAND...
    local name="$1"; shift
    timeout 20 "$@" >"$work/stdout" 2>"$work/stderr"
    local status=$?
    [ "$status" -eq 2 ] || { echo "FAIL: $name: exit $status, expected 2 (124: it waited)"; fail=1; }
    [ "$(wc -l <"$work/stderr")" -eq 1 ] && grep -q 'pipe.*not a regular file' "$work/stderr" ||
        { echo "FAIL: $name: stderr: $(cat "$work/stderr")"; fail=1; }
    echo "$name: $(cat "$work/stderr")"
}
check validate "$bin" validate "$work/pipe"
check "run --roads" "$bin" run --commune 06012 --roads "$work/pipe" \
    --buildings "$osm/osm-06012.gpkg:buildings" --boundary "$osm/boundary-06012.geojson" \
    --out "$work/out"
[ ! -e "$work/out" ] || { echo "FAIL: run --roads: $work/out was created"; fail=1; }
exit $fail
