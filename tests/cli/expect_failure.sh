#!/usr/bin/env bash
# Usage: expect_failure.sh CODE REGEX ADRESSAGE ARGS...
# Runs ADRESSAGE ARGS --out <fresh dir> and checks: the exit code is CODE, stderr is exactly one
# line matching REGEX (extended regex), and the output directory is left empty.
set -uo pipefail
code="$1"; regex="$2"; shift 2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/out"
"$@" --out "$work/out" >"$work/stdout" 2>"$work/stderr"
status=$?
fail=0
if [ "$status" -ne "$code" ]; then echo "FAIL: exit code $status, expected $code"; fail=1; fi
lines="$(wc -l < "$work/stderr")"
if [ "$lines" -ne 1 ]; then echo "FAIL: $lines lines on stderr, expected 1"; fail=1; fi
if ! grep -E -q -e "$regex" "$work/stderr"; then echo "FAIL: stderr does not match: $regex"; fail=1; fi
if [ -n "$(ls -A "$work/out")" ]; then echo "FAIL: files left in --out:"; ls -AR "$work/out"; fail=1; fi
echo "stderr: $(cat "$work/stderr")"
exit $fail
