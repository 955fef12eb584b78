// The OpenAPI document is generated from the route schemas; src/serve/openapi.json is the
// committed copy (for clients and reviewers). This test fails when they drift apart:
// regenerate on purpose with `REGEN=1 node scripts/test.mjs src/serve/openapi` and review the diff.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { openStore } from '../store/index.js';
import { buildApp } from './app.js';

const FILE = new URL('./openapi.json', import.meta.url);

test('the committed OpenAPI document matches the routes', async () => {
  const store = await openStore({ sqlitePath: ':memory:' });
  const app = await buildApp({ store, version: '0.0.0' });
  const doc = JSON.stringify((await app.inject({ url: '/api/openapi.json' })).json(), null, 2) + '\n';
  await app.close();
  await store.close();
  if (process.env.REGEN) writeFileSync(FILE, doc);
  // Compared as data, so reformatting the file (prettier) is not drift.
  assert.deepEqual(
    JSON.parse(readFileSync(FILE, 'utf8')),
    JSON.parse(doc),
    'src/serve/openapi.json is stale: regenerate with REGEN=1 and review the diff',
  );
});
