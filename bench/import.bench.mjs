// `npm run bench` entry for the store path: `dmon import` of generated articles (articles.mjs)
// into a fresh SQLite file, extracted in the same process, as a ratio to extraction alone over
// the same articles measured in the same run (before and after the import, averaged), so that
// what else the machine is doing slows both alike. With DMON_BENCH_PG=1 (or --pg) the same on
// PostgreSQL: the import in this process, then the extraction jobs run by 1, then 2,
// `dmon worker --once` processes (their start-up, the gazetteer load, included).
//   node bin/dmon.mjs --version && node bench/import.bench.mjs [--articles 1000] [--pg]
import { spawn } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { generateArticles, writeArticlesFile } from './articles.mjs';

const { extract } = await import('../dist/extract/index.js');
const { loadConfig } = await import('../dist/config.js');
const { openRuntime } = await import('../dist/ingest/open.js');
const { importPaths } = await import('../dist/cli/commands/import.js');
const { drainWithProgress } = await import('../dist/cli/commands/ingest.js');

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const N = Number(arg('articles', '1000'));
const withPg = process.env.DMON_BENCH_PG === '1' || process.argv.includes('--pg');
const root = new URL('..', import.meta.url).pathname;

const docs = generateArticles(N);
const { dir, file } = writeArticlesFile(docs, 'dmon-bench-import-');

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const timed = async (fn) => {
  const w = performance.now();
  const c = cpuMs();
  const out = await fn();
  return { out, wall: performance.now() - w, cpu: cpuMs() - c };
};

/** extract() over the articles as the extract job calls it (the stored text, its date and language). */
const extractAll = () =>
  timed(() => {
    let facts = 0;
    docs.forEach((d, i) => {
      facts += extract({
        id: String(i + 1),
        text: d.text,
        published: d.published,
        lang: d.lang,
        title: d.title,
      }).facts.length;
    });
    return facts;
  });

let storedAt = 0;
let storedCpu = 0;
async function importInto(env, work) {
  const rt = await openRuntime(loadConfig({ ...process.env, ...env }));
  try {
    const c0 = cpuMs();
    // When the last extract job finished: the clustering job (kind 'cluster') runs after it.
    let extractedAt = 0;
    let extractedCpu = 0;
    const onEvent = (e) => {
      if (e.type === 'done' && e.job.kind === 'extract') {
        extractedAt = performance.now();
        extractedCpu = cpuMs();
      }
    };
    const t = await timed(async () => {
      const counts = await importPaths(rt.ingest, [file]);
      storedAt = performance.now();
      storedCpu = cpuMs();
      const run = work ? await drainWithProgress(rt.ingest, { json: true, label: 'extract', onEvent }) : null;
      return {
        counts,
        run,
        facts: await rt.store.facts.count(),
        events: (await rt.store.events.list({}, { limit: 1 })).items.length > 0,
      };
    });
    const start = performance.now() - t.wall;
    return {
      ...t,
      storeWall: storedAt - start,
      storeCpu: storedCpu - c0,
      extractedWall: extractedAt - start,
      extractedCpu: extractedCpu - c0,
    };
  } finally {
    await rt.close();
  }
}

const rate = (ms) => Math.round(N / (ms / 1000));
/** The store file and its WAL, after the runtime closed (which checkpoints the WAL). */
const sqliteBytes = (path) =>
  [path, `${path}-wal`].reduce((n, f) => n + (existsSync(f) ? statSync(f).size : 0), 0);
extractAll(); // warm-up: lexicons, gazetteer, JIT
const before = await extractAll();

