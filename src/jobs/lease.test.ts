// The queue's hardening, on both engines: leases extended while a job runs (no second run),
// idle workers woken by a queued job (LISTEN/NOTIFY on PostgreSQL) rather than by their poll,
// pruning of old finished jobs by the worker loop, and the operator's list / retry / drop.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { sql } from 'kysely';
import { Ingest } from '../ingest/ingest.js';
import { createDeps } from '../ingest/wiring.js';
import { createLogger } from '../log.js';
import { openStore, queryBuilderForTests } from '../store/index.js';
import { describeEachEngine } from '../store/test-engines.js';
import { runWorker, type WorkerEvent } from './worker.js';

/** A logger whose JSON lines are kept in `lines`, and a hook called on each. */
function memoryLogger(onLine: (line: Record<string, unknown>) => void = () => undefined) {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString().split('\n').filter(Boolean)) {
        const line = JSON.parse(l) as Record<string, unknown>;
        lines.push(line);
        onLine(line);
      }
      done();
    },
  });
  return { lines, logger: createLogger('trace', stream) };
}

describeEachEngine('job queue, hardened', (store, engine, tdb) => {
  test(
    'a job running longer than its lease keeps it (heartbeat): two workers, one run',
    { timeout: 60_000 },
    async () => {
      const leaseMs = 600;
      // Worker ids without a pid, so only an expired lease (not a dead process) lets B take over.
      const a = store().queue({ leaseMs, workerId: 'test-a', backoffMs: () => 0 });
      const b = store().queue({ leaseMs, workerId: 'test-b', backoffMs: () => 0 });
      const { id } = await a.enqueue('long', { n: 1 });
      const runs: string[] = [];
      let started: () => void = () => undefined;
      const startedP = new Promise<void>((r) => (started = r));
      const stopB = new AbortController();
      let bReclaims = 0;
      const handler = (who: string) => async () => {
        runs.push(who);
        started();
        // Longer than four leases; worker B polls and reclaims all the while.
        const t0 = Date.now();
        while (Date.now() - t0 < 5 * leaseMs) await sleep(50);
        return who;
      };
      const workerA = runWorker(a, { long: handler('a') }, { drain: true, idleMs: 20, maxRetryWaitMs: 0 });
      await startedP;
      const workerB = runWorker(
        b,
        { long: handler('b') },
        {
          idleMs: 20,
          reclaimEveryMs: 50,
          signal: stopB.signal,
          log: memoryLogger().logger,
          onEvent: (e) => void (e.type === 'reclaimed' && bReclaims++),
        },
      );
      const summaryA = await workerA;
      stopB.abort();
      await workerB;
      assert.deepEqual(runs, ['a'], 'the job ran once, on the worker that claimed it');
      assert.equal(summaryA.done, 1);
      assert.equal(bReclaims, 0, 'the other worker never found the lease expired');
      const [row] = await a.list({ ids: [id] });
      assert.equal(row?.status, 'done');
      assert.equal(row?.attempts, 1);
    },
  );

  test('a lease that expired is lost: extending it says so and completing it is refused', async () => {
    const a = store().queue({ leaseMs: 0, workerId: 'test-a2' });
    const b = store().queue({ leaseMs: 0, workerId: 'test-b2' });
    const { id } = await a.enqueue('expire', { n: 1 });
    const [job] = await a.claim(1, ['expire']);
    assert.equal(job?.id, id);
    assert.deepEqual(await a.extend([id]), [id], 'the holder extends its lease');
    assert.equal(await b.reclaim(), 1);
    const [again] = await b.claim(1, ['expire']);
    assert.equal(again?.id, id);
    assert.deepEqual(await a.extend([id]), [], 'the old holder no longer holds it');
    assert.equal(await a.complete(id), false);
    assert.equal(await b.complete(id), true);
  });

  test(
    'an idle worker is woken by a newly queued job, not by its poll (poll interval 1 h)',
    { timeout: 30_000 },
    async () => {
      const stop = new AbortController();
      let idle: () => void = () => undefined;
      const idleP = new Promise<void>((r) => (idle = r));
      const { logger } = memoryLogger((l) => {
        if (l.msg === 'idle') idle();
      });
      const done: WorkerEvent[] = [];
      let ran: () => void = () => undefined;
      const ranP = new Promise<void>((r) => (ran = r));
      const worker = runWorker(
        store().queue(),
        { wake: async () => 'woken' },
        {
          idleMs: 3_600_000,
          reclaimEveryMs: 3_600_000,
          signal: stop.signal,
          log: logger,
          onEvent: (e) => {
            done.push(e);
            if (e.type === 'done') ran();
          },
        },
      );
      await idleP; // the worker found nothing and sleeps for an hour
      // On PostgreSQL the job is queued through another store (another pool, as another process
      // would): only the NOTIFY can reach the worker. On SQLite the API's process wakes its worker.
      const other = engine === 'postgres' ? await openStore({ databaseUrl: tdb().databaseUrl }) : store();
      try {
        await other.queue().enqueue('wake', { n: 1 });
      } finally {
        if (other !== store()) await other.close();
      }
      // A bound for a broken wake-up, so the test fails instead of hanging for the hour.
      const bound = new AbortController();
      await Promise.race([ranP, sleep(20_000, undefined, { signal: bound.signal }).catch(() => undefined)]);
      bound.abort();
      stop.abort();
      const summary = await worker;
      assert.equal(summary.done, 1, 'the job ran while the worker would still be asleep');
      assert.deepEqual(
        done.map((e) => e.type),
        ['done'],
      );
    },
  );

  test(
    'PostgreSQL: a LISTEN connection that is killed is logged and re-opened, and wakes the worker again',
    { timeout: 60_000, skip: engine !== 'postgres' && 'LISTEN/NOTIFY is PostgreSQL only' },
    async () => {
      const db = queryBuilderForTests(store());
      const listeners = async () =>
        (
          await sql<{ pid: number }>`SELECT pid FROM pg_stat_activity
            WHERE datname = current_database() AND query = 'LISTEN dmon_jobs'`.execute(db)
        ).rows.map((r) => Number(r.pid));
      const stop = new AbortController();
      const { lines, logger } = memoryLogger();
      let ran: () => void = () => undefined;
      const ranP = new Promise<void>((r) => (ran = r));
      const worker = runWorker(
        store().queue(),
        { rewake: async () => ran() },
        { idleMs: 3_600_000, reclaimEveryMs: 3_600_000, signal: stop.signal, log: logger },
      );
      const waitFor = async (what: string, check: () => Promise<boolean>) => {
        for (let i = 0; i < 200 && !(await check()); i++) await sleep(50);
        assert.ok(await check(), what);
      };
      await waitFor('the worker listens', async () => (await listeners()).length === 1);
      const [first] = await listeners();
      await sql`SELECT pg_terminate_backend(${first})`.execute(db);
      await waitFor('a new LISTEN connection', async () => {
        const now = await listeners();
        return now.length === 1 && now[0] !== first;
      });
      assert.ok(
        lines.some((l) => l.level === 'warn' && /LISTEN connection failed/.test(String(l.msg))),
        'the lost connection is logged',
      );
      const other = await openStore({ databaseUrl: tdb().databaseUrl });
      try {
        await other.queue().enqueue('rewake', { n: 1 });
      } finally {
        await other.close();
      }
      const bound = new AbortController();
      await Promise.race([ranP, sleep(20_000, undefined, { signal: bound.signal }).catch(() => undefined)]);
      bound.abort();
      stop.abort();
      const summary = await worker;
      assert.equal(summary.done, 1, 'woken through the new connection while the poll was an hour away');
    },
  );

  test('the worker loop (dmon worker and dmon serve alike) prunes finished jobs older than a week, and keeps the rest', async () => {
    const db = queryBuilderForTests(store());
    const now = Date.now();
    const row = (key: string, status: 'done' | 'failed', finishedAt: number) => ({
      kind: 'old',
      key,
      payload: '{}',
      status,
      attempts: 1,
      max_attempts: 1,
      run_after: 0,
      locked_by: null,
      locked_at: null,
      last_error: null,
      created_at: finishedAt,
      finished_at: finishedAt,
    });
    await db
      .insertInto('jobs')
      .values([
        row('old:done', 'done', now - 8 * 86_400_000),
        row('old:recent', 'done', now - 86_400_000),
        row('old:failed', 'failed', now - 30 * 86_400_000),
      ])
      .execute();
    const events: WorkerEvent[] = [];
    // The call `dmon serve` makes for its in-process worker (and `dmon worker` for its own).
    const ingest = new Ingest(store(), createDeps({ fetchAllow: [] }), { log: memoryLogger().logger });
    await ingest.run({ drain: true, onEvent: (e) => events.push(e) });
    const left = await db.selectFrom('jobs').select('key').where('kind', '=', 'old').orderBy('key').execute();
    assert.deepEqual(
      left.map((r) => r.key),
      ['old:failed', 'old:recent'],
      'only the done job older than a week is gone; failed jobs wait for an operator',
    );
    assert.deepEqual(
      events.filter((e) => e.type === 'pruned'),
      [{ type: 'pruned', count: 1 }],
    );
    await db.deleteFrom('jobs').where('kind', '=', 'old').execute();
  });

  test('list by state, retry and drop failed jobs: all, by kind, by id', async () => {
    const q = store().queue({ backoffMs: () => 0 });
    for (let i = 0; i < 4; i++) await q.enqueue(i < 3 ? 'broken' : 'other', { i }, { maxAttempts: 1 });
    await runWorker(
      q,
      {
        broken: async () => {
          throw new Error('always broken');
        },
        other: async () => {
          throw new Error('other broken');
        },
      },
      { drain: true, idleMs: 5, log: memoryLogger().logger },
    );
    const failed = await q.list({ status: 'failed' });
    assert.deepEqual(failed.map((f) => f.kind).sort(), ['broken', 'broken', 'broken', 'other']);
    assert.ok(failed.every((f) => f.last_error?.endsWith('broken')));
    assert.equal((await q.list({ status: 'failed', kind: 'other' })).length, 1);
    const [first, second] = failed.filter((f) => f.kind === 'broken').map((f) => f.id);
    assert.equal(await q.retryFailed(undefined, [first!]), 1, 'one by id');
    assert.deepEqual(
      (await q.list({ ids: [first!] })).map((r) => [r.status, r.attempts]),
      [['queued', 0]],
    );
    assert.equal(await q.retryFailed(undefined, []), 0, 'no ids, nothing');
    assert.equal(await q.dropFailed(undefined, [second!]), 1);
    assert.equal(await q.dropFailed('other'), 1);
    assert.equal(await q.dropFailed(), 1, 'the last failed one');
    assert.equal((await q.list({ status: 'failed' })).length, 0);
    assert.equal((await q.list({ status: 'queued', kind: 'broken' })).length, 1, 'the retried job waits');
    await queryBuilderForTests(store()).deleteFrom('jobs').where('kind', 'in', ['broken', 'other']).execute();
  });
});
