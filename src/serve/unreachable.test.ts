import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openStore } from '../store/index.js';
import { buildApp } from './app.js';

test('a database that cannot be reached is a 503 that says so, not a crash', async () => {
  // Nothing listens on port 1 of the loopback interface: the connection is refused at once.
  const store = await openStore({ databaseUrl: 'postgres://postgres@127.0.0.1:1/none', migrate: false });
  const app = await buildApp({ store, version: 'test' });
  const r = await app.inject({ url: '/api/facts' });
  assert.equal(r.statusCode, 503);
  assert.match(r.json().error.message, /database is unreachable/);
  assert.equal((await app.inject({ url: '/api/health' })).statusCode, 503);
  await app.close();
  await store.close();
});
