// Claims and events on a generated store of N facts (default 1,000,000; issue 9's targets):
// (1) the full rebuild that clusters the store once (kept: the clustered store is reused);
// (2) 1,000 new articles (5 facts each) arriving in batches of 100, dated in the days after the
//     store's last date and a few days apart from batch to batch, as news comes: each batch
//     stored and marked, and the marked articles clustered once after the last batch, as the
//     ingest path does (src/ingest/clusterLater.ts; `--cluster per-batch`: each batch clustered
//     after it is stored, as the ingest path did before the clustering job);
// (3) a few late articles, one at a time, reporting figures from months back (the replay goes
//     back to their date);
// (4) GET /api/events through the app (in-process): p50 and p95 of a first page, filters and
//     a second page, and the CPU per request (the machine is shared).
// Prints JSON lines with wall time and CPU seconds (the machine is shared). Run after a build:
//   node bin/dmon.mjs --version && node bench/events-store.mjs [--facts 1000000] [--engine sqlite|postgres]
// (`--only batches` stops after (2), e.g. under `node --cpu-prof`; `--work NAME` names the SQLite
// copy worked on, so two runs can share one clustered store.)
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { openStore } from '../dist/store/index.js';
import { buildApp } from '../dist/serve/app.js';
import { generate } from './store-generate.mjs';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const N = Number(arg('facts', '1000000'));
const engine = arg('engine', 'sqlite');
const batches = Number(arg('batches', '10'));
const perBatchClustering = arg('cluster', 'deferred') === 'per-batch';
const perBatch = Number(arg('batch', '100'));
const root = new URL('..', import.meta.url).pathname;
const print = (o) => console.log(JSON.stringify({ bench: 'events-store', engine, store_facts: N, ...o }));
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const pct = (xs, p) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

const admin = process.env.DMON_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
async function pgQuery(q) {
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  try {
    return await c.query(q);
  } finally {
    await c.end();
  }
}
const pgUrl = (name) => {
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return u.toString();
};

/** The clustered store (made once), and a fresh copy of it to work on. */
async function stores() {
  if (engine === 'sqlite') {
    mkdirSync(join(root, '.bench'), { recursive: true });
    const base = join(root, '.bench', `events-${N}.sqlite`);
    if (!existsSync(base)) await build({ sqlitePath: base });
    const work = join(root, '.bench', `events-${N}-${arg('work', 'work')}.sqlite`);
    for (const ext of ['', '-wal', '-shm']) rmSync(work + ext, { force: true });
    copyFileSync(base, work);
    return { sqlitePath: work };
  }
  const base = `dmon_bench_events_${N}`;
  const exists = (await pgQuery(`SELECT 1 FROM pg_database WHERE datname = '${base}'`)).rowCount;
  if (!exists) {
    await pgQuery(`CREATE DATABASE ${base}`);
    await build({ databaseUrl: pgUrl(base) });
  }
  await pgQuery(`DROP DATABASE IF EXISTS ${base}_work WITH (FORCE)`);
  await pgQuery(`CREATE DATABASE ${base}_work TEMPLATE ${base}`);
  return { databaseUrl: pgUrl(`${base}_work`) };
}

async function build(where) {
  const store = await openStore(where);
  process.stderr.write(`generating ${N} facts (${engine})…\n`);
  await generate(store, { facts: N, seed: 1 });
  const t = performance.now();
  const c = cpu();
  const r = await store.clustering.rebuild();
  print({
    measure: 'full rebuild',
    ...r,
    ms: Math.round(performance.now() - t),
    cpu_s: +(cpu() - c).toFixed(1),
  });
  await store.close();
}

const where = await stores();
const store = await openStore(where);
const day = (d) => new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);

