import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { sql } from 'kysely';
import { DmonError } from '../errors.js';
import { queryBuilderForTests } from '../store/index.js';
import { describeEachEngine } from '../store/test-engines.js';
import { runWorker } from './worker.js';

describeEachEngine('job queue', (store, engine, tdb) => {
  const queue = () => store().queue({ backoffMs: () => 0 });

  test('enqueue is idempotent by key', async () => {
    const q = queue();
    const a = await q.enqueue('noop', { n: 1 });
    const b = await q.enqueue('noop', { n: 1 });
    assert.equal(a.created, true);
    assert.equal(b.created, false);
    assert.equal(a.id, b.id);
    const w = await runWorker(q, { noop: async () => null }, { drain: true, idleMs: 5 });
    assert.equal(w.done, 1);
    assert.equal((await q.enqueue('noop', { n: 1 })).created, false, 'a done job is not enqueued again');
  });

  // Before the fix the drain waited for the other kind for ever: the timeout turns that into a failure.
  test(
    'a drain of some kinds ends when they are done, though jobs of other kinds wait',
    { timeout: 20_000 },
    async () => {
      const q = queue();
      await q.enqueue('mine', { n: 1 });
      const other = await q.enqueue('theirs', { n: 1 });
      try {
        const ran: string[] = [];
        const w = await runWorker(
          q,
          { mine: async () => void ran.push('mine'), theirs: async () => void ran.push('theirs') },
          { drain: true, idleMs: 5, kinds: ['mine'], maxRetryWaitMs: 60_000 },
        );
        assert.equal(w.done, 1);
        assert.deepEqual(ran, ['mine']);
        const [left] = await q.list({ ids: [other.id] });
        assert.equal(left?.status, 'queued', 'the other kind is left for its own worker');
      } finally {
        await queryBuilderForTests(store()).deleteFrom('jobs').where('id', '=', other.id).execute();
      }
    },
  );

  test('a deferred kind runs once nothing else is ready or running', async () => {
    const q = queue();
    await q.enqueue('late', { n: 1 });
    for (let i = 0; i < 4; i++) await q.enqueue('work', { i });
    const ran: string[] = [];
    const w = await runWorker(
      q,
      {
        late: async () => void ran.push('late'),
        work: async (job) => {
          await new Promise((r) => setTimeout(r, 5));
          ran.push(`work${(job.payload as { i: number }).i}`);
        },
      },
      { drain: true, idleMs: 5, concurrency: 2, deferredKinds: ['late'] },
    );
    assert.equal(w.done, 5);
    assert.equal(ran.at(-1), 'late', `the deferred job ran last (${ran.join(' ')})`);
  });

  test('a deferred job that waited its longest runs though other jobs keep coming', async () => {
    const q = queue();
    await q.enqueue('late', { n: 2 }, { runAfter: Date.now() - 60_000 });
    for (let i = 0; i < 6; i++) await q.enqueue('work', { i, n: 2 });
    const ran: string[] = [];
    await runWorker(
      q,
      {
        late: async () => void ran.push('late'),
        work: async () => void ran.push('work'),
      },
      { drain: true, idleMs: 5, concurrency: 1, deferredKinds: ['late'], deferMaxMs: 1000 },
    );
    assert.equal(ran[0], 'late', `the job ready for a minute ran first (${ran.join(' ')})`);
  });

  test('a failing job is retried, then parked with its error; the batch goes on', async () => {
    const q = queue();
    for (let i = 0; i < 5; i++) await q.enqueue('mixed', { i }, { maxAttempts: 3 });
    let flaky = 0;
    const summary = await runWorker(
      q,
      {
        mixed: async (job) => {
          const { i } = job.payload as { i: number };
          if (i === 1) throw new Error('always broken');
          if (i === 2 && flaky++ === 0) throw new Error('transient');
          if (i === 3) throw new DmonError('FETCH_REFUSED', 'private address');
          return i;
        },
      },
      { drain: true, idleMs: 5 },
    );
    assert.deepEqual(summary, { done: 3, retried: 3, parked: 2 });
    const failed = await q.failed();
    assert.deepEqual(failed.map((f) => [f.last_error, f.attempts]).sort(), [
      ['always broken', 3],
      ['private address', 1],
    ]);
    assert.equal(await q.retryFailed('mixed'), 2);
    assert.equal((await q.counts()).queued, 2);
    await queryBuilderForTests(store()).deleteFrom('jobs').where('kind', '=', 'mixed').execute();
  });

  test('a job held by a dead worker is reclaimed and completed once', async () => {
    const dead = store().queue({ workerId: 'gone-host:1:x', leaseMs: 0 });
    await dead.enqueue('crash', { n: 1 });
    const [job] = await dead.claim(1);
    assert.ok(job);
    const alive = store().queue({ leaseMs: 0 });
    assert.equal(await alive.reclaim(), 1);
    const [again] = await alive.claim(1);
    assert.equal(again?.id, job.id);
    assert.equal(await dead.complete(job.id), false, 'the old holder cannot complete it');
    assert.equal(await alive.complete(job.id), true);
  });

  test(
    `two worker processes run ${engine === 'postgres' ? 2000 : 400} jobs exactly once`,
    { timeout: 60_000 },
    async () => {
      const n = engine === 'postgres' ? 2000 : 400;
      await sql`CREATE TABLE test_runs (job_id integer NOT NULL, worker text NOT NULL)`.execute(
        queryBuilderForTests(store()),
      );
      const q = queue();
      const payloads = Array.from({ length: n }, (_, i) => i);
      for (let i = 0; i < n; i += 500)
        await queryBuilderForTests(store())
          .insertInto('jobs')
          .values(
            payloads.slice(i, i + 500).map((k) => ({
              kind: 'count',
              key: `count:${k}`,
              payload: '{}',
              status: 'queued' as const,
              attempts: 0,
              max_attempts: 3,
              run_after: 0,
              locked_by: null,
              locked_at: null,
              last_error: null,
              created_at: Date.now(),
              finished_at: null,
            })),
          )
          .execute();
      const target = tdb().databaseUrl ?? tdb().sqlitePath;
      const children = [0, 1].map(() => runChild(target));
      await Promise.all(children.map((c) => c.ready));
      for (const c of children) c.go();
      const runs = await Promise.all(children.map((c) => c.done));
      const done = runs.reduce((s, r) => s + r.done, 0);
      assert.equal(done, n);
      const stats = await sql<{ runs: number; jobs: number; workers: number }>`
      SELECT count(*) AS runs, count(DISTINCT job_id) AS jobs, count(DISTINCT worker) AS workers FROM test_runs`.execute(
        queryBuilderForTests(store()),
      );
      const s = stats.rows[0]!;
      assert.equal(Number(s.runs), n, 'each job ran once');
      assert.equal(Number(s.jobs), n, 'every job ran');
      assert.equal(Number(s.workers), 2, 'both workers took part');
      assert.equal((await q.counts()).done >= n, true);
    },
  );
});

function runChild(target: string): { ready: Promise<void>; go: () => void; done: Promise<{ done: number }> } {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', new URL('./test-worker-process.ts', import.meta.url).pathname, target],
    {
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  let onReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    if (out.startsWith('ready\n')) onReady();
  });
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const done = new Promise<{ done: number }>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      onReady();
      if (code !== 0) return reject(new Error(`worker exited ${code}: ${err}`));
      resolve(JSON.parse(out.trim().split('\n').pop() ?? '{}') as { done: number });
    });
  });
  return { ready, go: () => child.stdin.end('go\n'), done };
}
