// Reviews on both engines: confirm, correct and reject a fact or a claim; the audit log; a
// correction that survives a new extraction (newer extractor version, new fact ids) and a
// full re-clustering; a rejected figure suppressed in a syndicated copy; merging and splitting
// events, kept across re-clustering.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Fact } from '../types.js';
import { describeEachEngine } from './test-engines.js';
import { factA, factB, makeFact, resultFor, seedArticle, TEXT_A, TEXT_B } from './test-fixtures.js';
import { queryBuilderForTests, type Store } from './index.js';

async function seedClustered(store: Store, text: string, facts: Fact[], url?: string): Promise<number> {
  const id = await seedArticle(store, text, facts, url ? { url } : {});
  await store.clustering.updateForArticles([id]);
  return id;
}

async function onlyFact(store: Store, articleId: number) {
  const facts = await store.facts.forArticle(articleId);
  assert.equal(facts.length, 1);
  return facts[0]!;
}

async function claimOf(store: Store, factId: number) {
  const all = await store.claims.list({}, { limit: 500 });
  for (const c of all.items) {
    const d = await store.claims.get(c.id);
    if (d?.sources.some((s) => s.reports.some((r) => r.fact_id === factId))) return d;
  }
  return null;
}

describeEachEngine('reviews', (store) => {
  let a = 0;
  let b = 0;

  before(async () => {
    a = await seedClustered(store(), TEXT_A, [factA()]);
    b = await seedClustered(store(), TEXT_B, [factB()]);
  });

  test('a correction is written over the fact and its claim, and the audit log has before and after', async () => {
    const fact = await onlyFact(store(), a);
    const r = await store().reviews.reviewFact(
      fact.id,
      {
        action: 'correct',
        changes: { figure: 15000, qualifier: 'at_least' },
        note: 'the report says 15,000',
      },
      'analyst-1',
    );
    assert.equal(r.action, 'correct');
    assert.equal(r.reviewer, 'analyst-1');
    assert.deepEqual(r.fact_ids, [fact.id]);
    assert.equal(r.snapshot.reason, 'test:fixture');
    assert.equal(r.snapshot.figure, 12500);

    const now = await store().facts.get(fact.id);
    assert.equal(now?.figure, 15000);
    assert.equal(now?.qualifier, 'at_least');
    assert.deepEqual(now?.people, { count: 15000, household_size: null });
    assert.equal(now?.review?.status, 'corrected');
    assert.equal(now?.review?.extracted?.figure, 12500);

    const claim = await claimOf(store(), fact.id);
    assert.equal(claim?.figure, 15000);

    const log = await store().reviews.log({ targetKind: 'fact', targetId: String(fact.id) });
    assert.equal(log.items.length, 1);
    const entry = log.items[0]!;
    assert.equal(entry.actor, 'analyst-1');
    assert.equal(entry.action, 'correct');
    assert.equal((entry.before as { figure: number }).figure, 12500);
    assert.equal((entry.after as { figure: number }).figure, 15000);
    assert.ok(entry.at > 0);
  });

  test('the correction survives a new extraction by a newer extractor version', async () => {
    const old = await onlyFact(store(), a);
    // The newer extractor reads the same figure a little differently (confidence, span).
    const renewed = { ...factA(), confidence: 0.7, reason: 'test:fixture-v2' };
    await store().facts.replaceForArticle(a, resultFor([renewed]), 'test-2');
    await store().clustering.updateForArticles([a]);
    const fresh = await onlyFact(store(), a);
    assert.notEqual(fresh.id, old.id, 'the new extraction writes new fact rows');
    assert.equal(fresh.extractor_version, 'test-2');
    assert.equal(fresh.figure, 15000);
    assert.equal(fresh.qualifier, 'at_least');
    assert.equal(fresh.review?.status, 'corrected');
    const review = (await store().reviews.list({ targetKind: 'fact' })).items[0]!;
    assert.deepEqual(review.fact_ids, [fresh.id]);
    assert.equal((await claimOf(store(), fresh.id))?.figure, 15000);
  });

  test('the correction survives a full re-clustering', async () => {
    await store().clustering.rebuild();
    const fresh = await onlyFact(store(), a);
    assert.equal(fresh.figure, 15000);
    assert.equal((await claimOf(store(), fresh.id))?.figure, 15000);
  });

  test('a later review replaces the earlier one: confirming restores what was extracted', async () => {
    const fact = await onlyFact(store(), a);
    await store().reviews.reviewFact(fact.id, { action: 'confirm' }, 'analyst-2');
    const now = await store().facts.get(fact.id);
    assert.equal(now?.figure, 12500);
    assert.equal(now?.qualifier, 'exact');
    assert.equal(now?.review?.status, 'confirmed');
    assert.equal((await store().reviews.list({ targetKind: 'fact' })).items.length, 1);
    const log = await store().reviews.log({ targetKind: 'fact' });
    assert.deepEqual(
      log.items.map((e) => [e.action, e.actor]),
      [
        ['confirm', 'analyst-2'],
        ['correct', 'analyst-1'],
      ],
    );
  });

  test('a bad correction is refused naming the field; nothing is stored', async () => {
    const fact = await onlyFact(store(), b);
    await assert.rejects(
      store().reviews.reviewFact(fact.id, { action: 'correct', changes: { figure: -3 } }, 'x'),
      /correction "figure"/,
    );
    await assert.rejects(
      store().reviews.reviewFact(fact.id, { action: 'correct', changes: { colour: 'red' } }, 'x'),
      /"colour" is not a field/,
    );
    await assert.rejects(
      store().reviews.reviewFact(fact.id, { action: 'confirm', changes: { figure: 1 } }, 'x'),
    );
    await assert.rejects(store().reviews.reviewFact(999_999, { action: 'confirm' }, 'x'), /does not exist/);
    assert.equal((await store().reviews.list({ targetId: String(fact.id) })).items.length, 0);
  });

  test('a claim review applies to the claim: rejecting it removes the figure from claims, facts and events', async () => {
    const fact = await onlyFact(store(), b);
    const claim = await claimOf(store(), fact.id);
    assert.ok(claim);
    const summed = async () => (await store().summaries.countries({ country: ['FRE'] })).length;
    assert.equal(await summed(), 1, 'counted (and cached) before the review');
    const r = await store().reviews.reviewClaim(
      claim.id,
      { action: 'reject', note: 'an opinion piece' },
      'analyst-1',
    );
    assert.equal(r.target_kind, 'claim');
    assert.deepEqual(r.fact_ids, [fact.id]);
    assert.equal(await store().claims.get(claim.id), null);
    assert.equal((await store().facts.get(fact.id))?.review?.status, 'rejected');
    const listed = await store().facts.list({ country: ['FRE'] }, { limit: 10 });
    assert.equal(listed.items.length, 0, 'a rejected figure is not listed');
    const events = await store().events.list({ country: ['FRE'] });
    assert.equal(events.items.length, 0);
    assert.equal(await summed(), 0, 'summaries leave it out at once, though no fact was added');
    const log = await store().reviews.log({ targetKind: 'claim' });
    assert.equal(log.items[0]?.after, null, 'the claim no longer exists after');
    // Undone by confirming the claim's fact.
    await store().reviews.reviewFact(fact.id, { action: 'confirm' }, 'analyst-1');
    assert.equal((await store().facts.list({ country: ['FRE'] }, { limit: 10 })).items.length, 1);
  });

  test('a rejected figure is suppressed in a syndicated copy (same sentence, same figure, another article)', async () => {
    const text = 'Officials said 7,300 people were displaced by the landslide in Westvale on Monday.';
    const fact = () =>
      makeFact(text, {
        quantity: '7,300',
        termWord: 'displaced',
        figure: 7300,
        people: { count: 7300, household_size: null },
        country: 'WES',
        cause: 'disaster',
        hazard: 'landslide',
      });
    const original = await seedClustered(store(), text, [fact()], 'https://wire.example.org/landslide');
    const before = await seedClustered(store(), `${text}`, [fact()], 'https://paper.example.com/landslide');
    const target = await onlyFact(store(), original);
    await store().reviews.reviewFact(target.id, { action: 'reject' }, 'analyst-3');
    assert.equal((await onlyFact(store(), before)).review?.status, 'rejected', 'a copy stored earlier');
    const after = await seedClustered(store(), text, [fact()], 'https://radio.example.net/landslide');
    assert.equal((await onlyFact(store(), after)).review?.status, 'rejected', 'a copy stored later');
    const other = await seedClustered(
      store(),
      'Another 7,300 people were displaced elsewhere in Westvale.',
      [
        makeFact('Another 7,300 people were displaced elsewhere in Westvale.', {
          quantity: '7,300',
          termWord: 'displaced',
          figure: 7300,
          country: 'WES',
        }),
      ],
      'https://other.example.net/x',
    );
    assert.equal((await onlyFact(store(), other)).review, undefined, 'another sentence is not a copy');
    const claims = await store().claims.list({ country: ['WES'] });
    assert.equal(claims.items.length, 1);
    assert.equal(await store().clustering.needsRebuild(), false, 'rejected facts do not ask for a rebuild');
  });

  test('merge and split events; both hold after re-clustering', async () => {
    const t1 = 'Fighting in Northvale displaced 3,000 people on 2 May 2024.';
    const t2 = 'Shelling in Southvale forced 9,000 people to flee on 20 September 2024.';
    const f = (
      text: string,
      quantity: string,
      termWord: string,
      figure: number,
      date: string,
      place: string,
    ) =>
      makeFact(text, {
        quantity,
        termWord,
        figure,
        people: { count: figure, household_size: null },
        country: 'MRG',
        date: { start: date, end: date, text: date, span: [0, 1], year_stated: true },
        locations: [{ name: place, start: 0, end: 1, lat: null, lon: null, country: 'MRG', admin1: place }],
      });
    const x = await seedClustered(store(), t1, [
      f(t1, '3,000', 'displaced', 3000, '2024-05-02', 'Northvale'),
    ]);
    const y = await seedClustered(store(), t2, [f(t2, '9,000', 'forced', 9000, '2024-09-20', 'Southvale')]);
    const events = async () => (await store().events.list({ country: ['MRG'] })).items;
    const two = await events();
    assert.equal(two.length, 2, 'months apart and in two provinces: two events');
    const ex = (await claimOf(store(), (await onlyFact(store(), x)).id))!.event_id!;
    const ey = (await claimOf(store(), (await onlyFact(store(), y)).id))!.event_id!;

    const merged = await store().reviews.merge(ex, ey, 'one offensive', 'analyst-1');
    assert.equal(merged.action, 'merge');
    let now = await events();
    assert.deepEqual(
      now.map((e) => [e.id, e.claims]),
      [[ex, 2]],
    );
    await store().clustering.rebuild();
    assert.deepEqual(
      (await events()).map((e) => [e.id, e.claims]),
      [[ex, 2]],
      'the merge holds after re-clustering',
    );

    const cy = (await claimOf(store(), (await onlyFact(store(), y)).id))!.id;
    const split = await store().reviews.split(ex, [cy], 'two offensives after all', 'analyst-2');
    const newId = String(split.changes?.new_event_id);
    now = await events();
    assert.deepEqual(now.map((e) => e.id).sort(), [ex, newId].sort());
    await store().clustering.rebuild();
    assert.deepEqual(
      (await events()).map((e) => e.id).sort(),
      [ex, newId].sort(),
      'the split holds after re-clustering',
    );
    await assert.rejects(store().reviews.split(ex, ['c000000000000'], null, 'x'), /is not in event/);
    await assert.rejects(store().reviews.merge(ex, ex, null, 'x'), /with itself/);
    const log = await store().reviews.log({ targetKind: 'event' });
    assert.deepEqual(
      log.items.map((e) => e.action),
      ['split', 'merge'],
    );
  });

  test('two reviewers at once on one figure: one current review, both changes in the audit log', async () => {
    const text = 'Storms in Lakeside destroyed 640 homes on 2 June 2024.';
    const id = await seedClustered(store(), text, [
      makeFact(text, {
        quantity: '640',
        termWord: 'destroyed',
        term: 'destroyed_housing',
        figure: 640,
        country: 'LAK',
      }),
    ]);
    const fact = await onlyFact(store(), id);
    await Promise.all([
      store().reviews.reviewFact(fact.id, { action: 'confirm' }, 'first'),
      store().reviews.reviewFact(fact.id, { action: 'reject' }, 'second'),
      store().reviews.reviewFact(fact.id, { action: 'correct', changes: { figure: 650 } }, 'third'),
    ]);
    const reviews = await store().reviews.list({ targetId: String(fact.id) });
    assert.equal(reviews.items.length, 1);
    const log = await store().reviews.log({ targetId: String(fact.id) });
    assert.deepEqual(log.items.map((e) => e.actor).sort(), ['first', 'second', 'third']);
    // The last one to commit is the review in force, and the fact says so.
    const last = log.items[0]!;
    assert.equal(reviews.items[0]!.reviewer, last.actor);
    const status = { confirm: 'confirmed', reject: 'rejected', correct: 'corrected' }[
      last.action as 'confirm'
    ];
    assert.equal((await store().facts.get(fact.id))?.review?.status, status);
  });

  test('outcomes: each reviewed figure with its rule and confidence', async () => {
    const outcomes = await store().reviews.outcomes();
    assert.ok(outcomes.length >= 3);
    assert.ok(outcomes.every((o) => o.rule && o.confidence > 0));
    assert.ok(outcomes.some((o) => o.action === 'reject'));
  });
});

