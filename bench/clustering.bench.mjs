// `npm run bench` entry for claims and events: (1) clustering throughput, the pure functions
// on N generated facts of one country (the unit an incremental update re-clusters); (2) on a
// generated SQLite store (DMON_BENCH_CLUSTER_FACTS, default 100,000 facts over 60 countries),
// a full rebuild and then new articles arriving one at a time, each re-clustering what it
// touches. Prints JSON lines; BENCHMARKS.md has the table.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generate } from './store-generate.mjs';

const { corroborate } = await import('../dist/claims/corroborate.js');
const { clusterEvents } = await import('../dist/events/cluster.js');
const { openStore, queryBuilderForTests } = await import('../dist/store/index.js');

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TERMS = ['displaced', 'evacuated', 'destroyed_housing', 'refugees', 'returns', 'sheltered'];

function facts(n, rand) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const day = Math.floor(rand() * 3650);
    const date = new Date(Date.UTC(2015, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
    const a1 = Math.floor(rand() * 20);
    const figure = Math.round(10 ** (1 + rand() * 5));
    out.push({
      factId: i + 1,
      articleId: Math.floor(i / 5) + 1,
      originalArticleId: null,
      copies: 0,
      outlet: `outlet-${Math.floor(rand() * 200)}`,
      url: null,
      title: null,
      published: date,
      term: TERMS[Math.floor(rand() * TERMS.length)],
      figure,
      vague: null,
      range: null,
      qualifier: 'exact',
      unit: 'people',
      people: figure,
      householdSize: null,
      cause: rand() < 0.5 ? 'conflict' : 'disaster',
      hazard: null,
      country: 'IRQ',
      admin1: `Region ${a1}`,
      location: `Town ${Math.floor(rand() * 100)}`,
      lat: 30 + a1 * 0.5,
      lon: 40 + rand() * 2,
      dateStart: date,
      dateEnd: date,
      dateStated: true,
      stockOrFlow: rand() < 0.5 ? 'stock' : 'flow',
      confidence: 0.8,
      evidence: `Generated sentence ${i}.`,
      quantityStart: i % 5,
    });
  }
  return out;
}

const print = (o) => console.log(JSON.stringify({ bench: 'clustering', ...o }));

for (const n of [1000, 5000, 20000]) {
  const input = facts(n, rng(7));
  const t0 = performance.now();
  const claims = corroborate(input);
  const t1 = performance.now();
  const events = clusterEvents(claims);
  const t2 = performance.now();
  print({
    measure: 'pure',
    facts: n,
    claims: claims.length,
    events: events.length,
    corroborate_ms: Math.round(t1 - t0),
    cluster_ms: Math.round(t2 - t1),
    facts_per_s: Math.round(n / ((t2 - t0) / 1000)),
  });
}

const storeFacts = Number(process.env.DMON_BENCH_CLUSTER_FACTS ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'dmon-bench-cluster-'));
try {
  const store = await openStore({ sqlitePath: join(dir, 'dmon.sqlite') });
  await generate(store, { facts: storeFacts, seed: 11 });
  let t = performance.now();
  const built = await store.clustering.rebuild();
  print({ measure: 'rebuild', engine: 'sqlite', ...built, ms: Math.round(performance.now() - t) });
  const arrivals = 100;
  const fresh = await queryBuilderForTests(store)
    .selectFrom('articles')
    .select('id')
    .orderBy('id', 'desc')
    .limit(arrivals)
    .execute();
  const times = [];
  for (const { id } of fresh) {
    t = performance.now();
    await store.clustering.updateForArticles([id]);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  print({
    measure: 'incremental',
    engine: 'sqlite',
    store_facts: storeFacts,
    articles: arrivals,
    p50_ms: Math.round(times[Math.floor(arrivals / 2)]),
    p95_ms: Math.round(times[Math.floor(arrivals * 0.95)]),
    total_ms: Math.round(times.reduce((a, b) => a + b, 0)),
  });
  const q = [];
  for (let i = 0; i < 40; i++) {
    t = performance.now();
    await store.events.list({}, { limit: 50 });
    q.push(performance.now() - t);
  }
  q.sort((a, b) => a - b);
  print({
    measure: 'GET /api/events (store query)',
    engine: 'sqlite',
    p50_ms: +q[20].toFixed(1),
    p95_ms: +q[38].toFixed(1),
  });
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
