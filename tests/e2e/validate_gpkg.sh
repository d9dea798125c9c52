#!/usr/bin/env bash
# Usage: validate_gpkg.sh FILE.gpkg
# GDAL's GeoPackage conformance checker (validate_gpkg.py, python3-gdal) on a GeoPackage the
# project wrote itself with SQLite (geo/geopackage_writer.hpp): silent and 0 when it conforms,
# otherwise the requirement it breaks and 1.
set -euo pipefail
out="$(/usr/bin/python3 -m osgeo_utils.samples.validate_gpkg "$1" 2>&1)" || {
    echo "FAIL: $1 is not a conforming GeoPackage: $(printf '%s\n' "$out" | tail -1)"
    exit 1
}
[ -z "$out" ] || { echo "FAIL: $1: validate_gpkg.py: $out"; exit 1; }
