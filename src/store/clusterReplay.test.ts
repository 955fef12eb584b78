// Incremental clustering (a replay from the earliest changed date) must give what clustering
// the whole store gives: the same claims with the same facts, the same events with the same
// ids, names, figures and countries. Checked on a seeded corpus with repeated figures, copies,
// cross-border and named storms, articles arriving in batches in any order of their dates.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { queryBuilderForTests } from './index.js';
import { clusteringSnapshot, insertCorpus, makeCorpus, storeCorpus } from './test-corpus.js';
import { describeEachEngine } from './test-engines.js';

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describeEachEngine('incremental clustering equals a rebuild', (store) => {
  test('articles arriving in batches, mostly in date order, then in any order', async () => {
    const corpus = makeCorpus({ seed: 5, articles: 300 });
    const stored = new Map<number, number>();
    // As news arrives: in date order, give or take a few days, in batches of 1 to 7.
    const byDate = corpus
      .map((_, i) => i)
      .sort((a, b) => corpus[a]!.published.localeCompare(corpus[b]!.published));
    const order = shuffled(byDate.slice(0, 20), 1).concat(byDate.slice(20));
    for (let i = 0, size = 1; i < order.length; i += size, size = (size % 7) + 1) {
      const batch = shuffled(order.slice(i, i + size), i);
      await store().clustering.updateForArticles(await storeCorpus(store(), corpus, batch, stored));
    }
    const ids = [...stored.values()];
    const db = queryBuilderForTests(store());
    const incremental = await clusteringSnapshot(store());
    // The corpus exercises the rules: claims with several reports, events across a border.
    const multi = await db.selectFrom('claims').select('id').where('fact_count', '>', 1).execute();
    assert.ok(multi.length > 10, `claims with several facts: ${multi.length}`);
    const crossBorder = await db
      .selectFrom('event_countries')
      .select('event_id')
      .groupBy('event_id')
      .having((eb) => eb.fn.count('country'), '>', 1)
      .execute();
    assert.ok(crossBorder.length > 0, 'an event in two countries');
    assert.ok(
      incremental.events!.some((e) => e.includes('Cyclone')),
      'a named storm',
    );

    await store().clustering.rebuild();
    const rebuilt = await clusteringSnapshot(store());
    assert.deepEqual(incremental, rebuilt);

    // Now the same articles announced again in any order: nothing may change.
    const any = shuffled(ids, 9);
    for (let i = 0, size = 1; i < any.length; i += size, size = (size % 7) + 1)
      await store().clustering.updateForArticles(any.slice(i, i + size));
    assert.deepEqual(await clusteringSnapshot(store()), rebuilt);
  });

  test('changed and removed facts of already clustered articles', async () => {
    const db = queryBuilderForTests(store());
    const some = await db.selectFrom('facts').select(['id', 'article_id']).orderBy('id').limit(40).execute();
    const changed = some.filter((_, i) => i % 4 === 0);
    for (const f of changed)
      await db
        .updateTable('facts')
        .set({ figure: 4500, figure_key: 4500, people: 4500 })
        .where('id', '=', f.id)
        .execute();
    const removed = some.filter((_, i) => i % 4 === 1);
    await db
      .deleteFrom('facts')
      .where(
        'id',
        'in',
        removed.map((f) => f.id),
      )
      .execute();
    await store().clustering.updateForArticles([
      ...new Set([...changed, ...removed].map((f) => f.article_id)),
    ]);
    const incremental = await clusteringSnapshot(store());
    await store().clustering.rebuild();
    assert.deepEqual(incremental, await clusteringSnapshot(store()));
  });

  test('a late article re-reads only what its dates can reach', async () => {
    const [late] = await insertCorpus(store(), { seed: 77, articles: 1 });
    await queryBuilderForTests(store())
      .updateTable('facts')
      .set({ fact_date: '2023-12-30', date_start: '2023-12-30', date_end: '2023-12-30' })
      .where('article_id', '=', late!)
      .execute();
    const r = await store().clustering.updateForArticles([late!]);
    const facts = await store().facts.count();
    assert.ok(r.facts <= 3, `facts read again: ${r.facts} of ${facts}`);
    const incremental = await clusteringSnapshot(store());
    await store().clustering.rebuild();
    assert.deepEqual(incremental, await clusteringSnapshot(store()));
  });
});

describeEachEngine('clustering with undated facts equals a rebuild', (store) => {
  test('whole countries are clustered again when a fact has no date', async () => {
    const ids = await insertCorpus(store(), { seed: 6, articles: 80, undated: 0.1 });
    const order = shuffled(ids, 3);
    for (let i = 0; i < order.length; i += 5)
      await store().clustering.updateForArticles(order.slice(i, i + 5));
    const incremental = await clusteringSnapshot(store());
    await store().clustering.rebuild();
    assert.deepEqual(incremental, await clusteringSnapshot(store()));
  });
});
