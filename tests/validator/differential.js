#!/usr/bin/env node
'use strict';
// Usage: node differential.js ADRESSAGE CORPUS_DIR [REPORT.json]
//
// Runs the official validator (in this process, offline) and `ADRESSAGE validate --format json`
// on every .csv of CORPUS_DIR, and compares, file by file: whether the file parses, the
// detected profile, the verdict (blocked), and every row's (line, code, level) multiset and the
// profile's distinct (code, level). Prints each disagreement; exit 1 if there is any.
for (const k of ['log', 'info', 'debug', 'warn']) {
  console[k] = (...args) => process.stderr.write(`${args.map(String).join(' ')}\n`);
}
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

function key(errors) {
  return errors.map((e) => `${e.code}:${e.level}`).sort().join(',');
}

function official(result) {
  if (!result.parseOk) return { parseOk: false };
  const rows = new Map();
  for (const row of result.rows) {
    if (row.errors.length) rows.set(row.line, key(row.errors));
  }
  return {
    parseOk: true,
    profile: result.profile,
    blocked: result.profilErrors.some((e) => e.level === 'E'),
    profilErrors: key(result.profilErrors),
    rows,
  };
}

function ours(bin, file) {
  const run = spawnSync(bin, ['validate', '--format', 'json', file], { encoding: 'utf8' });
  if (run.status === 2) {
    let parsed = null;
    try { parsed = JSON.parse(run.stdout); } catch (e) { /* not JSON */ }
    return parsed && parsed.parseOk === false ? { parseOk: false } : { error: run.stderr.trim() };
  }
  if (run.status !== 0 && run.status !== 1) return { error: `exit ${run.status}: ${run.stderr.trim()}` };
  const r = JSON.parse(run.stdout);
  const rows = new Map();
  for (const row of r.rows) if (row.errors.length) rows.set(row.line, key(row.errors));
  return { parseOk: true, profile: r.profile, blocked: r.blocked, profilErrors: key(r.profilErrors), rows };
}

(async () => {
  const [bin, dir, reportFile] = process.argv.slice(2);
  require('./offline');
  const { validate } = require('@ban-team/validateur-bal');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.csv')).sort();
  const disagreements = [];
  for (const name of files) {
    const file = path.join(dir, name);
    let theirs;
    try {
      theirs = official(await validate(fs.readFileSync(file)));
    } catch (e) {
      theirs = { parseOk: false, crash: String(e.message || e) };
    }
    const mine = ours(bin, file);
    const diffs = [];
    if (mine.error) diffs.push(`adressage failed: ${mine.error}`);
    else if (theirs.parseOk !== mine.parseOk) diffs.push(`parseOk official=${theirs.parseOk} ours=${mine.parseOk}`);
    else if (theirs.parseOk) {
      if (theirs.profile !== mine.profile) diffs.push(`profile ${theirs.profile} vs ${mine.profile}`);
      if (theirs.blocked !== mine.blocked) diffs.push(`blocked ${theirs.blocked} vs ${mine.blocked}`);
      if (theirs.profilErrors !== mine.profilErrors) diffs.push(`profilErrors\n      official ${theirs.profilErrors}\n      ours     ${mine.profilErrors}`);
      const lines = new Set([...theirs.rows.keys(), ...mine.rows.keys()]);
      for (const line of [...lines].sort((a, b) => a - b)) {
        const a = theirs.rows.get(line) || '';
        const b = mine.rows.get(line) || '';
        if (a !== b) diffs.push(`row ${line}\n      official ${a}\n      ours     ${b}`);
      }
    }
    if (diffs.length) disagreements.push({ file: name, diffs });
  }
  for (const d of disagreements) {
    console.error(`DIFF ${d.file}`);
    for (const x of d.diffs.slice(0, 5)) console.error(`    ${x}`);
  }
  const summary = { files: files.length, disagreeing: disagreements.length };
  if (reportFile) fs.writeFileSync(reportFile, JSON.stringify({ summary, disagreements }, null, 1));
  process.stdout.write(`differential: ${files.length} files, ${disagreements.length} with a disagreement\n`);
  process.exit(disagreements.length ? 1 : 0);
})().catch((e) => { console.error(e); process.exit(3); });
