// PostgreSQL going away under a running process, without touching the shared server: the test
// database's backends are terminated with pg_terminate_backend (what a restart does to them,
// error 57P01), and an outage is held by refusing new connections to that database
// (ALTER DATABASE … ALLOW_CONNECTIONS false) until the test lets them in again.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { runWorker, type WorkerEvent } from '../jobs/worker.js';
import { buildApp } from '../serve/app.js';
import { queryBuilderForTests, type Store } from './index.js';
import { createTestDatabase, openTestStore, type TestDatabase } from './test-engines.js';

const ADMIN_URL = process.env.DMON_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('PostgreSQL outages', () => {
  let tdb: TestDatabase;
  let store: Store;
  let admin: pg.Client;
  let name = '';

  /** Cuts every connection to the test database; with `hold`, refuses new ones until restore(). */
  const cut = async (hold = false) => {
    if (hold) await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
    await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [name],
    );
  };
  const restore = () => admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);

  before(async () => {
    tdb = await createTestDatabase('postgres');
    name = new URL(tdb.databaseUrl!).pathname.slice(1);
    store = await openTestStore(tdb);
    admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
  });
  after(async () => {
    await restore();
    await admin.end();
    await store.close();
    await tdb.drop();
  });

  test('a connection cut inside a transaction fails that transaction, not the process', async () => {
    await assert.rejects(
      queryBuilderForTests(store)
        .transaction()
        .execute(async (trx) => {
          await sql`select 1`.execute(trx);
          await cut();
          await sleep(200); // the client's 'error' event arrives while it is checked out
          await sql`select 1`.execute(trx);
        }),
    );
    const r = await sql<{ n: number }>`select 2 as n`.execute(queryBuilderForTests(store));
    assert.equal(r.rows[0]!.n, 2, 'the pool opened a new connection');
  });

  test('/api/health reports the outage while it lasts, then the recovery', async () => {
    const app: FastifyInstance = await buildApp({ store, version: 'test' });
    assert.equal((await app.inject({ url: '/api/health' })).statusCode, 200);
    await cut(true);
    const down = await app.inject({ url: '/api/health' });
    assert.equal(down.statusCode, 503);
    assert.equal(down.json().status, 'unavailable');
    assert.equal(down.json().store.reachable, false);
    assert.equal(down.json().store.outage.to, null);
    const facts = await app.inject({ url: '/api/facts' });
    assert.equal(facts.statusCode, 503);
    assert.equal(facts.json().error.code, 'STORE_FAILED');
    await restore();
    const up = await app.inject({ url: '/api/health' });
    assert.equal(up.statusCode, 200);
    assert.equal(up.json().status, 'ok');
    assert.equal(up.json().store.reachable, true);
    assert.ok(up.json().store.outage.to >= up.json().store.outage.from, 'the outage has an end');
    await app.close();
  });

  test('a worker rides out an outage: it backs off, reconnects, and runs every job exactly once', async () => {
    const queue = store.queue({ backoffMs: () => 0 });
    for (let i = 0; i < 12; i++) await queue.enqueue('write', { i });
    const stored: number[] = [];
    const events: WorkerEvent[] = [];
    let cutDone = false;
    // The test waits for the database to be let in again before it ends: a restore still
    // pending when the suite's after() closes the admin client would reject unhandled.
    let restored: Promise<unknown> = Promise.resolve();
    const summary = await runWorker(
      queue,
      {
        write: async (job) => {
          const { i } = job.payload as { i: number };
          if (i === 4 && !cutDone) {
            // The store goes away while this job is in flight; it comes back 1.5 s later.
            cutDone = true;
            await cut(true);
            restored = sleep(1500).then(restore);
          }
          await sql`select ${i}::int`.execute(queryBuilderForTests(store)); // fails while the database is away
          stored.push(i);
          return i;
        },
      },
      { drain: true, idleMs: 20, concurrency: 2, onEvent: (e) => events.push(e) },
    );
    assert.equal(summary.done, 12);
    assert.equal(summary.parked, 0);
    assert.deepEqual(
      [...new Set(stored)].sort((a, b) => a - b),
      Array.from({ length: 12 }, (_, i) => i),
    );
    assert.ok(
      events.some((e) => e.type === 'store-down'),
      'the outage was reported',
    );
    assert.ok(
      events.some((e) => e.type === 'store-up'),
      'the recovery was reported',
    );
    await restored;
    assert.equal((await queue.counts()).done, 12);
  });
});
