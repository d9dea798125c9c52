#!/usr/bin/env node
// Usage: rows_kept.js INPUT.csv COMMUNES OUTPUT.csv...
// Checks that every row of INPUT whose commune is in COMMUNES (comma-separated) is a row of one
// of the OUTPUT files with every value of every column of INPUT as read, and that the OUTPUT
// files hold nothing else. The commune of a row is told as the official validator tells it:
// commune_insee, else the first part of cle_interop in upper case (BAL 1.1 has no commune_insee).
// Two values may be written otherwise, and are then checked exactly:
// - cle_interop in the form the validator reads it (its numero on 5 digits, lower case):
//   "67482_0340_43" must be written "67482_0340_00043";
// - uid_adresse (BAL 1.3), written as id_ban_* in 1.4: each of its ids must be there.
// Prints one line per input; exit 1 on the first difference.
const fs = require("fs");

function parseLine(line) {
  const cells = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === "") quoted = true;
    else if (c === ";") { cells.push(cell); cell = ""; }
    else cell += c;
  }
  cells.push(cell);
  return cells;
}

function read(path) {
  const lines = fs.readFileSync(path, "utf8").replace(/^\uFEFF/, "").split(/\r?\n/).filter((l) => l);
  const header = parseLine(lines[0]);
  return {
    header,
    rows: lines.slice(1).map((l, i) => {
      const c = parseLine(l);
      const row = Object.fromEntries(header.map((h, j) => [h, c[j] ?? ""]));
      row.__line = i + 2;
      return row;
    }),
  };
}

const communeOf = (r) => r.commune_insee || (r.cle_interop || "").split("_")[0].toUpperCase();

// The validator's reading of a key (@ban-team/validateur-bal, schema/fields.js cle_interop).
function canonicalKey(key) {
  const parts = key.split("_");
  if (parts.length < 3 || parts.some((p) => !p) || !/^\d+$/.test(parts[2])) return key;
  const numero = parts[2].replace(/^0+(?=\d)/, "").padStart(5, "0");
  return [parts[0], parts[1], numero, ...parts.slice(3)].join("_").toLowerCase();
}

const [input, communeList, ...outputs] = process.argv.slice(2);
const communes = new Set(communeList.split(","));
const before = read(input);
const own = before.rows.filter((r) => communes.has(communeOf(r)));
const after = outputs.flatMap((p) => read(p).rows);
const fail = (m) => { console.log("FAIL: " + input.split("/").pop() + ": " + m); process.exit(1); };
if (own.length !== after.length) fail(`${own.length} rows of ${communeList} read, ${after.length} written`);
const columns = before.header.filter((c) => c && c !== "uid_adresse");
for (const c of columns) if (!(c in after[0])) fail(`column ${c} not written`);
const expected = (r) => {
  const e = columns.map((c) => (c === "cle_interop" ? canonicalKey(r[c]) : r[c]));
  if (!before.header.includes("commune_insee")) e.push(communeOf(r)); // derived, BAL 1.1
  return e.join(";");
};
const written = (r) => {
  const e = columns.map((c) => r[c]);
  if (!before.header.includes("commune_insee")) e.push(r.commune_insee);
  return e.join(";");
};
const pool = new Map();
for (const r of after) pool.set(written(r), (pool.get(written(r)) ?? 0) + 1);
let rewritten = 0;
for (const r of own) {
  const n = pool.get(expected(r)) ?? 0;
  if (!n) fail(`line ${r.__line} not kept as read: ${expected(r)}`);
  pool.set(expected(r), n - 1);
  if (r.cle_interop !== undefined && canonicalKey(r.cle_interop) !== r.cle_interop) rewritten++;
  const ids = (r.uid_adresse || "").match(/@[cva]:\S+/g) || [];
  for (const id of ids) {
    const column = { c: "id_ban_commune", v: "id_ban_toponyme", a: "id_ban_adresse" }[id[1]];
    if (!after.some((w) => w[column] === id.slice(3))) fail(`line ${r.__line}: ${id} lost`);
  }
}
console.log(`${input.split("/").pop()} [${communeList}]: ${own.length} rows, ${columns.length} columns kept` +
  (rewritten ? `, ${rewritten} cle_interop in the validator's form` : ""));
