#!/usr/bin/env bash
# Usage: compare_sources.sh ADRESSAGE "OPTIONS A" "OPTIONS B"
# Both runs must write byte-identical BAL files (same data through two GDAL drivers).
set -euo pipefail
bin="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# shellcheck disable=SC2086
"$bin" run $2 --out "$work/a" --date 2026-11-20 >/dev/null
# shellcheck disable=SC2086
"$bin" run $3 --out "$work/b" --date 2026-11-20 >/dev/null
a="$(find "$work/a" -name 'bal-*.csv')"
b="$(find "$work/b" -name 'bal-*.csv')"
[ -s "$a" ] && [ -s "$b" ] || { echo "FAIL: missing output"; exit 1; }
cmp "$a" "$b" || { echo "FAIL: outputs differ"; exit 1; }
echo "PASS: $(($(wc -l < "$a") - 1)) rows identical"