// (2) New articles, in batches.
const times = [];
let t0 = performance.now();
let c0 = cpu();
// The clustering alone (updateForArticles), apart from storing the generated facts.
let clusterMs = 0;
let clusterCpu = 0;
for (let b = 0; b < batches; b++) {
  const t = performance.now();
  const made = await generate(store, {
    facts: perBatch * 5,
    seed: 1000 + b,
    from: day(b * 3),
    days: 4,
    analyze: false,
  });
  const tc = performance.now();
  const cc = cpu();
  if (perBatchClustering) {
    const r = await store.clustering.updateForArticles(made.articleIds);
    if (b === 0) print({ measure: 'first batch', ...r });
  } else await store.clustering.mark(made.articleIds);
  clusterMs += performance.now() - tc;
  clusterCpu += cpu() - cc;
  times.push(performance.now() - t);
}
if (!perBatchClustering) {
  // The clustering job, once after the batches.
  const tc = performance.now();
  const cc = cpu();
  const r = await store.clustering.drain();
  const ms = performance.now() - tc;
  clusterMs += ms;
  clusterCpu += cpu() - cc;
  print({ measure: 'the clustering job after the batches', ...r, ms: Math.round(ms) });
}
print({
  measure: `${batches * perBatch} new articles, batches of ${perBatch} (store + cluster${perBatchClustering ? ' per batch' : ' once after them'})`,
  total_ms: Math.round(performance.now() - t0),
  cpu_s: +(cpu() - c0).toFixed(1),
  batch_p50_ms: Math.round(pct(times, 50)),
  batch_max_ms: Math.round(Math.max(...times)),
  cluster_ms: Math.round(clusterMs),
  cluster_cpu_s: +clusterCpu.toFixed(1),
});

if (arg('only', '') === 'batches') {
  // For profiling the arriving articles alone (node --cpu-prof).
  await store.close();
  process.exit(0);
}

// (3) Late articles, one at a time.
const late = [];
c0 = cpu();
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  const made = await generate(store, {
    facts: 5,
    seed: 2000 + i,
    from: '2024-10-01',
    days: 60,
    analyze: false,
  });
  const r = await store.clustering.updateForArticles(made.articleIds);
  late.push({
    ms: Math.round(performance.now() - t),
    facts_replayed: r.facts,
    claims: r.claims,
    events: r.events,
  });
}
print({
  measure: 'late article (dated Oct-Nov 2024), one at a time',
  runs: late,
  cpu_s: +(cpu() - c0).toFixed(1),
});

// (4) GET /api/events.
const app = await buildApp({ store, version: 'bench' });
const first = JSON.parse((await app.inject({ url: '/api/events?limit=50' })).body);
const shapes = {
  'first page': () => '/api/events?limit=50',
  country: () => '/api/events?country=IRQ&limit=50',
  'cause+hazard': () => '/api/events?cause=disaster&hazard=flood&limit=50',
  'from/to one year': () => '/api/events?from=2019-01-01&to=2019-12-31&limit=50',
  'q (name)': () => '/api/events?q=Region%203&limit=50',
  'country without events': () => '/api/events?country=FRA&limit=50',
  'hazard without events': () => '/api/events?hazard=volcano&limit=50',
  'country+from/to': () => '/api/events?country=IRQ&from=2019-01-01&to=2019-12-31&limit=50',
  'page 2 (cursor)': () => `/api/events?limit=50&cursor=${encodeURIComponent(first.next ?? '')}`,
};
for (const [name, url] of Object.entries(shapes)) {
  const q = [];
  const c1 = cpu();
  for (let i = 0; i < 40; i++) {
    const t = performance.now();
    const r = await app.inject({ url: url() });
    q.push(performance.now() - t);
    if (r.statusCode !== 200) throw new Error(`${url()}: ${r.statusCode} ${r.body}`);
  }
  print({
    measure: `GET /api/events, ${name}`,
    p50_ms: +pct(q, 50).toFixed(1),
    p95_ms: +pct(q, 95).toFixed(1),
    cpu_ms_per_request: +(((cpu() - c1) * 1000) / 40).toFixed(1),
  });
}
const events = await store.events.list({}, { limit: 1 });
print({ measure: 'store', events_first_page: first.items.length, sample: events.items[0]?.name });
await app.close();
await store.close();
