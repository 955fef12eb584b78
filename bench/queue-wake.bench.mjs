// How soon an idle worker starts a newly queued job: woken (LISTEN/NOTIFY on PostgreSQL, the
// in-process wake-up on SQLite) against polling alone every 500 ms, the worker's default.
// A producer on another connection queues one job at a time at random moments and waits for
// it to start; the latency is queue → start. Needs PostgreSQL (DMON_TEST_PG_URL or
// postgres://postgres@127.0.0.1:5432/postgres) for the PostgreSQL rows; prints a skip otherwise.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';

const { openStore } = await import('../dist/store/index.js');
const { runWorker } = await import('../dist/jobs/worker.js');
const { createLogger } = await import('../dist/log.js');

const JOBS = 40;
const IDLE_MS = 500;
const quiet = createLogger('silent');

let seed = 11;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];

async function measure(engine, target, listen) {
  const consumer = await openStore(target);
  // On PostgreSQL the producer is another store (another pool), as another process would be;
  // on SQLite the wake-up is in-process (the API and its worker), so it shares the store.
  const producer = engine === 'postgres' ? await openStore(target) : consumer;
  const latencies = [];
  let started = () => undefined;
  const stop = new globalThis.AbortController();
  const worker = runWorker(
    consumer.queue(),
    {
      tick: async (job) => {
        latencies.push(Date.now() - job.payload.t);
        started();
      },
    },
    { idleMs: IDLE_MS, listen, signal: stop.signal, log: quiet, keepDoneMs: 0 },
  );
  await sleep(200);
  for (let i = 0; i < JOBS; i++) {
    await sleep(Math.round(rnd() * IDLE_MS));
    const ran = new Promise((r) => (started = r));
    await producer.queue().enqueue('tick', { i, listen, t: Date.now() });
    await ran;
  }
  stop.abort();
  await worker;
  if (producer !== consumer) await producer.close();
  await consumer.close();
  return { median_ms: pct(latencies, 0.5), p95_ms: pct(latencies, 0.95) };
}

async function both(engine, target) {
  const polled = await measure(engine, target, false);
  const woken = await measure(engine, target, true);
  console.log(
    JSON.stringify({
      bench: 'queue-wake',
      engine,
      jobs: JOBS,
      poll_ms: IDLE_MS,
      polled,
      woken,
      median_ratio: Math.round((polled.median_ms / Math.max(1, woken.median_ms)) * 10) / 10,
    }),
  );
}

const dir = mkdtempSync(join(tmpdir(), 'dmon-bench-wake-'));
try {
  await both('sqlite', { sqlitePath: join(dir, 'dmon.sqlite') });
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const admin = process.env.DMON_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `dmon_bench_${randomBytes(4).toString('hex')}`;
const c = new pg.Client({ connectionString: admin });
try {
  await c.connect();
} catch (e) {
  console.log(
    JSON.stringify({
      bench: 'queue-wake',
      engine: 'postgres',
      skipped: `no PostgreSQL at ${admin}: ${e.message}`,
    }),
  );
  process.exit(0);
}
await c.query(`CREATE DATABASE ${name}`);
try {
  const u = new URL(admin);
  u.pathname = `/${name}`;
  await both('postgres', { databaseUrl: u.toString() });
} finally {
  await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await c.end();
}
