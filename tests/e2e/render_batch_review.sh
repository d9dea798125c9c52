#!/usr/bin/env bash
# Usage: render_batch_review.sh ADRESSAGE DATASETS
# Runs the e2e batch (batch/make_fixture.sh: 06012, 06032, 06150), then renders its
# batch-review.gpkg with QGIS (render_batch_review.py): the stored style is applied, the map is
# not blank and each commune is labelled. Skipped (77) without python3-qgis.
set -euo pipefail
bin="$1"; data="$2"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
py=/usr/bin/python3; [ -x "$py" ] || py=python3
"$py" -c 'import qgis.core' 2>/dev/null || { echo "SKIP: python3-qgis is not installed"; exit 77; }
"$here/batch/make_fixture.sh" "$data" "$work/fx" 2>/dev/null
"$bin" batch --communes 06012,06032,06150 --roads "$work/fx/layers.gpkg:roads" \
    --buildings "$work/fx/layers.gpkg:buildings" --boundaries "$work/fx/boundaries.gpkg" \
    --out "$work/out" --date 2026-11-20 --jobs 2 --progress none >/dev/null
"$py" "$here/render_batch_review.py" "$work/out/batch-review.gpkg" "$work/batch-review.png" 3
