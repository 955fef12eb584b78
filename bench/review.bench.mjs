// `npm run bench` entry for review: on a generated SQLite store (DMON_BENCH_REVIEW_FACTS,
// default 50,000 facts over 60 countries), what reviews cost. (1) An article arriving (its
// countries clustered again) with no reviews in the store; (2) a review through the store
// (confirm, correct or reject, each re-applying reviews and re-clustering what it touches);
// (3) an article arriving again once the store holds the reviews; (4) the fact list and the
// country summary, which leave rejected figures out. Prints JSON lines; BENCHMARKS.md has the table.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generate } from './store-generate.mjs';

const { openStore, queryBuilderForTests } = await import('../dist/store/index.js');
const { applyFactReviews } = await import('../dist/store/queries/reviewApply.js');

const FACTS = Number(process.env.DMON_BENCH_REVIEW_FACTS ?? 50_000);
const REVIEWS = Number(process.env.DMON_BENCH_REVIEWS ?? 500);
const ARRIVALS = Number(process.env.DMON_BENCH_REVIEW_ARRIVALS ?? 30);
const print = (o) =>
  console.log(JSON.stringify({ bench: 'review', engine: 'sqlite', store_facts: FACTS, ...o }));
const pct = (xs, p) =>
  +[...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))].toFixed(1);

async function timed(n, fn) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'dmon-bench-review-'));
try {
  const store = await openStore({ sqlitePath: join(dir, 'dmon.sqlite') });
  const db = queryBuilderForTests(store);
  await generate({ db }, { facts: FACTS, seed: 5 });
  await store.clustering.rebuild();
  const articles = (await db.selectFrom('articles').select('id').orderBy('id').execute()).map((r) => r.id);
  const arrive = (i) => store.clustering.updateForArticles([articles[(i * 7919) % articles.length]]);

  // The review step alone: what an arriving article pays for reviews before it is clustered.
  const step = (i) =>
    db.transaction().execute((trx) => applyFactReviews(trx, [articles[(i * 7919) % articles.length]]));
  const stepBefore = await timed(50, step);
  print({
    measure: 'review step of an arrival, no reviews',
    p50_ms: pct(stepBefore, 0.5),
    p95_ms: pct(stepBefore, 0.95),
  });
  const before = await timed(ARRIVALS, arrive);
  print({ measure: 'article arrives, no reviews', p50_ms: pct(before, 0.5), p95_ms: pct(before, 0.95) });

  const facts = await db.selectFrom('facts').select(['id', 'figure']).orderBy('id').execute();
  const every = Math.max(1, Math.floor(facts.length / REVIEWS));
  const actions = ['confirm', 'correct', 'reject'];
  const reviews = await timed(REVIEWS, async (i) => {
    const f = facts[(i * every) % facts.length];
    const action = actions[i % 3];
    await store.reviews.reviewFact(
      f.id,
      action === 'correct' ? { action, changes: { figure: (f.figure ?? 10) + 1 } } : { action },
      'bench',
    );
  });
  print({
    measure: 'one review (applied and re-clustered)',
    reviews: REVIEWS,
    p50_ms: pct(reviews, 0.5),
    p95_ms: pct(reviews, 0.95),
  });

  const stepAfter = await timed(50, step);
  print({
    measure: `review step of an arrival, ${REVIEWS} reviews`,
    p50_ms: pct(stepAfter, 0.5),
    p95_ms: pct(stepAfter, 0.95),
  });
  const after = await timed(ARRIVALS, arrive);
  print({
    measure: `article arrives, ${REVIEWS} reviews`,
    p50_ms: pct(after, 0.5),
    p95_ms: pct(after, 0.95),
  });

  const list = await timed(40, () => store.facts.list({}, { limit: 50 }));
  print({ measure: 'fact list (rejected left out)', p50_ms: pct(list, 0.5), p95_ms: pct(list, 0.95) });
  const countries = await timed(20, () => store.summaries.countries({}));
  print({
    measure: 'country summary (rejected left out)',
    p50_ms: pct(countries, 0.5),
    p95_ms: pct(countries, 0.95),
  });
  const t = performance.now();
  await store.clustering.rebuild();
  print({ measure: `rebuild with ${REVIEWS} reviews`, ms: Math.round(performance.now() - t) });
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
