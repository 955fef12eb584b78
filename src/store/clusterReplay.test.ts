// Incremental clustering (a replay from the earliest changed date) must give what clustering
// the whole store gives: the same claims with the same facts, the same events with the same
// ids, names, figures and countries. Checked on a seeded corpus with repeated figures, copies,
// cross-border and named storms, articles arriving in batches in any order of their dates.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stableId } from '../claims/stableId.js';
import { termClass } from '../claims/termClass.js';
import type { Term } from '../types.js';
import { claimKey } from '../events/cluster.js';
import { EventTally } from '../events/tally.js';
import { queryBuilderForTests, type Store } from './index.js';
import { readClaims } from './queries/clusterRows.js';
import { setCheckpointMinClaimsForTests, shiftMonth } from './queries/eventCheckpoints.js';
import { setRebuildPartsForTests } from './queries/rebuildParts.js';
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

describeEachEngine('the clustering job (marked articles, clustered at once) equals a rebuild', (store) => {
  test('batches marked in any date order, a clustering in between that takes the marks with it, then the job', async () => {
    const corpus = makeCorpus({ seed: 11, articles: 200 });
    const stored = new Map<number, number>();
    const order = shuffled(
      corpus.map((_, i) => i),
      3,
    );
    for (let i = 0, size = 1; i < order.length; i += size, size = (size % 9) + 1) {
      const ids = await storeCorpus(store(), corpus, order.slice(i, i + size), stored);
      // As the ingest path does (src/ingest/clusterLater.ts): marks, no clustering.
      await store().clustering.mark(ids);
      // Midway, a clustering of one article (as a review's): every mark goes with it.
      if (i === 60) {
        const r = await store().clustering.updateForArticles([ids[0]!]);
        assert.equal(await store().clustering.pending(), 0, 'the marks were taken');
        assert.ok(r.facts > 0);
      }
    }
    assert.ok((await store().clustering.pending()) > 100);
    const r = await store().clustering.drain();
    assert.ok(r.articles > 100, `the job took every marked article (${r.articles})`);
    assert.equal(await store().clustering.pending(), 0);
    assert.equal(await store().clustering.needsRebuild(), false);
    assert.equal((await store().clustering.drain()).articles, 0, 'a second job finds nothing');
    const job = await clusteringSnapshot(store());
    assert.ok(job.events!.length > 10);
    await store().clustering.rebuild();
    assert.deepEqual(job, await clusteringSnapshot(store()));
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

describeEachEngine('the event replay stops where it meets the former events again', (store) => {
  /** A new article with one figure, as given, beside the corpus. */
  async function lateArticle(
    seed: number,
    fact: { fact_date: string | null } & Record<string, string | number | null>,
  ): Promise<number> {
    const [id] = await insertCorpus(store(), { seed, articles: 1 });
    const db = queryBuilderForTests(store());
    const [keep] = await db
      .selectFrom('facts')
      .select('id')
      .where('article_id', '=', id!)
      .orderBy('id')
      .execute();
    await db.deleteFrom('facts').where('article_id', '=', id!).where('id', '!=', keep!.id).execute();
    await db.updateTable('articles').set({ title: 'Report', fact_count: 1 }).where('id', '=', id!).execute();
    await db
      .updateTable('facts')
      .set({
        evidence: 'The crisis displaced people.',
        figure: 777,
        figure_key: 777,
        people: 777,
        ...fact,
        date_start: fact.fact_date,
        date_end: fact.fact_date,
      })
      .where('id', '=', keep!.id)
      .execute();
    return id!;
  }

  const claimsFrom = async (date: string) =>
    (
      await queryBuilderForTests(store())
        .selectFrom('claims')
        .select('id')
        .where('first_date', '>=', date)
        .execute()
    ).length;

  test('a late report that changes no open event: the replay stops right after it, equal to a rebuild', async () => {
    await insertCorpus(store(), { seed: 21, articles: 240 });
    await store().clustering.rebuild();
    // Another report of a flood on the day and at the place of one already clustered: it joins
    // that event without changing what decides later claims.
    const db = queryBuilderForTests(store());
    const x = await db
      .selectFrom('claims')
      .select(['id', 'event_id', 'first_date', 'admin1', 'lat', 'lon'])
      .where('country', '=', 'IRQ')
      .where('hazard', '=', 'flood')
      .where('admin1', 'is not', null)
      .where('first_date', '>=', '2023-02-01')
      .orderBy('first_date')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const id = await lateArticle(22, {
      country: 'IRQ',
      admin1: x.admin1,
      location: `${x.admin1} town`,
      lat: x.lat,
      lon: x.lon,
      cause: 'disaster',
      hazard: 'flood',
      fact_date: x.first_date,
    });
    const r = await store().clustering.updateForArticles([id]);
    const tail = await claimsFrom(x.first_date!);
    assert.ok(r.replay?.stopped, `the replay stopped early: ${JSON.stringify(r)}`);
    assert.ok(r.replay.claims < tail / 2, `claims replayed: ${r.replay.claims} of ${tail}`);
    const late = await db
      .selectFrom('claims')
      .innerJoin('claim_facts', 'claim_facts.claim_id', 'claims.id')
      .select('claims.event_id')
      .where('claim_facts.article_id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(late.event_id, x.event_id, 'the report joined the event of the same place and day');
    const incremental = await clusteringSnapshot(store());
    await store().clustering.rebuild();
    assert.deepEqual(incremental, await clusteringSnapshot(store()));
  });

  test('a late flood report in a country of its own: the replay stops once its event has ended', async () => {
    const id = await lateArticle(24, {
      country: 'SYR',
      admin1: 'Area 1',
      location: 'Area 1 town',
      lat: 35,
      lon: 38,
      cause: 'disaster',
      hazard: 'flood',
      fact_date: '2023-02-01',
    });
    const r = await store().clustering.updateForArticles([id]);
    const tail = await claimsFrom('2023-02-01');
    assert.ok(r.replay?.stopped, `the replay stopped early: ${JSON.stringify(r)}`);
    assert.ok(r.replay.claims < tail / 2, `claims replayed: ${r.replay.claims} of ${tail}`);
    const incremental = await clusteringSnapshot(store());
    await store().clustering.rebuild();
    assert.deepEqual(incremental, await clusteringSnapshot(store()));
  });

  test('a late report that moves a later claim to another event: the replay goes on past it', async () => {
    // A claim that began an event of its own: a report two days before it, at its place, with
    // its cause and hazard, joins an event (or begins one) that the later claim then fits.
    const db = queryBuilderForTests(store());
    const claims = await db
      .selectFrom('claims')
      .select(['id', 'event_id', 'first_date', 'country', 'admin1', 'lat', 'lon', 'cause', 'hazard'])
      .where('first_date', '>=', '2023-02-01')
      .where('first_date', '<=', '2023-04-15')
      .where((eb) => eb.or([eb('hazard_name', '=', ''), eb('hazard_name', 'is', null)]))
      .orderBy('first_date')
      .orderBy('id')
      .execute();
    const x = claims.find((c) => c.event_id === stableId('e', c.id));
    assert.ok(x, 'a claim that began an event');
    const id = await lateArticle(23, {
      country: x.country,
      admin1: x.admin1,
      location: x.admin1 && `${x.admin1} town`,
      lat: x.lat,
      lon: x.lon,
      cause: x.cause,
      hazard: x.hazard,
      // A figure of its own: the report is a claim of its own.
      figure: 555,
      figure_key: 555,
      people: 555,
      fact_date: new Date(Date.parse(`${x.first_date}T00:00:00Z`) - 2 * 86_400_000)
        .toISOString()
        .slice(0, 10),
    });
    const r = await store().clustering.updateForArticles([id]);
    assert.ok(r.replay, 'events were replayed');
    const moved = await db
      .selectFrom('claims')
      .select('event_id')
      .where('id', '=', x.id)
      .executeTakeFirstOrThrow();
    // Had the replay stopped before it, the claim would have kept its event.
    assert.notEqual(moved.event_id, x.event_id, 'the later claim is in another event now');
    const incremental = await clusteringSnapshot(store());
    await store().clustering.rebuild();
    assert.deepEqual(incremental, await clusteringSnapshot(store()));
  });
});

/** Each stored checkpoint is the tally of its event's claims up to the end of its month. */
async function checkpointsHold(store: Store): Promise<number> {
  const db = queryBuilderForTests(store);
  const rows = await db.selectFrom('event_checkpoints').selectAll().execute();
  for (const r of rows) {
    const claims = await readClaims(
      db,
      await db
        .selectFrom('claims')
        .selectAll()
        .where('event_id', '=', r.event_id)
        .where('first_date', '<', `${shiftMonth(r.month, 1)}-01`)
        .execute(),
    );
    const tally = new EventTally();
    for (const s of claims.sort((a, b) => (claimKey(a.claim) < claimKey(b.claim) ? -1 : 1)))
      tally.add(s.claim, s.hazardName, s.factCount);
    assert.equal(r.state, JSON.stringify(tally), `checkpoint ${r.event_id} ${r.month}`);
  }
  return rows.length;
}

describeEachEngine('incremental clustering from checkpoints equals a rebuild', (store) => {
  test('every event with checkpoints: batches in date order, late and changed reports', async () => {
    setCheckpointMinClaimsForTests(2);
    try {
      const corpus = makeCorpus({ seed: 8, articles: 260 });
      const stored = new Map<number, number>();
      const byDate = corpus
        .map((_, i) => i)
        .sort((a, b) => corpus[a]!.published.localeCompare(corpus[b]!.published));
      // Most in date order; every tenth held back and stored late.
      const late = byDate.filter((_, i) => i % 10 === 5);
      const order = byDate.filter((_, i) => i % 10 !== 5);
      for (let i = 0, size = 1; i < order.length; i += size, size = (size % 7) + 1)
        await store().clustering.updateForArticles(
          await storeCorpus(store(), corpus, order.slice(i, i + size), stored),
        );
      assert.ok((await checkpointsHold(store())) > 20, 'checkpoints were written');
      for (let i = 0; i < late.length; i += 3)
        await store().clustering.updateForArticles(
          await storeCorpus(store(), corpus, late.slice(i, i + 3), stored),
        );
      const db = queryBuilderForTests(store());
      const some = await db
        .selectFrom('facts')
        .select(['id', 'article_id'])
        .orderBy('id')
        .limit(30)
        .execute();
      for (const f of some.filter((_, i) => i % 3 === 0))
        await db
          .updateTable('facts')
          .set({ figure: 4500, figure_key: 4500, people: 4500 })
          .where('id', '=', f.id)
          .execute();
      await store().clustering.updateForArticles([...new Set(some.map((f) => f.article_id))]);
      await checkpointsHold(store());
      const incremental = await clusteringSnapshot(store());
      await store().clustering.rebuild();
      assert.deepEqual(incremental, await clusteringSnapshot(store()));
      assert.ok((await checkpointsHold(store())) > 20, 'a rebuild writes checkpoints');
    } finally {
      setCheckpointMinClaimsForTests(64);
    }
  });
});

describeEachEngine('a rebuild in parts equals the rebuild of every fact at once', (store) => {
  test('same claims (ids numbered across countries), events and checkpoints, in many small parts', async () => {
    setCheckpointMinClaimsForTests(2);
    setRebuildPartsForTests(3, 5);
    try {
      await insertCorpus(store(), { seed: 11, articles: 260 });
      const db = queryBuilderForTests(store());
      // One quantity of an article read as the same kind of figure in two countries: the two
      // claims begun there share an id but for a suffix, numbered in the store's fact order.
      const seconds = await db
        .selectFrom('facts')
        .select(['id', 'article_id', 'country'])
        .where('ordinal', '=', 1)
        .orderBy('id')
        .limit(6)
        .execute();
      for (const f of seconds) {
        const firstFact = await db
          .selectFrom('facts')
          .select(['term'])
          .where('article_id', '=', f.article_id)
          .where('ordinal', '=', 0)
          .executeTakeFirstOrThrow();
        await db
          .updateTable('facts')
          .set({ quantity_start: 0, term: firstFact.term, country: f.country === 'IRQ' ? 'BGD' : 'IRQ' })
          .where('id', '=', f.id)
          .execute();
      }
      const checkpoints = async () =>
        (await db.selectFrom('event_checkpoints').selectAll().execute()).map((r) => JSON.stringify(r)).sort();
      await store().clustering.rebuild({ whole: true });
      const whole = await clusteringSnapshot(store());
      const wholeCheckpoints = await checkpoints();
      assert.ok(wholeCheckpoints.length > 20, `checkpoints: ${wholeCheckpoints.length}`);
      const ids = new Set((await db.selectFrom('claims').select('id').execute()).map((r) => r.id));
      const terms = await db
        .selectFrom('facts')
        .select(['article_id', 'term'])
        .where(
          'id',
          'in',
          seconds.map((f) => f.id),
        )
        .execute();
      const suffixed = terms.filter((f) => {
        const base = stableId('c', `${f.article_id}:0:${termClass(f.term as Term)}`);
        return ids.has(base) && ids.has(stableId('c', `${base}#2`));
      });
      assert.ok(suffixed.length > 0, 'claims of two countries begun at one quantity');
      const r = await store().clustering.rebuild();
      assert.deepEqual(await clusteringSnapshot(store()), whole);
      assert.deepEqual(await checkpoints(), wholeCheckpoints);
      assert.equal(r.events, whole.events!.length);
    } finally {
      setCheckpointMinClaimsForTests(64);
      setRebuildPartsForTests(2000, 2000);
    }
  });
});
