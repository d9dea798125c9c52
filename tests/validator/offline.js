'use strict';
// Keeps @ban-team/validateur-bal offline.
//
// The validator makes exactly one kind of network call: for each INSEE code in
// the file it asks the BAN web service (GET <BAN>/api/district/cog/<insee>)
// for the commune's id_ban_commune. It then checks the file's id_ban_commune
// column against it (error "row.cog_no_match_id_ban_commune").
//
// This module replaces globalThis.fetch before the validator runs:
//   - .../api/district/cog/<insee> is answered from a local JSON map
//     {"06012": "<uuid>", ...}. The map file's path comes from the environment
//     variable ADRESSAGE_BAN_COMMUNE_IDS. A code found in the map gets
//     {status: 'success', response: [{id: <uuid>}]}.
//   - a code not in the map (or no map at all) gets the not-found answer
//     {status: 'error', response: []}. The validator then skips the
//     id_ban_commune comparison and runs every other rule normally.
//   - any other URL is refused with an exception, so a new network call in a
//     future validator version cannot go unnoticed.

const fs = require('fs');
const path = require('path');

function loadCommuneIds() {
  const file = process.env.ADRESSAGE_BAN_COMMUNE_IDS;
  if (!file) return {};
  let map;
  try {
    map = JSON.parse(fs.readFileSync(path.resolve(file), 'utf8'));
  } catch (err) {
    throw new Error(`ADRESSAGE_BAN_COMMUNE_IDS: cannot read ${file}: ${err.message}`);
  }
  if (!map || typeof map !== 'object' || Array.isArray(map)) {
    throw new Error(`ADRESSAGE_BAN_COMMUNE_IDS: ${file} must hold a JSON object {"<insee>": "<uuid>"}`);
  }
  for (const [insee, id] of Object.entries(map)) {
    if (typeof id !== 'string' || id === '') {
      throw new Error(`ADRESSAGE_BAN_COMMUNE_IDS: value for ${insee} in ${file} is not a non-empty string`);
    }
  }
  return map;
}

const communeIds = loadCommuneIds();
const DISTRICT_COG = /\/api\/district\/cog\/([^/?#]+)\/?(?:[?#].*)?$/;

function jsonAnswer(body) {
  return {
    ok: true,
    status: 200,
    statusText: 'OK',
    headers: { get: (name) => (String(name).toLowerCase() === 'content-type' ? 'application/json' : null) },
    json: async () => body,
    text: async () => JSON.stringify(body),
  };
}

globalThis.fetch = async function offlineFetch(input, init) {
  const url = typeof input === 'string' ? input : (input && input.url) || String(input);
  const method = ((init && init.method) || (input && input.method) || 'GET').toUpperCase();
  const m = method === 'GET' ? DISTRICT_COG.exec(url) : null;
  if (!m) {
    throw new Error(`offline.js: unexpected network request ${method} ${url}`);
  }
  const insee = decodeURIComponent(m[1]);
  const id = Object.prototype.hasOwnProperty.call(communeIds, insee) ? communeIds[insee] : undefined;
  return jsonAnswer(id ? { status: 'success', response: [{ id }] } : { status: 'error', response: [] });
};

module.exports = { communeIds };
