#!/usr/bin/env node
'use strict';
// Usage: node validate.js FILE.csv [PROFILE]
//
// Runs validate() from the pinned @ban-team/validateur-bal on FILE.csv, with
// no network (see offline.js), and prints ONE JSON object on stdout:
//   parseOk      true, or false when the CSV cannot be parsed (then parseErrors)
//   profile      the profile used: PROFILE if given, otherwise what the
//                validator detects from the header (1.3, 1.4 or 1.5)
//   blocked      true when an entry of profilErrors has level E (the rule
//                used by the BAN deposit)
//   rowCount     number of data rows
//   alertCounts  {E, W, I}: every row error counted, by level
//   codeCounts   {"<code>": {level, count}} over all row errors, keys sorted
//   profilErrors [{code, level, label}]: the file's distinct errors, with
//                the validator's French label (getLabel), sorted by code
//   firstRows    the first 20 rows that have errors: {line, codes}
//                (line = the validator's 0-based data-row index)
// Exit status: 0 accepted, 1 blocked, 2 not parseable, 3 crash / bad usage.

// The validator and its CSV parser may write notes with console.*: keep stdout
// for the single JSON result.
for (const k of ['log', 'info', 'debug', 'warn']) {
  console[k] = (...args) => process.stderr.write(`${args.map(String).join(' ')}\n`);
}

const FIRST_ROWS = 20;

function emit(obj) {
  process.stdout.write(`${JSON.stringify(obj, null, 1)}\n`);
}

function crash(message) {
  emit({ parseOk: null, crash: message });
  process.exitCode = 3;
}

async function main() {
  const args = process.argv.slice(2);
  if (args.length < 1 || args.length > 2) {
    throw new Error('usage: validate.js FILE.csv [PROFILE]');
  }
  const [file, profileArg] = args;

  require('./offline');
  const fs = require('fs');
  const { validate, getLabel, profiles } = require('@ban-team/validateur-bal');
  const validatorVersion = require('@ban-team/validateur-bal/package.json').version;

  if (profileArg !== undefined && !Object.prototype.hasOwnProperty.call(profiles, profileArg)) {
    throw new Error(`unknown profile ${profileArg}; known: ${Object.keys(profiles).join(', ')}`);
  }
  const buffer = fs.readFileSync(file);
  const r = await validate(buffer, profileArg ? { profile: profileArg } : {});

  if (!r.parseOk) {
    emit({ parseOk: false, validatorVersion, parseErrors: r.parseErrors || [] });
    return 2;
  }

  const label = (code) => {
    try {
      return getLabel(code);
    } catch (err) {
      return code;
    }
  };

  const alertCounts = { E: 0, W: 0, I: 0 };
  const perCode = new Map();
  const firstRows = [];
  for (const row of r.rows) {
    for (const e of row.errors) {
      alertCounts[e.level] = (alertCounts[e.level] || 0) + 1;
      const c = perCode.get(e.code) || { level: e.level, count: 0 };
      c.count += 1;
      perCode.set(e.code, c);
    }
    if (row.errors.length > 0 && firstRows.length < FIRST_ROWS) {
      firstRows.push({ line: row.line, codes: row.errors.map((e) => e.code) });
    }
  }
  const codeCounts = {};
  for (const code of [...perCode.keys()].sort()) codeCounts[code] = perCode.get(code);

  const profilErrors = [...r.profilErrors]
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((e) => ({ code: e.code, level: e.level, label: label(e.code) }));
  const blocked = profilErrors.some((e) => e.level === 'E');

  emit({
    parseOk: true,
    validatorVersion,
    profile: r.profile,
    blocked,
    rowCount: r.rows.length,
    alertCounts,
    codeCounts,
    profilErrors,
    firstRows,
  });
  return blocked ? 1 : 0;
}

main().then(
  (code) => { process.exitCode = code; },
  (err) => {
    process.stderr.write(`validate.js: ${err && err.stack ? err.stack : err}\n`);
    crash(String(err && err.message ? err.message : err));
  },
);
