// The cost of writing extracted facts (Facts.replaceForArticles, as the extract jobs call it, 256
// articles a transaction) apart from extraction and clustering: the generated articles
// (articles.mjs) are extracted first, then their facts written into a fresh store (inserts only),
// then written again (re-extraction: every fact deleted and inserted). Wall and CPU time of this
// process; on PostgreSQL the server's own CPU is not in the CPU figure. With --reviews, each
// transaction also applies the reviews to its articles' facts, as an extract batch does (the
// store has none: the common case). Last, applying the reviews alone (Clustering.applyReviews,
// as the extract batch and the clustering job call it), 256 articles a call, over every article.
//   node bin/dmon.mjs --version && node bench/fact-writes.mjs [--articles 1000] [--engine sqlite|postgres] [--reviews]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { generateArticles } from './articles.mjs';

const { extract } = await import('../dist/extract/index.js');
const { openStore } = await import('../dist/store/index.js');
const { newArticle } = await import('../dist/store/queries/articles.js');

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const N = Number(arg('articles', '1000'));
const engine = arg('engine', 'sqlite');
const BATCH = 256;
const withReviews = process.argv.includes('--reviews');

async function database() {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'dmon-bench-facts-'));
    return {
      options: { sqlitePath: join(dir, 'dmon.sqlite') },
      drop: async () => rmSync(dir, { recursive: true }),
    };
  }
  const admin = process.env.DMON_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `dmon_bench_facts_${process.pid}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return {
    options: { databaseUrl: u.toString() },
    drop: async () => {
      const d = new pg.Client({ connectionString: admin });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await d.end();
    },
  };
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const docs = generateArticles(N);
const results = docs.map((d, i) =>
  extract({ id: String(i + 1), text: d.text, published: d.published, lang: d.lang, title: d.title }),
);
const db = await database();
const store = await openStore(db.options);
try {
  const ids = [];
  for (const [i, d] of docs.entries())
    ids.push(
      (
        await store.articles.insert(
          newArticle({
            text: d.text,
            title: d.title,
            published: d.published,
            language: d.lang,
            origin: 'import',
            content_hash: `bench-${i}`,
          }),
        )
      ).id,
    );
  const items = ids.map((articleId, i) => ({ articleId, result: results[i] }));
  const pass = async (label) => {
    const w = performance.now();
    const c = cpuMs();
    for (let i = 0; i < items.length; i += BATCH)
      await store.transaction(async (tx) => {
        const batch = items.slice(i, i + BATCH);
        await tx.facts.replaceForArticles(batch, 'bench');
        if (withReviews) await tx.clustering.applyReviews(batch.map((b) => b.articleId));
      });
    const wall = performance.now() - w;
    const cpu = cpuMs() - c;
    return {
      [`${label}_wall_ms_per_article`]: +(wall / N).toFixed(3),
      [`${label}_cpu_ms_per_article`]: +(cpu / N).toFixed(3),
    };
  };
  const first = await pass('insert');
  const again = await pass('reextract');
  const r = { w: performance.now(), c: cpuMs() };
  for (let i = 0; i < items.length; i += BATCH)
    await store.clustering.applyReviews(items.slice(i, i + BATCH).map((b) => b.articleId));
  const reviews = {
    reviews_wall_ms_per_article: +((performance.now() - r.w) / N).toFixed(3),
    reviews_cpu_ms_per_article: +((cpuMs() - r.c) / N).toFixed(3),
  };
  console.log(
    JSON.stringify({
      bench: `facts written by replaceForArticles${withReviews ? ' and reviews applied' : ''}, ${engine}`,
      articles: N,
      facts: await store.facts.count(),
      ...first,
      ...again,
      ...reviews,
    }),
  );
} finally {
  await store.close();
  await db.drop();
}
