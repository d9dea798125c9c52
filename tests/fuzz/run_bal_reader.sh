#!/usr/bin/env bash
# Usage: run_bal_reader.sh [SECONDS]   (default 60)
# Builds the BAL reader's libFuzzer target with clang (ASan + UBSan) and runs it for a bounded
# time from a seed corpus made of the real BAL samples; fails on any crash, leak or UB report.
set -euo pipefail
seconds="${1:-60}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
command -v clang++ >/dev/null || { echo "FAIL: clang++ missing (scripts/setup --tests installs it)"; exit 1; }
clang++ -std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -DCSV_IO_NO_THREAD -I"$root/formats/include" -I"$root/geo/include" \
    "$root/formats/src/bal_reader.cpp" "$root/formats/src/mapped_file.cpp" \
    "$root/formats/src/utf8_check.cpp" \
    "$root/tests/fuzz/bal_reader_fuzz.cpp" \
    -licui18n -licuuc -licudata -o "$work/fuzz_bal_reader"
mkdir "$work/corpus"
cp "$root"/tests/fixtures/bal/*.csv "$work/corpus/"
cd "$work"
./fuzz_bal_reader -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 corpus 2>&1 | tail -15
