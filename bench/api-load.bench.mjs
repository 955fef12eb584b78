// The API under load: autocannon on loopback against `dmon serve --no-worker` on the generated
// SQLite store of N facts (DMON_BENCH_API_FACTS, default 1,000,000; .bench/store-N.sqlite, made
// here when missing, as bench/store.mjs makes it; clustered when small). Each route runs DURATION seconds
// (DMON_BENCH_API_SECONDS, default 10) at 50 and at 200 connections, every request with filters
// drawn from a seeded list, so caches see a realistic mix and not one URL. Prints one JSON line
// per route and load: p50/p95/p99 latency (ms, of every response), requests/s, errors (socket
// errors, timeouts and non-2xx), and the server's CPU-seconds per 1,000 requests (from
// /proc/PID/stat: on a shared machine req/s follows the load, CPU per request much less).
// `npm run bench -- api-load`; also part of `npm run bench`. DMON_BENCH_API_ROUTES=countries,timeseries
// runs only the routes whose name contains one of the words.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { fetch } from 'undici';
import autocannon from 'autocannon';
import { openStore } from '../dist/store/index.js';
import { generate } from './store-generate.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const N = Number(process.env.DMON_BENCH_API_FACTS ?? 1_000_000);
const SECONDS = Number(process.env.DMON_BENCH_API_SECONDS ?? 10);
const CONNECTIONS = [50, 200];
const CLUSTER_MAX = 50_000;
const ONLY = process.env.DMON_BENCH_API_ROUTES?.split(',').filter(Boolean) ?? [];

mkdirSync(join(root, '.bench'), { recursive: true });
const sqlitePath = join(root, '.bench', `store-${N}.sqlite`);
const prepared = {};
{
  const store = await openStore({ sqlitePath });
  const have = await store.facts.count();
  if (have < N) {
    const t0 = performance.now();
    await generate(store, { facts: N - have, seed: have + 1 });
    prepared.generate_s = Math.round((performance.now() - t0) / 1000);
  }
  // /api/events reads what clustering made; a generated store has none until it runs once.
  // Random generated facts barely cluster (20,000 facts gave 18,299 events in 209 s at load
  // 16), so a large store is left without events and the events routes are skipped on it.
  prepared.events = (await store.events.list({}, { limit: 1 })).items.length > 0;
  if (!prepared.events && N <= CLUSTER_MAX) {
    const t0 = performance.now();
    const built = await store.clustering.rebuild();
    prepared.cluster = { ...built, s: Math.round((performance.now() - t0) / 1000) };
    prepared.events = true;
  }
  await store.close();
}

// The rate limit spares loopback already; 0 makes sure no 429 is counted as the server's cost.
const server = spawn(
  process.execPath,
  [join(root, 'bin', 'dmon.mjs'), 'serve', '--port', '0', '--no-worker'],
  {
    env: {
      ...process.env,
      DMON_SQLITE: sqlitePath,
      DATABASE_URL: '',
      DMON_LOG_LEVEL: 'warn',
      DMON_RATE_LIMIT: '0',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const base = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (b) => {
    out += b;
    const m = /on http:\/\/localhost:(\d+)\/api/.exec(out);
    if (m) resolve(`http://127.0.0.1:${m[1]}`);
  });
  server.once('exit', (c) => reject(new Error(`dmon serve exited with ${c}`)));
});

