// The aggregate answers (/api/countries, /api/timeseries) and the map's points are tagged with the facts' version, on
// both engines: a matching If-None-Match is a 304 without a body, and any change of the facts
// (new facts, a re-extraction that only removes facts, a review) makes a new tag and a new body,
// while writes elsewhere keep the tag.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { Ingest } from '../ingest/ingest.js';
import { createDeps } from '../ingest/wiring.js';
import { createLogger } from '../log.js';
import { describeEachEngine } from '../store/test-engines.js';
import { factA, factB, resultFor, seedArticle, TEXT_A, TEXT_B } from '../store/test-fixtures.js';
import { buildApp } from './app.js';

const URLS = [
  '/api/countries',
  '/api/countries?cause=disaster',
  '/api/countries?from=2020-01-01',
  '/api/countries?from=2020-01-01&cause=disaster',
  '/api/timeseries?interval=week',
  '/api/timeseries?term=displaced&interval=month',
  '/api/facts/points?sort=-figure&limit=500',
];

describeEachEngine('aggregate ETags', (store) => {
  let app: FastifyInstance;
  let articles: number[];
  before(async () => {
    const ingest = new Ingest(store(), createDeps({ fetchAllow: [] }), {
      hostDelayMs: 0,
      log: createLogger('silent'),
    });
    app = await buildApp({
      store: store(),
      version: 'test',
      submit: (i) => ingest.submit(i),
      addFeed: (url) => ingest.addFeed(url),
    });
    articles = [
      await seedArticle(store(), TEXT_A, [factA()]),
      await seedArticle(store(), TEXT_B, [factB()]),
      await seedArticle(store(), `${TEXT_B} (2)`, [factB()]),
    ];
  });

  async function answers(): Promise<{ url: string; etag: string; body: string }[]> {
    return Promise.all(
      URLS.map(async (url) => {
        const r = await app.inject({ url });
        assert.equal(r.statusCode, 200, url);
        return { url, etag: String(r.headers.etag), body: r.body };
      }),
    );
  }

  async function assertFresh(old: { url: string; etag: string; body: string }[], what: string) {
    for (const a of old) {
      const r = await app.inject({ url: a.url, headers: { 'if-none-match': a.etag } });
      assert.equal(r.statusCode, 200, `${a.url} after ${what}: the old tag no longer matches`);
      assert.notEqual(r.headers.etag, a.etag);
    }
  }

  test('a matching If-None-Match is a 304 with no body; each URL has its own tag', async () => {
    const first = await answers();
    assert.equal(new Set(first.map((a) => a.etag)).size, URLS.length, 'one tag per URL');
    for (const a of first) {
      assert.match(a.etag, /^W\/"a-[^"]+"$/, a.url);
      const r = await app.inject({ url: a.url, headers: { 'if-none-match': a.etag } });
      assert.equal(r.statusCode, 304, a.url);
      assert.equal(r.body, '');
      assert.equal(r.headers.etag, a.etag);
      const other = await app.inject({ url: a.url, headers: { 'if-none-match': 'W/"a-test-1-x"' } });
      assert.equal(other.statusCode, 200);
      assert.equal(other.body, a.body);
    }
    const elsewhere = await app.inject({ url: URLS[1]!, headers: { 'if-none-match': first[0]!.etag } });
    assert.equal(elsewhere.statusCode, 200, "another URL's tag does not match");
  });

  test('an answer asked again without a tag is the kept one, the same JSON as computed', async () => {
    for (const url of ['/api/timeseries?interval=week', '/api/countries?from=2020-01-01&cause=disaster']) {
      const a = await app.inject({ url });
      const b = await app.inject({ url });
      assert.equal(b.body, a.body, url);
      assert.match(String(b.headers['content-type']), /^application\/json/, url);
      assert.equal(b.headers.etag, a.headers.etag);
    }
    const { items } = JSON.parse((await app.inject({ url: '/api/timeseries?interval=week' })).body);
    assert.deepEqual(items, await store().summaries.timeseries({}, 'week'));
    const countries = JSON.parse((await app.inject({ url: '/api/countries?cause=disaster' })).body);
    assert.deepEqual(countries.items, await store().summaries.countries({ cause: 'disaster' }));
  });

  test('writes to other tables keep the tags', async () => {
    const first = await answers();
    await store().tokens.create('etag', 'read');
    for (const a of first) {
      const r = await app.inject({ url: a.url, headers: { 'if-none-match': a.etag } });
      assert.equal(r.statusCode, 304, a.url);
    }
  });

  test('new facts, a re-extraction that only removes facts, and a review each make new tags', async () => {
    const initial = await answers();
    await store().facts.replaceForArticle(articles[2]!, resultFor([]), 'test-2');
    await assertFresh(initial, 'a re-extraction that only removes facts');
    const removed = await answers();
    assert.notEqual(removed[0]!.body, initial[0]!.body, 'the country summary lost a fact');
    assert.notEqual(removed[2]!.body, initial[2]!.body, 'so did the answer read from the facts');

    await seedArticle(store(), `${TEXT_A} (2)`, [factA()]);
    await assertFresh(removed, 'new facts');

    const added = await answers();
    const [fact] = await store().facts.forArticle(articles[0]!);
    await store().reviews.reviewFact(fact!.id, { action: 'reject' }, 'analyst');
    await assertFresh(added, 'a review');
  });
});
