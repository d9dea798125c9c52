#!/usr/bin/env bash
# Usage: render_review.sh ADRESSAGE RUN_OPTIONS...
# Runs the commune, then renders its review.gpkg with QGIS (render_review.py): the stored styles
# are applied, the picture is not blank and the address numbers are drawn. Skipped (77) when
# python3-qgis is not installed (scripts/setup --tests installs it).
set -euo pipefail
bin="$1"; shift
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$bin" run "$@" --out "$work/out" --date 2026-11-20 >/dev/null
gpkg="$(find "$work/out" -name review.gpkg | head -1)"
# Debian's interpreter: python3-qgis is installed for it, not for a python3 earlier on PATH.
py=/usr/bin/python3; [ -x "$py" ] || py=python3
"$py" "$here/render_review.py" "$gpkg" "$work/review.png"
