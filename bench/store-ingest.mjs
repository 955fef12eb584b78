// Ingest + extract throughput: N generated articles (a few displacement sentences each, with
// varied figures, places and dates, so no two are near-duplicates) imported into the store and
// extracted. SQLite runs the jobs in-process; PostgreSQL runs them in 1 or 2 `dmon worker`
// processes. Run after a build:
//   node bin/dmon.mjs --version && node bench/store-ingest.mjs [--articles 2000] [--engine sqlite|postgres] [--workers 1|2]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { loadConfig } from '../dist/config.js';
import { openRuntime } from '../dist/ingest/open.js';
import { generateArticles } from './articles.mjs';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const N = Number(arg('articles', '2000'));
const engine = arg('engine', 'sqlite');
const workers = Number(arg('workers', '1'));
const root = new URL('..', import.meta.url).pathname;

const articles = generateArticles(N);

async function database() {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'dmon-bench-'));
    return {
      env: { DMON_SQLITE: join(dir, 'dmon.sqlite'), DATABASE_URL: '' },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const admin = process.env.DMON_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `dmon_bench_ingest_${process.pid}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: u.toString() },
    drop: async () => {
      const d = new pg.Client({ connectionString: admin });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await d.end();
    },
  };
}

function runWorker(env) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(root, 'bin', 'dmon.mjs'), 'worker', '--once', '--no-feeds', '--json'],
      { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', () => resolve(out));
  });
}

const db = await database();
const config = loadConfig({ ...process.env, ...db.env });
const rt = await openRuntime(config);
const t0 = performance.now();
for (let i = 0; i < N; i++) await rt.ingest.addDocument(articles[i]);
const tStored = performance.now();
if (engine === 'sqlite') await rt.ingest.run({ drain: true, concurrency: 1 });
else await Promise.all(Array.from({ length: workers }, () => runWorker(db.env)));
const t1 = performance.now();
const facts = await rt.store.facts.count();
const counts = await rt.store.articles.count();
await rt.close();
await db.drop();
const secs = (t1 - t0) / 1000;
if (process.argv.includes('--json')) {
  console.log(
    JSON.stringify({
      bench: `ingest + extract into ${engine}${engine === 'postgres' ? ` (${workers} worker${workers > 1 ? 's' : ''})` : ' (in-process)'}`,
      articles: N,
      facts,
      seconds: +secs.toFixed(1),
      articles_per_s: Math.round(N / secs),
    }),
  );
  process.exit(0);
}
console.log(
  `| ${engine}${engine === 'postgres' ? `, ${workers} worker${workers > 1 ? 's' : ''}` : ', in-process'} | ${N} | ${facts} | ${((tStored - t0) / 1000).toFixed(1)} | ${secs.toFixed(1)} | ${(N / secs).toFixed(0)} | ${counts.extracted}/${counts.failed} |`,
);
console.error(
  `(${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version})`,
);
