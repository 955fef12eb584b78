import assert from 'node:assert/strict';
import { test } from 'node:test';
import { queryBuilderForTests } from './index.js';
import { openTestStore, describeEachEngine } from './test-engines.js';
import { factA, factB, makeFact, resultFor, seedArticle, TEXT_A, TEXT_B } from './test-fixtures.js';

describeEachEngine('store', (store, _engine, tdb) => {
  test('migrations run once and re-opening is a no-op', async () => {
    const again = await openTestStore(tdb());
    await again.close();
    assert.equal(await store().facts.count(), 0);
  });

  test('sources: add is idempotent, list, remove', async () => {
    const a = await store().sources.add('https://feeds.example.org/rss');
    const b = await store().sources.add('https://feeds.example.org/rss');
    assert.equal(a.created, true);
    assert.equal(b.created, false);
    assert.equal(a.source.id, b.source.id);
    await store().sources.recordPoll(a.source.id, {
      status: '304',
      etag: '"abc"',
      nextPollAt: Date.now() + 1000,
      items: 3,
    });
    const [s] = await store().sources.list();
    assert.equal(s?.etag, '"abc"');
    assert.equal(s?.item_count, 3);
    assert.equal((await store().sources.due()).length, 0);
    assert.equal(await store().sources.remove('https://feeds.example.org/rss'), true);
    assert.equal(await store().sources.remove('https://feeds.example.org/rss'), false);
  });

  test('articles: same canonical URL stores one row', async () => {
    const id1 = await seedArticle(store(), TEXT_A, [], { url: 'https://news.example.org/same' });
    const again = await store().articles.insert({
      ...(await store().articles.get(id1))!,
      id: undefined,
    } as never);
    assert.equal(again.created, false);
    assert.equal(again.id, id1);
  });

  test('facts round-trip every field of the fact model, and re-extraction replaces them', async () => {
    const fa = factA();
    const id = await seedArticle(store(), TEXT_A, [fa]);
    await store().facts.replaceForArticle(id, resultFor([fa]), 'test-1');
    const facts = await store().facts.forArticle(id);
    assert.equal(facts.length, 1);
    const f = facts[0]!;
    assert.equal(f.term, fa.term);
    assert.equal(f.figure, 12500);
    assert.deepEqual(f.span, fa.span);
    assert.deepEqual(f.quantity_span, fa.quantity_span);
    assert.deepEqual(f.term_span, fa.term_span);
    assert.deepEqual(f.date, fa.date);
    assert.deepEqual(f.locations, fa.locations);
    assert.deepEqual(f.implied, fa.implied);
    assert.equal(f.evidence, TEXT_A);
    assert.equal(f.admin1, 'North');
    const article = await store().articles.get(id);
    assert.equal(article?.status, 'extracted');
    assert.equal(article?.fact_count, 1);
    const detail = await store().facts.get(f.id);
    assert.equal(detail?.locations?.[0]?.geonameId, 111);
  });

  test('facts: filters, sort and cursor pagination', async () => {
    await seedArticle(store(), TEXT_B, [factB()]);
    const vague = makeFact(TEXT_B, {
      quantity: 'up to 40,000',
      termWord: 'displaced',
      figure: null,
      vague: 'thousands',
      people: null,
      country: 'FRE',
    });
    await seedArticle(store(), TEXT_B, [vague], { published: null });
    const fre = await store().facts.list({ country: ['FRE'] });
    assert.equal(fre.items.length, 2);
    assert.equal(fre.items[0]?.fact_date, '2024-03-03');
    assert.equal(fre.items[0]?.article.source, 'news.example.org');
    assert.equal((await store().facts.list({ minFigure: 20000 })).items.length, 1);
    assert.equal((await store().facts.list({ term: ['forced_to_flee'], hazard: 'flood' })).items.length, 1);
    assert.equal((await store().facts.list({ q: 'EASTPORT' })).items.length, 2);
    assert.equal((await store().facts.list({ q: '100%_' })).items.length, 0);
    assert.equal((await store().facts.list({ from: '2024-03-01', to: '2024-03-31' })).items.length, 1);
    assert.equal((await store().facts.list({ admin1: 'North', country: ['RUR'] })).items.length, 1);
    for (const sort of ['-date', 'date', '-figure', 'figure', 'id', '-id', 'confidence'] as const) {
      const all = await store().facts.list({}, { sort, limit: 100 });
      const seen: number[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<ReturnType<typeof store>['facts']['list']>> = await store().facts.list(
          {},
          { sort, limit: 1, cursor },
        );
        seen.push(...page.items.map((i) => i.id));
        cursor = page.next;
      } while (cursor);
      assert.deepEqual(
        seen,
        all.items.map((i) => i.id),
        `pages of sort=${sort}`,
      );
    }
    const byFigure = await store().facts.list({}, { sort: '-figure' });
    assert.equal(byFigure.items[0]?.figure, 40000);
    await assert.rejects(store().facts.list({}, { cursor: 'nonsense' }), /cursor/);
  });

  test('summaries: countries and time series', async () => {
    const countries = await store().summaries.countries();
    const fre = countries.find((c) => c.country === 'FRE');
    assert.equal(fre?.facts, 2);
    assert.equal(fre?.max_people, 40000);
    assert.deepEqual(fre?.terms, { displaced: 2 });
    const months = await store().summaries.timeseries({ country: ['FRE'] }, 'month');
    assert.deepEqual(
      months.map((m) => [m.period, m.term, m.facts]),
      [['2024-03-01', 'displaced', 1]],
    );
    const weeks = await store().summaries.timeseries({ country: ['RUR'] }, 'week');
    assert.deepEqual(
      weeks.map((w) => w.period),
      ['2024-02-19'],
    );
    const sunday = await store().summaries.timeseries({ country: ['FRE'], from: '2024-03-03' }, 'week');
    assert.equal(sunday[0]?.period, '2024-02-26');
    // Cached aggregates follow new facts.
    await seedArticle(store(), TEXT_B, [factB()]);
    const after = await store().summaries.countries();
    assert.equal(after.find((c) => c.country === 'FRE')?.facts, 3);
    const monthsAfter = await store().summaries.timeseries({ country: ['FRE'] }, 'month');
    assert.equal(monthsAfter[0]?.facts, 2);
    // A stock (people still displaced) in the same month and term is a row of its own, never
    // added to the flows.
    await seedArticle(store(), TEXT_B, [
      { ...factB(), stock_or_flow: 'stock', people: { count: 30000, household_size: null } },
    ]);
    const split = await store().summaries.timeseries({ country: ['FRE'] }, 'month');
    assert.deepEqual(
      split.map((m) => [m.period, m.term, m.stock_or_flow, m.facts, m.max_people, m.sum_people]),
      [
        ['2024-03-01', 'displaced', 'flow', 2, 40000, 80000],
        ['2024-03-01', 'displaced', 'stock', 1, 30000, 30000],
      ],
    );
  });

  test('tokens: created hashed, verified, revoked', async () => {
    const { token } = await store().tokens.create('ci-bot');
    await assert.rejects(store().tokens.create('ci-bot'), /exists already/);
    assert.equal(await store().tokens.verify(token), 'ci-bot');
    assert.equal(await store().tokens.verify(token + 'x'), null);
    const rows = await queryBuilderForTests(store()).selectFrom('tokens').select('hash').execute();
    assert.ok(rows.every((r) => !r.hash.includes(token)));
    assert.equal(await store().tokens.revoke('ci-bot'), true);
    assert.equal(await store().tokens.verify(token), null);
  });

  // Base64url tokens held '-': a word-boundary match (a double-click in a terminal, a test
  // harness's \b…\b) took 1 in 64 of them without their last character.
  test('tokens are one word: letters and digits after the prefix, all of them read by a \\b…\\b match', async () => {
    for (let i = 0; i < 200; i++) {
      const { token } = await store().tokens.create(`word-${i}`);
      assert.match(token, /^dmon_[A-Za-z0-9]{32}$/);
      assert.equal(/\b(dmon_\w+)\b/.exec(`token: ${token}.\n`)?.[1], token);
      assert.equal(await store().tokens.verify(token), `word-${i}`);
    }
  });
});
