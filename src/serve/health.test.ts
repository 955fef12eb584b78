// /api/health asks the database on every call but reuses its article and job counts for a few
// seconds: counting every article by status is the expensive part at a million facts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openStore } from '../store/index.js';
import { factA, factB, seedArticle, TEXT_A, TEXT_B } from '../store/test-fixtures.js';
import { buildApp } from './app.js';

test('health: counts reused within their TTL, recounted after it; an outage shows at once', async () => {
  const store = await openStore({ sqlitePath: ':memory:' });
  const cached = await buildApp({ store, version: 'test', healthCountsTtlMs: 60_000 });
  const fresh = await buildApp({ store, version: 'test', healthCountsTtlMs: 0 });
  await seedArticle(store, TEXT_A, [factA()]);
  const first = (await cached.inject({ url: '/api/health' })).json();
  assert.equal(first.status, 'ok');
  assert.equal(first.articles.extracted, 1);
  assert.ok(Math.abs(first.counted_at - Date.now()) < 10_000, 'counted_at is a time in ms');

  await seedArticle(store, TEXT_B, [factB()]);
  const again = (await cached.inject({ url: '/api/health' })).json();
  assert.equal(again.articles.extracted, 1, 'within the TTL the counts are reused');
  assert.equal(again.counted_at, first.counted_at, 'and say when they were taken');
  const recounted = (await fresh.inject({ url: '/api/health' })).json();
  assert.equal(recounted.articles.extracted, 2, 'past the TTL they are recounted');

  // Cached counts do not hide a store that stopped answering.
  await store.close();
  const down = await cached.inject({ url: '/api/health' });
  assert.equal(down.statusCode, 503);
  assert.equal(down.json().status, 'unavailable');
  await cached.close();
  await fresh.close();
});
