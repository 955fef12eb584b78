// `npm run bench` entry for the web dashboard: time to first contentful paint and to the first
// meaningful paint (country outlines drawn and the country table filled) of `/`, on loopback,
// served by `dmon start` with the bundled sample, in Debian's Chromium (playwright-core). One
// cold load (empty cache) and nine warm ones; prints JSON lines. Skipped without Chromium.
/* global document, MutationObserver, requestAnimationFrame, performance -- these run in the page */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.DMON_CHROMIUM ?? '/usr/bin/chromium';
const root = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(CHROMIUM)) {
  console.log(JSON.stringify({ bench: 'dashboard', skipped: `no Chromium at ${CHROMIUM}` }));
  process.exit(0);
}
spawnSync(process.execPath, [join(root, 'scripts', 'ensure-install.mjs')], { stdio: 'inherit' });

const dataDir = mkdtempSync(join(tmpdir(), 'dmon-bench-web-'));
const server = spawn(process.execPath, [join(root, 'bin', 'dmon.mjs'), 'start', '--port', '0'], {
  env: { ...process.env, DMON_DATA_DIR: dataDir, DATABASE_URL: '' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const base = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (b) => {
    out += b;
    const m = /on http:\/\/localhost:(\d+)\/api/.exec(out);
    if (m) resolve(`http://127.0.0.1:${m[1]}`);
  });
  server.once('exit', (c) => reject(new Error(`dmon start exited with ${c}`)));
});

// Records, in the page's own clock, when the outlines and the country table are both on screen.
const MARK = () => {
  const done = () =>
    document.querySelector('.leaflet-overlay-pane path') && document.querySelector('table tbody tr');
  new MutationObserver((_m, obs) => {
    if (done()) {
      obs.disconnect();
      requestAnimationFrame(() => (globalThis.__meaningful = performance.now()));
    }
  }).observe(document, { childList: true, subtree: true });
};

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  chromiumSandbox: false,
  args: [
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const results = [];
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  await context.addInitScript(MARK);
  const page = await context.newPage();
  for (let i = 0; i < 10; i++) {
    await page.goto(`${base}/`);
    await page.waitForFunction(() => globalThis.__meaningful !== undefined);
    const r = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      meaningful: globalThis.__meaningful,
    }));
    results.push(r);
  }
} finally {
  await browser.close();
  server.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const warm = results.slice(1);
console.log(
  JSON.stringify({
    bench: 'dashboard first paint (sample store, loopback, 1366×768)',
    cold_fcp_ms: Math.round(results[0].fcp),
    cold_meaningful_ms: Math.round(results[0].meaningful),
    warm_fcp_median_ms: Math.round(median(warm.map((r) => r.fcp))),
    warm_meaningful_median_ms: Math.round(median(warm.map((r) => r.meaningful))),
    warm_meaningful_max_ms: Math.round(Math.max(...warm.map((r) => r.meaningful))),
  }),
);
