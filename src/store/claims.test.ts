import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MOSUL_ARTICLES, storeScenarioArticle } from './claims-scenario.js';
import { openTestStore, describeEachEngine } from './test-engines.js';
import { resultFor } from './test-fixtures.js';

describeEachEngine('claims and events', (store, engine, tdb) => {
  const ids = new Map<string, number>();

  test('articles arriving one by one build claims with independent sources and two events', async () => {
    for (const a of MOSUL_ARTICLES) await storeScenarioArticle(store(), a, ids);
    const claims = (await store().claims.list({ country: ['IRQ'] })).items;
    assert.deepEqual(
      claims.map((c) => [c.figure, c.independent_sources, c.reports]).sort((a, b) => a[0]! - b[0]!),
      [
        [600, 1, 1],
        [190000, 2, 3], // the wire story with its copy, and the broadcaster
        [250000, 2, 2],
      ],
    );
    const big = claims.find((c) => c.figure === 190000)!;
    assert.equal(big.qualifier, 'approximately', 'the strongest wording of the three');
    assert.equal(big.first_reported, '2016-10-20');
    assert.equal(big.last_reported, '2016-10-21');

    const events = (await store().events.list({ country: ['IRQ'] })).items;
    assert.deepEqual(events.map((e) => e.name).sort(), [
      'Conflict — Nineveh, Iraq, Oct 2016',
      'Flood — Basra, Iraq, Nov 2016',
    ]);
    const mosul = events.find((e) => e.cause === 'conflict')!;
    assert.equal(mosul.recommended?.figure, 250000);
    assert.equal(
      mosul.recommended?.reason,
      'largest displacement figure, reported by 2 independent sources on 20 Nov 2016; 1 other claim kept as triangulation',
    );
    const flood = events.find((e) => e.hazard === 'flood')!;
    assert.equal(flood.recommended?.people, 3600);
    assert.match(flood.recommended!.reason, /600 households × 6 people/);
  });

  test('an event shows its claims, each source with its reports and evidence, and a timeline', async () => {
    const [mosul] = (await store().events.list({ cause: 'conflict' })).items;
    const detail = (await store().events.get(mosul!.id))!;
    assert.equal(detail.claims_list.length, 2);
    const first = detail.claims_list[0]!;
    assert.equal(first.sources.length, 2);
    const wire = first.sources.find((s) => s.outlets.includes('wire.example'))!;
    assert.equal(wire.reports[0]!.copies, 1);
    assert.match(wire.reports[0]!.evidence, /^Up to 190,000 people have been displaced/);
    assert.deepEqual(
      detail.timeline.map((p) => [p.date, p.people]),
      [
        ['2016-10-20', 190000],
        ['2016-11-20', 250000],
      ],
    );
    const months = await store().events.countryMonths({ country: ['IRQ'] });
    assert.deepEqual(
      months.map((m) => [m.month, m.displaced, m.events]),
      [
        ['2016-10', 190000, 1],
        ['2016-11', 60000 + 3600, 2],
      ],
    );
  });

  test('re-extracting an article and rebuilding everything keep the same claims and event ids', async () => {
    const before = (await store().events.list({})).items.map((e) => [e.id, e.name, e.recommended?.figure]);
    const claimIds = (await store().claims.list({})).items.map((c) => c.id).sort();
    const a = MOSUL_ARTICLES.find((x) => x.key === 'broadcaster')!;
    const id = ids.get('broadcaster')!;
    await store().facts.replaceForArticle(id, resultFor(a.facts(a.text)), 'test-2');
    await store().clustering.updateForArticles([id]);
    assert.deepEqual(
      (await store().events.list({})).items.map((e) => [e.id, e.name, e.recommended?.figure]),
      before,
    );
    await store().clustering.rebuild();
    assert.deepEqual(
      (await store().events.list({})).items.map((e) => [e.id, e.name, e.recommended?.figure]),
      before,
    );
    assert.deepEqual((await store().claims.list({})).items.map((c) => c.id).sort(), claimIds);
    assert.equal(await store().clustering.needsRebuild(), false);
  });

  test('an article whose facts disappear on re-extraction leaves no claim behind', async () => {
    const id = ids.get('flood')!;
    await store().facts.replaceForArticle(id, resultFor([]), 'test-2');
    await store().clustering.updateForArticles([id]);
    assert.deepEqual(
      (await store().events.list({})).items.map((e) => e.cause),
      ['conflict'],
    );
    assert.equal((await store().claims.list({ hazard: 'flood' })).items.length, 0);
  });

  if (engine === 'postgres')
    test('two connections clustering reports of one event at once make one event', async () => {
      const other = await openTestStore(tdb());
      try {
        const more = new Map<string, number>();
        // Same event in another country, so nothing above interferes: stored by two "workers".
        const syr = (key: string, url: string, published: string) => ({
          ...MOSUL_ARTICLES.find((x) => x.key === key)!,
          key: `${key}-syr`,
          url,
          published,
          facts: (t: string) =>
            MOSUL_ARTICLES.find((x) => x.key === key)!
              .facts(t)
              .map((f) => ({
                ...f,
                country: 'SYR',
                locations: f.locations.map((p) => ({ ...p, country: 'SYR', admin1: 'Aleppo' })),
              })),
        });
        for (let round = 0; round < 5; round++) {
          const a = syr('update-1', `https://a.example/${round}`, `2017-0${round + 1}-10`);
          const b = syr('update-2', `https://b.example/${round}`, `2017-0${round + 1}-11`);
          // Both articles' facts are stored first; then both workers cluster at the same time.
          const [ia, ib] = await Promise.all([
            storeFactsOnly(store(), a, more),
            storeFactsOnly(other, b, more),
          ]);
          await Promise.all([
            store().clustering.updateForArticles([ia]),
            other.clustering.updateForArticles([ib]),
          ]);
        }
        const events = (await store().events.list({ country: ['SYR'] })).items;
        assert.equal(events.length, 1, 'one offensive, one event');
        assert.equal(events[0]!.claims, 5);
      } finally {
        await other.close();
      }
    });
});

async function storeFactsOnly(
  s: Parameters<typeof storeScenarioArticle>[0],
  a: Parameters<typeof storeScenarioArticle>[1],
  ids: Map<string, number>,
): Promise<number> {
  const { newArticle } = await import('./queries/articles.js');
  const { id } = await s.articles.insert(
    newArticle({
      url: a.url,
      published: a.published,
      origin: 'test',
      text: a.text,
      content_hash: `${a.url}`,
    }),
  );
  ids.set(a.key, id);
  await s.facts.replaceForArticle(id, resultFor(a.facts(a.text)), 'test-1');
  return id;
}
