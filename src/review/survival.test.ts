// A reviewer's correction and rejection survive what the product does to stored facts, on both
// engines, with the real extractor and ingest path: an article extracted again by a newer
// extractor version (new fact rows, new ids) and the whole store clustered again.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { Ingest } from '../ingest/ingest.js';
import { createDeps } from '../ingest/wiring.js';
import { describeEachEngine } from '../store/test-engines.js';

const TEXT =
  'Heavy floods in the north of Malawi displaced 12,400 people in Karonga district on 3 March 2024, officials said. ' +
  'Separately, fighting near Goma in the Democratic Republic of the Congo forced 8,000 people to flee their homes on 5 March 2024.';

describeEachEngine('reviews survive re-extraction and re-clustering', (store) => {
  let articleId = 0;
  const ingestWith = (version: string) =>
    new Ingest(store(), { ...createDeps({ fetchAllow: [] }), extractorVersion: version }, { hostDelayMs: 0 });

  before(async () => {
    const ingest = ingestWith('v1');
    const stored = await ingest.addDocument({
      text: TEXT,
      url: 'https://news.example.org/malawi-floods',
      title: 'Floods and fighting',
      published: '2024-03-06',
      origin: 'test',
    });
    articleId = stored.articleId;
    await ingest.run({ drain: true });
  });

  const factWith = async (figure: number) => {
    const facts = await store().facts.forArticle(articleId);
    const f = facts.find((x) => x.figure === figure || x.review?.extracted?.figure === figure);
    assert.ok(f, `no fact for ${figure} among ${facts.map((x) => x.figure).join(', ')}`);
    return f;
  };

  test('the real extractor read both figures', async () => {
    const floods = await factWith(12400);
    assert.equal(floods.country, 'MWI');
    assert.equal((await factWith(8000)).country, 'COD');
  });

  test('a correction and a rejection hold after extraction by a newer extractor version', async () => {
    const floods = await factWith(12400);
    const goma = await factWith(8000);
    await store().reviews.reviewFact(
      floods.id,
      { action: 'correct', changes: { figure: 14200, term: 'evacuated' }, note: 'digits swapped' },
      'analyst',
    );
    await store().reviews.reviewFact(goma.id, { action: 'reject' }, 'analyst');
    assert.equal((await store().claims.list({ country: ['COD'] })).items.length, 0);

    const v2 = ingestWith('v2');
    assert.equal(await v2.queueReextraction(), 1);
    await v2.run({ drain: true });

    const again = await factWith(12400);
    assert.equal(again.extractor_version, 'v2');
    assert.notEqual(again.id, floods.id, 'new rows');
    assert.equal(again.figure, 14200);
    assert.equal(again.term, 'evacuated');
    assert.equal(again.review?.status, 'corrected');
    const gomaAgain = await factWith(8000);
    assert.notEqual(gomaAgain.id, goma.id);
    assert.equal(gomaAgain.review?.status, 'rejected');

    const malawi = await store().claims.list({ country: ['MWI'] });
    assert.deepEqual(
      malawi.items.map((c) => [c.figure, c.term]),
      [[14200, 'evacuated']],
    );
    assert.equal((await store().claims.list({ country: ['COD'] })).items.length, 0);
    const events = await store().events.list({ country: ['MWI'] });
    assert.equal(events.items[0]?.recommended?.figure, 14200);
  });

  test('and after the whole store is clustered again', async () => {
    await store().clustering.rebuild();
    assert.deepEqual(
      (await store().claims.list({ country: ['MWI'] })).items.map((c) => c.figure),
      [14200],
    );
    assert.equal((await store().claims.list({ country: ['COD'] })).items.length, 0);
    const reviews = await store().reviews.list({});
    assert.equal(reviews.items.length, 2);
    for (const r of reviews.items) assert.equal(r.fact_ids.length, 1, `${r.action} applies to one fact`);
  });
});
