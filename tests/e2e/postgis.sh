#!/usr/bin/env bash
# Usage: postgis.sh ADRESSAGE GPKG BOUNDARY
# Starts a throw-away PostgreSQL/PostGIS server in a temporary folder (Unix socket only), loads
# the roads and buildings of GPKG into it with ogr2ogr, runs the commune from PostGIS through
# `PG:<conninfo>:layer` sources, and checks the BAL is byte-identical to the run on GPKG; then a
# table with an odd name through |layername=, and a |where= against ogrinfo's count.
set -euo pipefail
bin="$1"; gpkg="$2"; boundary="$3"
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -x "$pg_bin/initdb" ] || { echo "FAIL: PostgreSQL is not installed (scripts/setup --tests)"; exit 1; }

work="$(mktemp -d)"
chmod 755 "$work"
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
    # PostgreSQL refuses to run as root: run the server as the postgres user.
    chown postgres "$work"
    as_pg=(runuser -u postgres --)
fi
port=54329
sock="$work"
stop() {
    "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap stop EXIT
"${as_pg[@]}" "$pg_bin/initdb" -D "$work/data" -U postgres --auth=trust >/dev/null
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$work/data" -w -l "$work/data/server.log" \
    -o "-k $sock -p $port -c listen_addresses=''" start >/dev/null
conn="host=$sock port=$port user=postgres dbname=postgres"
"$pg_bin/psql" -q -h "$sock" -p "$port" -U postgres -d postgres -c "CREATE EXTENSION postgis" >/dev/null
for layer in roads buildings; do
    ogr2ogr -f PostgreSQL "PG:$conn" "$gpkg" "$layer" -nln "$layer" -lco GEOMETRY_NAME=geom
done

out="$work/out"
"$bin" run --commune 06012 --roads "PG:$conn:roads" --buildings "PG:$conn:buildings" \
    --boundary "$boundary" --out "$out/pg" --date 2026-11-20
"$bin" run --commune 06012 --roads "$gpkg:roads" --buildings "$gpkg:buildings" \
    --boundary "$boundary" --out "$out/gpkg" --date 2026-11-20 >/dev/null
cmp "$out/pg/06012/bal-06012.csv" "$out/gpkg/06012/bal-06012.csv" \
    || { echo "FAIL: PostGIS and GeoPackage runs differ"; exit 1; }
echo "PASS: PostGIS run identical to the GeoPackage run"

# A table named with a space, an accent and a colon, as |layername=; a |where= on PostGIS reads
# as many roads as ogrinfo -where counts on the GeoPackage.
ogr2ogr -f PostgreSQL "PG:$conn" "$gpkg" roads -nln "routes 2016: été" -lco GEOMETRY_NAME=geom \
    -lco LAUNDER=NO
"$bin" run --commune 06012 --roads "PG:$conn|layername=routes 2016: été" \
    --buildings "PG:$conn:buildings" --boundary "$boundary" --out "$out/odd" --date 2026-11-20 \
    >/dev/null
cmp "$out/odd/06012/bal-06012.csv" "$out/gpkg/06012/bal-06012.csv" \
    || { echo "FAIL: the table 'routes 2016: été' does not give the GeoPackage's BAL"; exit 1; }
where="highway = 'residential'"
"$bin" run --commune 06012 --roads "PG:$conn:roads|where=$where" --buildings "PG:$conn:buildings" \
    --boundary "$boundary" --out "$out/where" --date 2026-11-20 >/dev/null
read="$(node -e 'console.log(require(process.argv[1]).counts.ingest.roads_read)' "$out/where/06012/report.json")"
expected="$(ogrinfo -ro -q "$gpkg" roads -where "$where" | grep -c '^OGRFeature')"
[ "$read" = "$expected" ] || { echo "FAIL: where on PostGIS: $read roads read, ogrinfo $expected"; exit 1; }
echo "PASS: PostGIS table 'routes 2016: été' read by |layername=; |where= reads $read roads"
