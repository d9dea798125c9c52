#!/usr/bin/env bash
# Usage: update_round_trip.sh ADRESSAGE DATASETS FIXTURES_BAL
# Round trip of the real BAL samples (tests/fixtures/bal) through `adressage run --existing`:
# with no building to number (the boundary is Luxiol's, where no input building stands), the
# file written holds every row of the sample with every value as it was read, column by
# column (BAL 1.4 columns; a 1.3 uid_adresse becomes the id_ban_* columns).
set -euo pipefail
bin="$(realpath "$1")"; data="$(realpath "$2")"; fixtures="$(realpath "$3")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for sample in bal-1.4-31591-escoulis-with-ban-ids.csv:31591 \
              bal-1.3-71346-perrecy-les-forges-extract.csv:71346; do
    file="$fixtures/${sample%%:*}"; insee="${sample##*:}"
    "$bin" run --commune "$insee" --roads "$data/osm-alpes-maritimes-2016/osm-06012.gpkg:roads" \
        --buildings "$data/osm-alpes-maritimes-2016/osm-06012.gpkg:buildings" \
        --boundary "$data/cadastre-25354-luxiol/luxiol-25354.gpkg:commune" \
        --existing "$file" --out "$work/$insee" --date 2026-11-20 >/dev/null
    node -e '
const fs = require("fs");
const read = (p) => {
  const lines = fs.readFileSync(p, "utf8").replace(/^\uFEFF/, "").split("\n").filter((l) => l);
  const header = lines[0].split(";");
  return lines.slice(1).map((l) => { const c = l.split(";"); return Object.fromEntries(header.map((h, i) => [h, c[i] ?? ""])); });
};
const before = read(process.argv[1]);
const after = read(process.argv[2]);
if (before.length !== after.length) { console.log(`FAIL: ${before.length} rows read, ${after.length} written`); process.exit(1); }
const columns = Object.keys(before[0]).filter((c) => c && c !== "uid_adresse" && c in after[0]);
const key = (r) => columns.map((c) => r[c]).join(";");
const written = new Map();
for (const r of after) written.set(key(r), (written.get(key(r)) ?? 0) + 1);
for (const r of before) {
  const n = written.get(key(r)) ?? 0;
  if (!n) { console.log("FAIL: row not kept as read: " + key(r)); process.exit(1); }
  written.set(key(r), n - 1);
}
for (const r of before) if (r.uid_adresse) {
  const a = (r.uid_adresse.match(/@a:(\S+)/) || [])[1];
  if (a && !after.some((w) => w.id_ban_adresse === a)) { console.log("FAIL: uid " + a + " lost"); process.exit(1); }
}
console.log(`${process.argv[1].split("/").pop()}: ${before.length} rows, ${columns.length} columns kept`);
' "$file" "$work/$insee/$insee/bal-$insee.csv"
done
echo PASS
