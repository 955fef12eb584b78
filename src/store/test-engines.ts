// Test helper: runs a suite against both engines. SQLite gets a fresh file in a temp dir;
// PostgreSQL a fresh database (dmon_test_<pid>_<random>) dropped afterwards. If PostgreSQL
// is not reachable the suite fails with a message saying how to start it: it never skips.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { after, before, describe } from 'node:test';
import pg from 'pg';
import { openStore, type Store } from './index.js';
import type { Engine } from './engine.js';

export const ENGINES: Engine[] = ['sqlite', 'postgres'];
const ADMIN_URL = process.env.DMON_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  engine: Engine;
  databaseUrl: string | null;
  sqlitePath: string;
  drop(): Promise<void>;
}

/** Creates an empty database for one engine (a temp SQLite file or a new PostgreSQL database). */
export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'dmon-test-'));
    return {
      engine,
      databaseUrl: null,
      sqlitePath: join(dir, 'dmon.sqlite'),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `dmon_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await admin.connect();
  } catch (e) {
    throw new Error(
      `PostgreSQL is not reachable at ${ADMIN_URL} (${(e as Error).message}). The store tests need it: start it with ` +
        '`pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`, or set DMON_TEST_PG_URL.',
      { cause: e },
    );
  }
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return {
    engine,
    databaseUrl: u.toString(),
    sqlitePath: '',
    drop: async () => {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function openTestStore(tdb: TestDatabase): Promise<Store> {
  return openStore({ databaseUrl: tdb.databaseUrl, sqlitePath: tdb.sqlitePath });
}

/**
 * Declares `body` once per engine, each in its own describe block with its own fresh store.
 * `get()` returns the open store inside tests.
 */
export function describeEachEngine(
  name: string,
  body: (get: () => Store, engine: Engine, tdb: () => TestDatabase) => void,
): void {
  for (const engine of ENGINES) {
    describe(`${name} [${engine}]`, () => {
      let store: Store | undefined;
      let tdb: TestDatabase | undefined;
      before(async () => {
        tdb = await createTestDatabase(engine);
        store = await openTestStore(tdb);
      });
      after(async () => {
        await store?.close();
        await tdb?.drop();
      });
      body(
        () => {
          if (!store) throw new Error('store not open');
          return store;
        },
        engine,
        () => {
          if (!tdb) throw new Error('database not created');
          return tdb;
        },
      );
    });
  }
}