const sqliteEnv = { DMON_SQLITE: join(dir, 'dmon.sqlite'), DATABASE_URL: '' };
const sqlite = await importInto(sqliteEnv, true);
const after = await extractAll();
const extractWall = (before.wall + after.wall) / 2;
console.log(
  JSON.stringify({
    bench: 'import + extract into SQLite (dmon import, in-process) vs extract alone',
    articles: N,
    facts: sqlite.out.facts,
    extract_facts: before.out,
    extract_articles_per_s: rate(extractWall),
    import_articles_per_s: rate(sqlite.wall),
    store_s: +(sqlite.storeWall / 1000).toFixed(1),
    total_s: +(sqlite.wall / 1000).toFixed(1),
    ratio_to_extract: +(extractWall / sqlite.wall).toFixed(2),
    ratio_cpu: +((before.cpu + after.cpu) / 2 / sqlite.cpu).toFixed(2),
    // Until the last extract job is done (facts stored, their clustering queued), and the
    // clustering job after it, which `dmon import` also waits for.
    ratio_until_extracted: +(extractWall / sqlite.extractedWall).toFixed(2),
    ratio_cpu_until_extracted: +((before.cpu + after.cpu) / 2 / sqlite.extractedCpu).toFixed(2),
    cluster_s: +((sqlite.wall - sqlite.extractedWall) / 1000).toFixed(2),
    cluster_cpu_s: +((sqlite.cpu - sqlite.extractedCpu) / 1000).toFixed(2),
    has_events: sqlite.out.events,
    parked: sqlite.out.run?.parked ?? 0,
    // For the capacity model (BENCHMARKS.md): CPU per article and disk per article and fact.
    extract_cpu_ms_per_article: +((before.cpu + after.cpu) / 2 / N).toFixed(2),
    import_cpu_ms_per_article: +(sqlite.cpu / N).toFixed(2),
    // Of which the store phase (`importPaths`: dedup, article and job rows), before the drain.
    store_cpu_ms_per_article: +(sqlite.storeCpu / N).toFixed(2),
    store_bytes: sqliteBytes(sqliteEnv.DMON_SQLITE),
  }),
);

async function pgDatabase() {
  const admin = process.env.DMON_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `dmon_bench_import_${process.pid}_${Math.floor(Math.random() * 1e6)}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: u.toString() },
    bytes: async () => {
      const d = new pg.Client({ connectionString: admin });
      await d.connect();
      const r = await d.query('SELECT pg_database_size($1)::bigint AS n', [name]);
      await d.end();
      return Number(r.rows[0].n);
    },
    drop: async () => {
      const d = new pg.Client({ connectionString: admin });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await d.end();
    },
  };
}

function dmonWorker(env) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(root, 'bin', 'dmon.mjs'), 'worker', '--once', '--no-feeds', '--json'],
      { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`dmon worker exited ${code}`))));
  });
}

if (withPg) {
  const inProcess = await pgDatabase();
  try {
    const r = await importInto(inProcess.env, true);
    console.log(
      JSON.stringify({
        bench: 'import + extract into PostgreSQL (in-process) vs extract alone',
        articles: N,
        facts: r.out.facts,
        import_articles_per_s: rate(r.wall),
        ratio_to_extract: +(extractWall / r.wall).toFixed(2),
        ratio_to_sqlite_import: +(sqlite.wall / r.wall).toFixed(2),
        ratio_until_extracted: +(extractWall / r.extractedWall).toFixed(2),
        cluster_s: +((r.wall - r.extractedWall) / 1000).toFixed(2),
        has_events: r.out.events,
        // This process only: PostgreSQL's own CPU is in its server processes.
        client_cpu_ms_per_article: +(r.cpu / N).toFixed(2),
        store_bytes: await inProcess.bytes(),
      }),
    );
  } finally {
    await inProcess.drop();
  }
  for (const workers of [1, 2]) {
    const db = await pgDatabase();
    try {
      const queued = await importInto(db.env, false);
      const run = await timed(() => Promise.all(Array.from({ length: workers }, () => dmonWorker(db.env))));
      const total = queued.wall + run.wall;
      console.log(
        JSON.stringify({
          bench: `import into PostgreSQL, then ${workers} dmon worker process${workers > 1 ? 'es' : ''}`,
          articles: N,
          import_s: +(queued.wall / 1000).toFixed(1),
          workers_s: +(run.wall / 1000).toFixed(1),
          articles_per_s: rate(total),
          ratio_to_extract: +(extractWall / total).toFixed(2),
        }),
      );
    } finally {
      await db.drop();
    }
  }
}
rmSync(dir, { recursive: true, force: true });
