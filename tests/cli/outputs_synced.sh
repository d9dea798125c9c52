#!/usr/bin/env bash
# Usage: outputs_synced.sh ADRESSAGE OSM_DIR
# Issue 25: every file a run puts in --out under its final name (the BAL, report.json,
# review.gpkg) is flushed to the disk (fdatasync) before it is renamed into place, so a power
# cut cannot leave an empty file under the final name. Read from the system calls (strace).
set -euo pipefail
bin="$1"; osm="$2"
command -v strace >/dev/null 2>&1 || { echo "SKIP: no strace (scripts/setup --tests)"; exit 77; }
strace -o /dev/null true 2>/dev/null || { echo "SKIP: strace cannot trace here (ptrace refused)"; exit 77; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# LeakSanitizer cannot run under ptrace: the ASan build's leak check is left to the other tests.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
    strace -f -e trace=openat,fdatasync,rename -o "$work/trace" \
    "$bin" run --commune 06012 --roads "$osm/osm-06012.gpkg:roads" \
    --buildings "$osm/osm-06012.gpkg:buildings" --boundary "$osm/boundary-06012.geojson" \
    --siren 210600128 --producteur beausoleil --out "$work/out" --date 2026-11-20 >/dev/null
awk -v out="$work/out/" '
  # pid openat(AT_FDCWD, "path", flags...) = fd
  $2 ~ /^openat\(/ && $NF ~ /^[0-9]+$/ { split($0, q, "\""); open[$1 " " $NF] = q[2] }
  $2 ~ /^fdatasync\(/ { fd = $2; gsub(/[^0-9]/, "", fd); synced[open[$1 " " fd]] = 1 }
  $2 ~ /^rename\(/ { split($0, q, "\""); if (index(q[4], out) == 1) {
      ++renamed; if (!synced[q[2]]) { print "FAIL: renamed without a flush: " q[2] " -> " q[4]; bad = 1 } } }
  END { if (renamed < 4) { print "FAIL: only " renamed + 0 " files renamed into --out"; bad = 1 }
        if (!bad) print "PASS: " renamed " files flushed before their rename"; exit bad }
' "$work/trace"
