// Store benchmark: facet-query latency (p50/p95 over the API, in-process) on a generated store
// of N facts, and a streamed export of every fact (time, peak memory). Run after a build:
//   node bin/dmon.mjs --version && node bench/store.mjs [--facts 1000000] [--engine sqlite|postgres]
// The generated store is kept in .bench/ (SQLite) or database dmon_bench_<N> (PostgreSQL) and
// reused by later runs.
import { mkdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { URLSearchParams } from 'node:url';
import pg from 'pg';
import { openStore } from '../dist/store/index.js';
import { buildApp } from '../dist/serve/app.js';
import { generate, COUNTRIES, TERMS } from './store-generate.mjs';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const N = Number(arg('facts', '1000000'));
const engine = arg('engine', 'sqlite');
const queries = Number(arg('queries', '40'));
const root = new URL('..', import.meta.url).pathname;

async function target() {
  if (engine === 'sqlite') {
    mkdirSync(join(root, '.bench'), { recursive: true });
    return { sqlitePath: join(root, '.bench', `store-${N}.sqlite`) };
  }
  const admin = process.env.DMON_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `dmon_bench_${N}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  const exists = (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount;
  if (!exists) await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return { databaseUrl: u.toString() };
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (x) => x.toFixed(1);

const where = await target();
const store = await openStore(where);
let have = await store.facts.count();
if (have < N) {
  process.stderr.write(`generating ${N} facts (${engine})…\n`);
  const t0 = performance.now();
  const r = await generate(store, {
    facts: N - have,
    seed: have + 1,
    onProgress: (n) => n % 50_000 < 1000 && process.stderr.write(`  ${n}\r`),
  });
  const s = (performance.now() - t0) / 1000;
  process.stderr.write(
    `\ngenerated ${r.facts} facts in ${s.toFixed(0)} s (${Math.round(r.facts / s)} facts/s)\n`,
  );
  have = await store.facts.count();
}

const onlyExport = process.argv.includes('--only-export');
const app = await buildApp({ store, version: 'bench' });
let seed = 7;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = (a) => a[Math.floor(rand() * a.length)];
const year = () => 2015 + Math.floor(rand() * 10);
const SHAPES = {
  country: () => `country=${pick(COUNTRIES)}`,
  'country+term': () => `country=${pick(COUNTRIES)}&term=${pick(TERMS)}`,
  'term+dates': () => {
    const y = year();
    return `term=${pick(TERMS)}&from=${y}-01-01&to=${y}-06-30`;
  },
  'country+dates+min': () => {
    const y = year();
    return `country=${pick(COUNTRIES)}&from=${y}-01-01&to=${y}-12-31&min=1000`;
  },
  'cause+hazard': () => 'cause=disaster&hazard=' + pick(['flood', 'storm', 'earthquake']),
  'country+sort=-figure': () => `country=${pick(COUNTRIES)}&sort=-figure`,
  'page 2 (cursor)': null,
  admin1: () => `country=${pick(COUNTRIES)}&admin1=Region%20${Math.floor(rand() * 20)}`,
};
const rows = [];
const all = [];
for (const [name, make] of onlyExport ? [] : Object.entries(SHAPES)) {
  const times = [];
  for (let i = 0; i < queries; i++) {
    let url;
    if (make) url = `/api/facts?${make()}&limit=50`;
    else {
      const first = await app.inject({ url: `/api/facts?country=${pick(COUNTRIES)}&limit=50` });
      url = `/api/facts?${new URLSearchParams({ country: JSON.parse(first.body).items[0].country, limit: '50', cursor: JSON.parse(first.body).next })}`;
    }
    const t0 = performance.now();
    const r = await app.inject({ url });
    times.push(performance.now() - t0);
    if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body}`);
  }
  all.push(...times);
  rows.push([name, pct(times, 50), pct(times, 95)]);
}
const aggregates = [];
for (const [name, url] of onlyExport
  ? []
  : [
      ['countries (all)', () => '/api/countries'],
      [
        'countries (one year)',
        () => {
          const y = year();
          return `/api/countries?from=${y}-01-01&to=${y}-12-31`;
        },
      ],
      ['timeseries country/month', () => `/api/timeseries?country=${pick(COUNTRIES)}&interval=month`],
      ['timeseries term/week', () => `/api/timeseries?term=${pick(TERMS)}&interval=week`],
    ]) {
  const times = [];
  for (let i = 0; i < Math.max(5, Math.floor(queries / 4)); i++) {
    const t0 = performance.now();
    await app.inject({ url: url() });
    times.push(performance.now() - t0);
  }
  aggregates.push([name, pct(times, 50), pct(times, 95)]);
}
// Cold (a fresh store instance, so no cached aggregate) versus warm (cached until facts change).
for (const [name, run] of [
  [
    'countries (all), cold',
    async () => {
      const s = await openStore({ ...where, migrate: false });
      await s.summaries.countries();
      await s.close();
    },
  ],
  ['countries (all), warm', () => app.inject({ url: '/api/countries' })],
]) {
  const times = [];
  for (let i = 0; i < (onlyExport ? 0 : 5); i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  if (times.length) aggregates.push([name, pct(times, 50), pct(times, 95)]);
}
await app.close();
await store.close();

// Export of every fact, in a child process so its peak memory is its own.
const exports = [];
for (const format of ['csv', 'geojson']) {
  const out = join(root, '.bench', `export.${format}`);
  const env = {
    ...process.env,
    ...(where.databaseUrl
      ? { DATABASE_URL: where.databaseUrl }
      : { DMON_SQLITE: where.sqlitePath, DATABASE_URL: '' }),
  };
  const t0 = performance.now();
  const r = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      '%M',
      process.execPath,
      join(root, 'bench', 'store-export.mjs'),
      'export',
      '--format',
      format,
      '--out',
      out,
    ],
    { env, encoding: 'utf8' },
  );
  const secs = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`export failed: ${r.stderr}`);
  const rssKb = Number(r.stderr.trim().split('\n').pop());
  exports.push([format, secs, rssKb / 1024, statSync(out).size / 1e6]);
}

