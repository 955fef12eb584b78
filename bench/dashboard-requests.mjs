// The server's side of the dashboard's filter changes, in-process: the three requests the map page
// makes per change (`/api/countries`, `/api/facts/points`, `/api/timeseries`), in the page's order,
// through the app (Fastify inject, gzip accepted as a browser does), on the generated store of N
// facts (.bench/store-N.sqlite, as bench/dashboard-filters.mjs makes it; it must exist). The eight
// changes of bench/dashboard-filters.mjs, from the filters of --path. Each run opens a fresh store
// and app, so every answer is computed (cold). Prints one JSON line per run with the CPU and wall
// milliseconds of each request, and a final line of medians per request over the runs.
// With --dump FILE the answers (uncompressed JSON, one line per URL) are written to FILE, to diff
// two builds' answers. Usage (after `node bin/dmon.mjs --version`):
//   node bench/dashboard-requests.mjs [--facts 1000000] [--runs 5] [--path '/?from=2020-01-01&to=2020-12-31'] [--dump FILE]
import { existsSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, URLSearchParams } from 'node:url';
import { buildApp } from '../dist/serve/app.js';
import { openStore } from '../dist/store/index.js';
import { CHANGES } from './dashboard-changes.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const N = Number(arg('facts', '1000000'));
const RUNS = Number(arg('runs', '5'));
const PATH = arg('path', '/?from=2020-01-01&to=2020-12-31');
const DUMP = arg('dump', '');
const sqlitePath = join(root, '.bench', `store-${N}.sqlite`);
if (!existsSync(sqlitePath)) {
  console.log(JSON.stringify({ bench: 'dashboard requests', skipped: `no store at ${sqlitePath}` }));
  process.exit(0);
}

// The page's filter keys in its URL order (web/src/filters.ts); the changes are bench/dashboard-filters.mjs's.
const KEYS = ['country', 'admin1', 'term', 'cause', 'hazard', 'from', 'to', 'min', 'min_confidence', 'q'];
const query = (filters, extra = {}) => {
  const p = new URLSearchParams();
  for (const k of KEYS) if (filters[k]) p.set(k, filters[k]);
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
};
const requests = (filters) => [
  ['countries', `/api/countries${query(filters)}`],
  ['points', `/api/facts/points${query(filters, { sort: '-figure', limit: '500' })}`],
  ['timeseries', `/api/timeseries${query(filters, { interval: 'month' })}`],
];

const start = Object.fromEntries(new URLSearchParams(PATH.split('?')[1] ?? ''));
const steps = [];
{
  let filters = { ...start };
  for (const [k, v] of CHANGES) {
    filters = { ...filters, [k]: v };
    if (!v) delete filters[k];
    steps.push({ change: `${k}=${v}`, urls: requests(filters) });
  }
}

const dumped = [];
const perRequest = new Map();
for (let run = 0; run < RUNS; run++) {
  const store = await openStore({ sqlitePath });
  const app = await buildApp({ store, version: 'bench' });
  await app.ready();
  const out = { run, load: loadavg()[0].toFixed(1), changes: [] };
  for (const [i, step] of steps.entries()) {
    const row = { change: i + 1, what: step.change };
    for (const [name, url] of step.urls) {
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const r = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
      const wall = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body}`);
      const ms = (cpu.user + cpu.system) / 1000;
      row[name] = { cpu_ms: Math.round(ms * 10) / 10, wall_ms: Math.round(wall * 10) / 10 };
      const key = `${i + 1} ${name}`;
      perRequest.set(key, [...(perRequest.get(key) ?? []), ms]);
      if (DUMP && run === 0) {
        const plain = await app.inject({ method: 'GET', url });
        dumped.push(`${url}\t${plain.body}`);
      }
    }
    out.changes.push(row);
  }
  console.log(JSON.stringify(out));
  await app.close();
  await store.close();
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(
  JSON.stringify({
    bench: `dashboard requests, cold, CPU ms median of ${RUNS} (${N} facts, SQLite, in-process)`,
    path: PATH,
    median_cpu_ms: Object.fromEntries([...perRequest].map(([k, v]) => [k, Math.round(median(v) * 10) / 10])),
  }),
);
if (DUMP) writeFileSync(DUMP, `${dumped.join('\n')}\n`);
