#!/usr/bin/env bash
# Usage: run_differential.sh ADRESSAGE
# Builds the seeded differential corpus (scripts/make-validator-corpus) from the real BAL samples
# of tests/fixtures/bal/ and from a BAL the pipeline writes (Luxiol), then checks that
# `adressage validate` and the official validator agree on every file: parse, profile, verdict,
# and every row's (line, code, level).
set -euo pipefail
bin="$1"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$here/install"
lux="$root/datasets/cadastre-25354-luxiol/luxiol-25354.gpkg"
"$bin" run --commune 25354 --preset cadastre --roads "$lux:voie_zoncommuni" \
    --buildings "$lux:batiment" --boundary "$lux:commune" --out "$work/run" --date 2026-11-20 >/dev/null
"$root/scripts/make-validator-corpus" "$work/corpus" "$root"/tests/fixtures/bal/*.csv \
    "$work/run/25354/bal-25354.csv"
node "$here/differential.js" "$bin" "$work/corpus"