// One quantity read twice (two facts of one term class at one place in the text) in two
// countries: both claims derive their id from the article and the quantity, so the later one
// takes a suffix when they are numbered together. Clustering one country again alone (after a
// new article there, or a review) must not hand its claim the other country's id.
describeEachEngine('claim ids when one country is clustered again', (store) => {
  const TEXT = 'Officials said 3,000 people were displaced, then 800 in one town and 650 in another.';
  const fact = (quantity: string, country: string | null, date: string) =>
    makeFact(TEXT, {
      quantity,
      termWord: 'displaced',
      figure: Number(quantity.replace(',', '')),
      people: { count: Number(quantity.replace(',', '')), household_size: null },
      country,
      date: { start: date, end: date, text: 'then', span: [0, 4], year_stated: true },
    });
  let first = 0;

  /** Each fact's claim, by fact id. */
  async function claimIds(): Promise<Map<number, string>> {
    const rows = await queryBuilderForTests(store())
      .selectFrom('claim_facts')
      .select(['fact_id', 'claim_id'])
      .execute();
    return new Map(rows.map((r) => [r.fact_id, r.claim_id]));
  }

  test('rejecting, restoring and correcting a fact of one country keep every claim id', async () => {
    const other = await seedClustered(store(), TEXT, [
      fact('800', 'AAA', '2024-01-02'),
      fact('650', 'BBB', '2024-01-03'),
    ]);
    first = await seedClustered(store(), TEXT, [
      fact('3,000', null, '2024-01-05'),
      fact('3,000', 'AAA', '2024-01-08'),
    ]);
    const start = await claimIds();
    assert.equal(new Set(start.values()).size, 4, 'one claim per fact');
    // Earlier than the shared quantity's facts: AAA is corroborated again from 2 January,
    // without the facts of no country.
    const [early, late] = await store().facts.forArticle(other);
    assert.equal(early?.country, 'AAA');
    await store().reviews.reviewFact(early!.id, { action: 'reject' }, 'analyst');
    const rejected = await claimIds();
    assert.equal(rejected.size, 3);
    for (const [f, c] of rejected) assert.equal(c, start.get(f), `fact ${f} keeps its claim`);
    await store().reviews.reviewFact(early!.id, { action: 'confirm' }, 'analyst');
    assert.deepEqual(await claimIds(), start);
    await store().reviews.reviewFact(late!.id, { action: 'correct', changes: { figure: 700 } }, 'analyst');
    assert.deepEqual(await claimIds(), start);
  });

  test('a new article in one country leaves the other claims of a shared quantity their ids', async () => {
    const before = await claimIds();
    await seedClustered(store(), TEXT, [fact('650', 'AAA', '2024-01-01')]);
    const after = await claimIds();
    assert.equal(new Set(after.values()).size, 5);
    for (const [f, c] of before) assert.equal(after.get(f), c, `fact ${f} keeps its claim`);
    assert.deepEqual(
      (await store().facts.forArticle(first)).map((f) => f.country),
      [null, 'AAA'],
    );
  });

  test('a rebuild numbers them as before', async () => {
    const start = await claimIds();
    await store().clustering.rebuild();
    assert.deepEqual(await claimIds(), start);
  });
});
