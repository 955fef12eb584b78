// The dashboard on a large store: how long the map page takes to settle after a filter change
// (the three API calls answered and the map, tables and timeline redrawn), in Debian's Chromium
// (playwright-core) against `dmon serve` on loopback, on the generated store of N facts that
// bench/store.mjs uses (.bench/store-N.sqlite, generated here when missing). Each filter value
// is asked twice: the first time the server computes its aggregates (cold), the second time it
// has them cached (warm). Prints one JSON line. Usage (after `node bin/dmon.mjs --version`):
// With --rounds R (default 1) the warm pass goes through the eight changes R times, for steadier
// medians on a busy machine. With --path P (default /) the changes are made on another page or
// with other filters already set: `--path /country/SDN` (a country's page: its summary, facts and
// time series), `--path '/?from=2020-01-01&to=2020-12-31'` (the map over one year).
//   node bench/dashboard-filters.mjs [--facts 1000000] [--rounds 3] [--path /]   (not part of `npm run bench`: it may generate a large store)
/* global document, window, MutationObserver, performance -- these run in the page */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance as nodePerf } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { openStore } from '../dist/store/index.js';
import { generate } from './store-generate.mjs';
import { CHANGES } from './dashboard-changes.mjs';

const CHROMIUM = process.env.DMON_CHROMIUM ?? '/usr/bin/chromium';
const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const N = Number(arg('facts', '1000000'));
const ROUNDS = Number(arg('rounds', '1'));
const PATH = arg('path', '/');
if (!existsSync(CHROMIUM)) {
  console.log(JSON.stringify({ bench: 'dashboard filters', skipped: `no Chromium at ${CHROMIUM}` }));
  process.exit(0);
}

mkdirSync(join(root, '.bench'), { recursive: true });
const sqlitePath = join(root, '.bench', `store-${N}.sqlite`);
{
  const store = await openStore({ sqlitePath });
  const have = await store.facts.count();
  if (have < N) {
    process.stderr.write(`generating ${N - have} facts…\n`);
    const t0 = nodePerf.now();
    await generate(store, {
      facts: N - have,
      seed: have + 1,
      onProgress: (n) => n % 50_000 < 1000 && process.stderr.write(`  ${n}\r`),
    });
    process.stderr.write(`\ngenerated in ${((nodePerf.now() - t0) / 1000).toFixed(0)} s\n`);
  }
  await store.close();
}

const server = spawn(
  process.execPath,
  [join(root, 'bin', 'dmon.mjs'), 'serve', '--port', '0', '--no-worker'],
  {
    env: { ...process.env, DMON_SQLITE: sqlitePath, DATABASE_URL: '', DMON_LOG_LEVEL: 'warn' },
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

// In the page: the time of the last DOM change, and the API requests still in flight.
const WATCH = () => {
  globalThis.__lastChange = 0;
  globalThis.__pending = 0;
  new MutationObserver(() => (globalThis.__lastChange = performance.now())).observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
    characterData: true,
  });
  const f = window.fetch.bind(window);
  window.fetch = (...a) => {
    globalThis.__pending++;
    return f(...a)
      .then(async (r) => {
        await r.clone().arrayBuffer(); // counted until the body is in, not just the headers
        return r;
      })
      .finally(() => globalThis.__pending--);
  };
};

/** Waits until no request is in flight and the page has not changed for `quietMs`. */
async function settled(page, quietMs = 500) {
  await page.waitForFunction(
    (q) => globalThis.__pending === 0 && performance.now() - globalThis.__lastChange > q,
    quietMs,
    { timeout: 600_000, polling: 50 },
  );
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  chromiumSandbox: false,
  args: ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const out = { bench: `dashboard filter change (${N} facts, SQLite, loopback, 1366×768)`, path: PATH };
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  await context.addInitScript(WATCH);
  const page = await context.newPage();
  const t0 = nodePerf.now();
  await page.goto(`${base}${PATH}`);
  await page.locator('table tbody tr').first().waitFor({ timeout: 600_000 });
  await settled(page);
  // Navigation start to the page's last change, in the page's clock.
  out.first_load_settled_ms = Math.round(await page.evaluate(() => globalThis.__lastChange));
  out.first_load_wall_ms = Math.round(nodePerf.now() - t0);
  for (const pass of ['cold', 'warm']) {
    const times = [];
    const api = [];
    for (const [name, value] of pass === 'cold' ? CHANGES : Array(ROUNDS).fill(CHANGES).flat()) {
      const start = await page.evaluate(() => performance.now());
      await page.locator(`select[name=${name}]`).selectOption(value);
      await settled(page);
      times.push(await page.evaluate((s) => globalThis.__lastChange - s, start));
      // Of which the API: from the change to the last answer's end (resource timing).
      api.push(
        await page.evaluate(
          (s) =>
            Math.max(
              0,
              ...performance
                .getEntriesByType('resource')
                .filter((r) => r.startTime >= s && r.name.includes('/api/'))
                .map((r) => r.responseEnd - s),
            ),
          start,
        ),
      );
    }
    const sorted = [...times].sort((a, b) => a - b);
    out[`${pass}_median_ms`] = Math.round(sorted[Math.floor(sorted.length / 2)]);
    out[`${pass}_max_ms`] = Math.round(sorted[sorted.length - 1]);
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    out[`${pass}_api_median_ms`] = Math.round(median(api));
    // The page's own part: from the last answer to the last change it made.
    out[`${pass}_render_median_ms`] = Math.round(median(times.map((t, i) => t - api[i])));
    out[`${pass}_each_ms`] = times.map(Math.round);
    out[`${pass}_api_each_ms`] = api.map(Math.round);
  }
} finally {
  await browser.close();
  server.kill('SIGTERM');
}
console.log(JSON.stringify(out));
