#!/usr/bin/env bash
# Usage: edigeo_sheets.sh ADRESSAGE SHEETS_DIR GPKG
# Extracts the raw DGFiP EDIGEO sheets (*.tar.bz2) of Luxiol, runs the commune on them through
# GDAL's EDIGEO driver (road names joined from the TEX...TEX10 words of ZONCOMMUNI), checks the
# result like every commune (validator, determinism), and checks that it is byte-identical to
# the run on the GeoPackage made from the same sheets.
set -euo pipefail
bin="$1"; sheets="$2"; gpkg="$3"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for archive in "$sheets"/*.tar.bz2; do
    dir="$work/$(basename "$archive" .tar.bz2)"
    mkdir -p "$dir"
    tar xjf "$archive" -C "$dir" 2>/dev/null
done
thf=("$work"/*/*.THF)
[ "${#thf[@]}" -eq 8 ] || { echo "FAIL: expected 8 sheets, found ${#thf[@]}"; exit 1; }
"$here/check_commune.sh" "$bin" 25354 --commune 25354 --preset cadastre \
    --roads "${thf[@]}" --buildings "${thf[@]}" --boundary "${thf[@]}"
"$here/compare_sources.sh" "$bin" \
    "--commune 25354 --preset cadastre --roads ${thf[*]} --buildings ${thf[*]} --boundary ${thf[*]}" \
    "--commune 25354 --preset cadastre --roads $gpkg:voie_zoncommuni --buildings $gpkg:batiment --boundary $gpkg:commune"
# The parcels of the raw sheets (PARCELLE_id, 12-character IDU) give the same cad_parcelles as
# the GeoPackage's parcelle layer.
"$here/compare_sources.sh" "$bin" \
    "--commune 25354 --preset cadastre --positions entrée,bâtiment --roads ${thf[*]} --buildings ${thf[*]} --boundary ${thf[*]} --parcels ${thf[*]}" \
    "--commune 25354 --preset cadastre --positions entrée,bâtiment --roads $gpkg:voie_zoncommuni --buildings $gpkg:batiment --boundary $gpkg:commune --parcels $gpkg:parcelle"
