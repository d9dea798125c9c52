#!/usr/bin/env bash
# Usage: review_unwritable.sh in-the-way|disk-full ADRESSAGE INSEE ARGS...
# A review.gpkg that cannot be written fails the run with exit 2 and one line naming the file,
# and leaves no BAL, report or partial GeoPackage:
#  in-the-way: a folder named review.gpkg is where the file goes;
#  disk-full: the disk fills up while it is written (a file size limit of 1,000 KB, with
#  SIGXFSZ ignored, so that writes fail with EFBIG as on a full disk: the BAL, about 300 KB,
#  is written, the GeoPackage, about 1.5 MB, is not).
set -uo pipefail
mode="$1"; bin="$2"; insee="$3"; shift 3
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/out"
if [ "$mode" = in-the-way ]; then
    mkdir -p "$work/out/$insee/review.gpkg/in-the-way"
    "$bin" run "$@" --out "$work/out" >"$work/stdout" 2>"$work/stderr"
else
    (trap '' XFSZ; ulimit -f 1000; exec "$bin" run "$@" --out "$work/out") >"$work/stdout" 2>"$work/stderr"
fi
status=$?
fail=0
[ "$status" -eq 2 ] || { echo "FAIL: exit code $status, expected 2"; fail=1; }
[ "$(wc -l <"$work/stderr")" -eq 1 ] || { echo "FAIL: stderr is not one line"; fail=1; }
grep -q "cannot write .*review.gpkg" "$work/stderr" || { echo "FAIL: stderr names no review.gpkg"; fail=1; }
left="$(ls -A "$work/out/$insee" 2>/dev/null | grep -v -x review.gpkg || true)"
[ -z "$left" ] || { echo "FAIL: left in the output: $left"; fail=1; }
echo "stderr: $(cat "$work/stderr")"
exit $fail
