// Disk faults under a SQLite store, on a real file system: a read-only data directory (a
// read-only mount as root, else a directory without write permission) and a full disk (a
// small tmpfs, root only; skipped with a message otherwise; diskFull.fsize.test.ts does it
// without root). Each must give a clear error naming the store's path, leave the store intact
// (PRAGMA integrity_check), and, for the full disk, let the worker resume by itself once space
// returns, with /api/health saying what is wrong meanwhile.
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, test } from 'node:test';
import { sql } from 'kysely';
import { Ingest } from '../ingest/ingest.js';
import { createDeps } from '../ingest/wiring.js';
import type { WorkerEvent } from '../jobs/worker.js';
import { buildApp } from '../serve/app.js';
import { openStore, queryBuilderForTests } from './index.js';
import { integrity, report } from './test-disk.js';

const RUN = fileURLToPath(new URL('../cli/run.ts', import.meta.url));
const ROOT = process.getuid?.() === 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function dmon(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', RUN, ...args],
      { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '', ...env }, timeout: 60_000 },
      (error, out, err) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out, err }),
    );
  });
}

const mounts: string[] = [];
const dirs: string[] = [];
after(() => {
  for (const m of mounts) {
    try {
      execFileSync('umount', ['-l', m]);
    } catch {
      // already gone
    }
  }
  for (const d of dirs) {
    chmodSync(d, 0o755);
    rmSync(d, { recursive: true, force: true });
  }
});