/** The server's user+system CPU seconds so far (Linux). */
const CLK_TCK = 100;
function serverCpuSeconds() {
  const fields = readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const COUNTRIES = ['SDN', 'SSD', 'UKR', 'SYR', 'COD', 'ETH', 'SOM', 'AFG', 'YEM', 'MOZ', 'PHL', 'BGD'];
const TERMS = ['displaced', 'evacuated', 'homeless', 'refugees', 'returns', 'destroyed_housing'];
const YEARS = ['2016', '2018', '2020', '2022', '2024'];

/** Each route: a name and a function that draws one request path. */
const ROUTES = [
  [
    '/api/facts (country + term)',
    (r) => `/api/facts?country=${pick(r, COUNTRIES)}&term=${pick(r, TERMS)}&limit=50`,
  ],
  [
    '/api/facts (country + year + min)',
    (r) => {
      const y = pick(r, YEARS);
      return `/api/facts?country=${pick(r, COUNTRIES)}&from=${y}-01-01&to=${y}-12-31&min=1000&limit=50`;
    },
  ],
  ['/api/facts (term, -figure)', (r) => `/api/facts?term=${pick(r, TERMS)}&sort=-figure&limit=50`],
  [
    '/api/countries (all, or one year)',
    (r) => {
      const y = pick(r, YEARS);
      return r() < 0.5 ? '/api/countries' : `/api/countries?from=${y}-01-01&to=${y}-12-31`;
    },
  ],
  [
    '/api/countries (one year, cause or hazard)',
    (r) => {
      const y = pick(r, YEARS);
      const f = pick(r, ['cause=disaster', 'cause=conflict', 'hazard=flood', 'cause=disaster&hazard=storm']);
      return `/api/countries?from=${y}-01-01&to=${y}-12-31&${f}`;
    },
  ],
  ['/api/timeseries (country, month)', (r) => `/api/timeseries?country=${pick(r, COUNTRIES)}&interval=month`],
  ['/api/events (country)', (r) => `/api/events?country=${pick(r, COUNTRIES)}&limit=50`],
  ['/api/events (latest)', () => '/api/events?limit=50'],
  ['/api/health', () => '/api/health'],
  [
    '/api/export csv (country + year)',
    (r) => {
      const y = pick(r, YEARS);
      return `/api/export?format=csv&country=${pick(r, COUNTRIES)}&from=${y}-01-01&to=${y}-12-31`;
    },
  ],
];
function pick(r, list) {
  return list[Math.floor(r() * list.length)];
}

const quantile = (sorted, q) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : null;
const round = (x) => (x === null ? null : Math.round(x * 10) / 10);

/** Waits until the server has drained what autocannon left queued when it stopped (its CPU
 * use says little on a machine where it gets a tenth of a core): the index route, which reads
 * no database, must answer within 50 ms three times in a row (at most 5 minutes). */
async function settle() {
  let fast = 0;
  for (const end = Date.now() + 300_000; fast < 3 && Date.now() < end;) {
    const t0 = performance.now();
    await (await fetch(`${base}/api`)).arrayBuffer();
    fast = performance.now() - t0 < 50 ? fast + 1 : 0;
    if (fast === 0) await sleep(250);
  }
}

async function load(name, draw, connections) {
  await settle();
  const r = rng(connections * 7919 + name.length);
  const times = [];
  const cpu0 = serverCpuSeconds();
  const instance = autocannon({
    url: base,
    connections,
    duration: SECONDS,
    timeout: 30,
    requests: [{ setupRequest: (req) => ({ ...req, path: draw(r) }) }],
  });
  instance.on('response', (_client, _status, _bytes, ms) => times.push(ms));
  const result = await instance;
  const cpu = serverCpuSeconds() - cpu0;
  times.sort((a, b) => a - b);
  return {
    bench: 'api load',
    route: name,
    connections,
    seconds: SECONDS,
    requests: result.requests.total,
    req_per_s: round(result.requests.total / SECONDS),
    p50_ms: round(quantile(times, 0.5)),
    p95_ms: round(quantile(times, 0.95)),
    p99_ms: round(quantile(times, 0.99)),
    errors: result.errors + result.timeouts + result.non2xx,
    non2xx: result.non2xx,
    server_cpu_s_per_1000: result.requests.total ? +((cpu / result.requests.total) * 1000).toFixed(2) : null,
    load: loadavg()[0].toFixed(1),
  };
}

/** The first byte of an export of every fact, one request at a time (5 times). */
async function exportFirstByte() {
  const ms = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const res = await fetch(`${base}/api/export?format=csv`);
    const reader = res.body.getReader();
    await reader.read();
    ms.push(performance.now() - t0);
    await reader.cancel();
  }
  ms.sort((a, b) => a - b);
  return {
    bench: 'api load',
    route: '/api/export csv (every fact), first byte',
    requests: 5,
    p50_ms: round(quantile(ms, 0.5)),
    max_ms: round(ms[4]),
  };
}

try {
  console.log(
    JSON.stringify({
      bench: 'api load',
      facts: N,
      store: sqlitePath,
      ...prepared,
      load: loadavg()[0].toFixed(1),
    }),
  );
  for (const [name, draw] of ROUTES) {
    if (ONLY.length && !ONLY.some((w) => name.includes(w))) continue;
    if (name.startsWith('/api/events') && !prepared.events) {
      console.log(
        JSON.stringify({
          bench: 'api load',
          route: name,
          skipped: `no events in a generated store of ${N} facts (clustered only up to ${CLUSTER_MAX})`,
        }),
      );
      continue;
    }
    for (const c of CONNECTIONS) console.log(JSON.stringify(await load(name, draw, c)));
  }
  await settle();
  if (!ONLY.length) console.log(JSON.stringify(await exportFirstByte()));
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'));
  console.log(
    JSON.stringify({ bench: 'api load', server_peak_rss_mb: hwm ? Math.round(Number(hwm[1]) / 1024) : null }),
  );
} finally {
  server.kill('SIGTERM');
}
