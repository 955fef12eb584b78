// An unexpected failure inside a route (here a real one: the facts table renamed away under a
// running server) answers 500 with a generic message in the error shape: no stack trace, no SQL,
// no table or file names. The details go to the server log only. Both engines.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { describeEachEngine } from '../store/test-engines.js';
import { factA, seedArticle, TEXT_A } from '../store/test-fixtures.js';
import { buildApp } from './app.js';

describeEachEngine('unexpected failures', (store, engine, tdb) => {
  let app: FastifyInstance;
  before(async () => {
    app = await buildApp({ store: store(), version: 'test' });
    await seedArticle(store(), TEXT_A, [factA()]);
  });

  test('a 500 says "internal error" and nothing about the inside', async () => {
    assert.equal((await app.inject('/api/facts')).statusCode, 200);
    if (engine === 'sqlite') {
      const db = new Database(tdb().sqlitePath);
      db.exec('ALTER TABLE facts RENAME TO facts_gone');
      db.close();
    } else {
      const c = new pg.Client({ connectionString: tdb().databaseUrl! });
      await c.connect();
      await c.query('ALTER TABLE facts RENAME TO facts_gone');
      await c.end();
    }
    // (/api/countries with a minimum figure: without it it reads the summary tables, not the facts.)
    for (const url of [
      '/api/facts',
      '/api/countries?from=2024-01-01&cause=conflict&min=10',
      '/api/facts/1',
    ]) {
      const r = await app.inject(url);
      assert.equal(r.statusCode, 500, `${url}: ${r.statusCode} ${r.body.slice(0, 200)}`);
      assert.deepEqual(r.json().error, {
        code: 'INTERNAL',
        message: 'internal error; the server log has the details',
      });
      // The path asked for may be echoed (problem+json's instance); nothing from inside is.
      assert.doesNotMatch(r.body, /SQL|relation|no such table|facts_gone|\n\s+at |\.ts:|\.js:/i, url);
      assert.equal(r.headers['x-content-type-options'], 'nosniff');
    }
  });
});