if (process.argv.includes('--json')) {
  const tag = `${engine}, ${have.toLocaleString('en')} facts`;
  const line = (o) => console.log(JSON.stringify(o));
  if (!onlyExport) {
    line({
      bench: `store facet queries (${tag})`,
      p50_ms: +ms(pct(all, 50)),
      p95_ms: +ms(pct(all, 95)),
      target_p95_ms: 50,
    });
    for (const [n, p50, p95] of aggregates)
      line({ bench: `store ${n} (${tag})`, p50_ms: +ms(p50), p95_ms: +ms(p95) });
  }
  for (const [f, secs, mem] of exports)
    line({ bench: `store export ${f} (${tag})`, seconds: +secs.toFixed(1), peak_rss_mib: Math.round(mem) });
  process.exit(0);
}
const date = new Date().toISOString().slice(0, 10);
console.log(
  `\n### Store: ${have.toLocaleString('en')} facts on ${engine} (${date}, ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version})\n`,
);
if (!onlyExport) {
  console.log('| facet query (GET /api/facts, limit 50) | p50 ms | p95 ms |\n|---|---:|---:|');
  for (const [n, p50, p95] of rows) console.log(`| ${n} | ${ms(p50)} | ${ms(p95)} |`);
  console.log(`| **all facet queries** | **${ms(pct(all, 50))}** | **${ms(pct(all, 95))}** |`);
  console.log('\n| aggregate | p50 ms | p95 ms |\n|---|---:|---:|');
  for (const [n, p50, p95] of aggregates) console.log(`| ${n} | ${ms(p50)} | ${ms(p95)} |`);
}
console.log('\n| export of every fact | seconds | peak RSS MiB | file MB |\n|---|---:|---:|---:|');
for (const [f, s, mem, size] of exports)
  console.log(`| ${f} | ${s.toFixed(1)} | ${mem.toFixed(0)} | ${size.toFixed(0)} |`);
