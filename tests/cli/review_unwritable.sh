#!/usr/bin/env bash
# Usage: review_unwritable.sh ADRESSAGE INSEE ARGS...
# A review.gpkg that cannot be put in place (here a folder of that name is in the way) fails the
# run with exit 2 and one line naming the file, and leaves no BAL, report or partial GeoPackage.
set -uo pipefail
bin="$1"; insee="$2"; shift 2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/out/$insee/review.gpkg/in-the-way"
"$bin" run "$@" --out "$work/out" >"$work/stdout" 2>"$work/stderr"
status=$?
fail=0
[ "$status" -eq 2 ] || { echo "FAIL: exit code $status, expected 2"; fail=1; }
[ "$(wc -l <"$work/stderr")" -eq 1 ] || { echo "FAIL: stderr is not one line"; fail=1; }
grep -q "cannot write .*review.gpkg" "$work/stderr" || { echo "FAIL: stderr names no review.gpkg"; fail=1; }
left="$(ls -A "$work/out/$insee" | grep -v -x review.gpkg || true)"
[ -z "$left" ] || { echo "FAIL: left in the output: $left"; fail=1; }
echo "stderr: $(cat "$work/stderr")"
exit $fail