/** A fresh directory; as root a tmpfs of `sizeMb` mounted on it. */
function scratch(sizeMb: number): string {
  const d = mkdtempSync(join(tmpdir(), 'dmon-disk-'));
  dirs.push(d);
  if (ROOT) {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m`, 'tmpfs', d]);
    mounts.push(d);
  }
  return d;
}

describe('read-only data directory', () => {
  test('import and serve fail with the store path and exit non-zero; the store stays intact', async () => {
    const dir = scratch(16);
    const data = join(dir, 'data');
    mkdirSync(data);
    const sqlitePath = join(data, 'dmon.sqlite');
    const store = await openStore({ sqlitePath });
    const ingest = new Ingest(store, createDeps({ fetchAllow: [] }), { hostDelayMs: 0 });
    await ingest.addDocuments([0, 1, 2].map((i) => ({ text: report(i), origin: 'import' })));
    await store.close();
    const corpus = join(tmpdir(), `dmon-disk-corpus-${process.pid}.jsonl`);
    writeFileSync(corpus, JSON.stringify({ id: 'x', text: report(9) }) + '\n');

    if (ROOT) execFileSync('mount', ['-o', 'remount,ro', dir]);
    else chmodSync(data, 0o555);
    try {
      const env = { DMON_SQLITE: sqlitePath };
      const imp = await dmon(['import', corpus], env);
      assert.notEqual(imp.code, 0, 'dmon import exits non-zero');
      assert.ok(imp.err.includes(sqlitePath), `the error names the store: ${imp.err}`);
      assert.match(imp.err, /read-only/);
      const serve = await dmon(['serve', '--port', '0'], env);
      assert.notEqual(serve.code, 0, 'dmon serve exits non-zero');
      assert.ok(serve.err.includes(sqlitePath), `the error names the store: ${serve.err}`);
      // A store that does not exist yet, in a read-only directory, says the same.
      const fresh = await dmon(['import', corpus], { DMON_SQLITE: join(data, 'new.sqlite') });
      assert.notEqual(fresh.code, 0);
      assert.ok(fresh.err.includes(join(data, 'new.sqlite')), fresh.err);
    } finally {
      if (ROOT) execFileSync('mount', ['-o', 'remount,rw', dir]);
      else chmodSync(data, 0o755);
      rmSync(corpus, { force: true });
    }
    const again = await openStore({ sqlitePath });
    try {
      assert.equal(await integrity(again), 'ok');
      assert.equal((await again.articles.count()).pending, 3, 'the stored articles are still there');
    } finally {
      await again.close();
    }
  });
});

describe('disk full', { skip: ROOT ? false : 'needs root to mount a small tmpfs' }, () => {
  test(
    'writes fail with SQLITE_FULL named; health says degraded; the worker resumes when space returns',
    { timeout: 180_000 },
    async () => {
      const dir = scratch(8);
      const sqlitePath = join(dir, 'dmon.sqlite');
      const store = await openStore({ sqlitePath });
      const { token } = await store.tokens.create('disk', 'review');
      const ingest = new Ingest(store, createDeps({ fetchAllow: [] }), {
        hostDelayMs: 0,
        queue: { backoffMs: () => 200 },
      });
      const N = 30;
      await ingest.addDocuments(Array.from({ length: N }, (_, i) => ({ text: report(i), origin: 'import' })));
      const app = await buildApp({ store, version: 'test', submit: (input) => ingest.submit(input) });
      const filler = join(dir, 'filler');
      const events: WorkerEvent[] = [];
      const stop = new AbortController();
      let worker: Promise<unknown> = Promise.resolve();
      try {
        // An empty WAL, then no free block: the next write must grow a file and cannot.
        await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(queryBuilderForTests(store));
        const fd = openSync(filler, 'w');
        const block = Buffer.alloc(4096, 1);
        try {
          for (;;) writeSync(fd, block);
        } catch (e) {
          assert.equal((e as NodeJS.ErrnoException).code, 'ENOSPC');
        } finally {
          closeSync(fd);
        }

        const post = await app.inject({
          method: 'POST',
          url: '/api/articles',
          headers: { authorization: `Bearer ${token}` },
          payload: { text: report(100) },
        });
        assert.equal(post.statusCode, 503, post.body);
        const message = (post.json() as { error: { message: string } }).error.message;
        assert.ok(message.includes(sqlitePath), `the error names the store: ${message}`);
        assert.match(message, /full/i);

        worker = ingest.run({ signal: stop.signal, idleMs: 50, onEvent: (e) => events.push(e) });
        const deadline = Date.now() + 60_000;
        while (!events.some((e) => e.type === 'store-down' || e.type === 'retry')) {
          assert.ok(Date.now() < deadline, 'the worker met the full disk');
          await sleep(50);
        }
        const health = await app.inject({ url: '/api/health' });
        assert.equal(health.statusCode, 200);
        const h = health.json() as {
          status: string;
          store: { where: string; writable: boolean; outage: { error: string; to: number | null } };
        };
        assert.equal(h.status, 'degraded');
        assert.equal(h.store.writable, false);
        assert.equal(h.store.where, sqlitePath);
        assert.match(h.store.outage.error, /full/i);
        assert.equal(h.store.outage.to, null, 'the outage is in progress');

        rmSync(filler);
        const resumed = Date.now() + 120_000;
        while ((await store.articles.count()).extracted < N) {
          assert.ok(Date.now() < resumed, `extracted ${(await store.articles.count()).extracted} of ${N}`);
          await sleep(200);
        }
        const after = (await app.inject({ url: '/api/health' })).json() as {
          status: string;
          store: { outage: { to: number | null } };
        };
        assert.equal(after.status, 'ok');
        assert.ok(after.store.outage.to, 'the outage has ended');
        const again = await app.inject({
          method: 'POST',
          url: '/api/articles',
          headers: { authorization: `Bearer ${token}` },
          payload: { text: report(101) },
        });
        assert.ok(again.statusCode < 300, again.body);
      } finally {
        stop.abort();
        await worker;
        await app.close();
        rmSync(filler, { force: true });
      }
      try {
        assert.equal(await integrity(store), 'ok');
        const db = queryBuilderForTests(store);
        const articles = await db.selectFrom('articles').select(['status', 'fact_count']).execute();
        assert.equal(articles.length, N + 1, 'nothing lost, the refused text not stored');
        assert.equal(
          await store.facts.count(),
          articles.reduce((n, a) => n + a.fact_count, 0),
          'facts match their articles',
        );
        const failed = await db.selectFrom('jobs').select('id').where('status', '=', 'failed').execute();
        assert.deepEqual(failed, [], 'no job given up');
      } finally {
        await store.close();
      }
    },
  );
});
