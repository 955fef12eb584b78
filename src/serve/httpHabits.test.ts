// The HTTP habits of the API, on both engines: ETag and 304 on reads, compressed bodies (gzip
// and brotli, exports too), cache-buster parameters tolerated, RFC 9457 problem details for
// every error, 201 with a Location that answers for created resources, and exports on the
// tighter of the two rate budgets.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { Ingest } from '../ingest/ingest.js';
import { createDeps } from '../ingest/wiring.js';
import { createLogger } from '../log.js';
import { describeEachEngine } from '../store/test-engines.js';
import { factA, factB, seedArticle, TEXT_A, TEXT_B } from '../store/test-fixtures.js';
import { buildApp } from './app.js';
import { matches } from './httpHabits.js';

const STORY =
  'Heavy rain triggered landslides that forced 3,200 people to leave their homes in the hills above Kalemba on Monday, ' +
  'district officials said, adding that schools were being used as shelters.';

describeEachEngine('HTTP habits', (store) => {
  let app: FastifyInstance;
  let auth: Record<string, string>;
  before(async () => {
    const ingest = new Ingest(store(), createDeps({ fetchAllow: [] }), {
      hostDelayMs: 0,
      log: createLogger('silent'),
    });
    app = await buildApp(
      {
        store: store(),
        version: 'test',
        submit: (i) => ingest.submit(i),
        addFeed: (url) => ingest.addFeed(url),
      },
      { rateLimitPerMinute: 20 },
    );
    // Enough facts for a body over the compression threshold.
    for (let i = 0; i < 6; i++) {
      await seedArticle(store(), `${TEXT_A} (${i})`, [factA()]);
      await seedArticle(store(), `${TEXT_B} (${i})`, [factB()]);
    }
    auth = { authorization: `Bearer ${(await store().tokens.create('habits', 'admin')).token}` };
  });

  test('reads carry an ETag; a matching If-None-Match is a 304 without a body; a change makes a new tag', async () => {
    const first = await app.inject({ url: '/api/facts' });
    assert.equal(first.statusCode, 200);
    const etag = String(first.headers.etag);
    assert.match(etag, /^W\/"[\w-]+"$/);
    assert.equal(first.headers['cache-control'], 'no-cache', 'kept only if revalidated');
    const again = await app.inject({ url: '/api/facts', headers: { 'if-none-match': etag } });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    assert.equal(again.headers.etag, etag);
    const listed = await app.inject({ url: '/api/facts', headers: { 'if-none-match': `"other", ${etag}` } });
    assert.equal(listed.statusCode, 304, 'a tag in a list matches');
    const stale = await app.inject({ url: '/api/facts', headers: { 'if-none-match': 'W/"stale"' } });
    assert.equal(stale.statusCode, 200);
    assert.equal(stale.body, first.body);
    await seedArticle(store(), `${TEXT_A} (new)`, [factA()]);
    const changed = await app.inject({ url: '/api/facts', headers: { 'if-none-match': etag } });
    assert.equal(changed.statusCode, 200, 'new data, new tag');
    assert.notEqual(changed.headers.etag, etag);
    const err = await app.inject({ url: '/api/facts?limit=0' });
    assert.equal(err.headers.etag, undefined, 'errors carry no ETag');
    assert.ok(matches('*', etag) && !matches(undefined, etag) && matches(etag.slice(2), etag));
  });

  test('bodies are compressed as the client accepts (gzip, brotli), exports too, and decode to the same bytes', async () => {
    const plain = await app.inject({ url: '/api/facts' });
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.ok(plain.rawPayload.length > 1024, 'over the threshold');
    const gz = await app.inject({ url: '/api/facts', headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(gz.rawPayload).toString(), plain.body);
    assert.ok(gz.rawPayload.length < plain.rawPayload.length);
    assert.equal(gz.headers.etag, plain.headers.etag, 'one tag for the body whatever its encoding');
    const br = await app.inject({ url: '/api/facts', headers: { 'accept-encoding': 'br' } });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(brotliDecompressSync(br.rawPayload).toString(), plain.body);
    const csv = await app.inject({ url: '/api/export?format=csv', headers: { 'accept-encoding': 'gzip' } });
    assert.equal(csv.statusCode, 200);
    assert.equal(csv.headers['content-encoding'], 'gzip');
    const text = gunzipSync(csv.rawPayload).toString();
    assert.match(text, /#affected\+displaced\+ind/);
    assert.ok(text.split('\n').length > 12);
  });

  test('a cache-buster parameter is ignored; other unknown parameters are still refused', async () => {
    const busted = await app.inject({ url: '/api/facts?_=1700000000000&limit=2' });
    assert.equal(busted.statusCode, 200, busted.body);
    assert.equal(busted.body, (await app.inject({ url: '/api/facts?limit=2' })).body);
    const unknown = await app.inject({ url: '/api/facts?__=1' });
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.json().detail, /unknown parameter "__"/);
  });

  test('every error is problem details (application/problem+json) that keeps error.code', async () => {
    const cases: [string, string, Record<string, string>, number, string][] = [
      ['GET', '/api/facts?limit=0', {}, 400, 'USAGE'],
      ['GET', '/api/facts/99999999', {}, 404, 'NOT_FOUND'],
      ['GET', '/api/nowhere', {}, 404, 'NOT_FOUND'],
      ['POST', '/api/feeds', {}, 401, 'UNAUTHORIZED'],
      ['GET', '/api/articles/%ED%A0', {}, 400, 'USAGE'],
    ];
    for (const [method, url, headers, status, code] of cases) {
      const r = await app.inject({
        method: method as 'GET',
        url,
        headers,
        ...(method === 'POST' ? { payload: {} } : {}),
      });
      assert.equal(r.statusCode, status, url);
      assert.match(String(r.headers['content-type']), /^application\/problem\+json/, url);
      const p = r.json();
      assert.equal(p.type, 'about:blank', url);
      assert.equal(p.status, status, url);
      assert.equal(typeof p.title, 'string', url);
      assert.equal(p.code, code, url);
      assert.equal(p.error.code, code, url);
      assert.equal(p.detail, p.error.message, url);
      assert.equal(p.instance, url.split('?')[0], url);
    }
  });

  test('created resources are 201 with a Location that answers; known ones 200, queued ones 202', async () => {
    const stored = await app.inject({
      method: 'POST',
      url: '/api/articles',
      headers: auth,
      payload: { text: STORY },
    });
    assert.equal(stored.statusCode, 201, stored.body);
    assert.equal(stored.headers.location, `/api/articles/${stored.json().article_id}`);
    const article = await app.inject({ url: String(stored.headers.location) });
    assert.equal(article.statusCode, 200);
    assert.equal(article.json().id, stored.json().article_id);
    const known = await app.inject({
      method: 'POST',
      url: '/api/articles',
      headers: auth,
      payload: { text: STORY },
    });
    assert.equal(known.statusCode, 200);
    assert.equal(known.json().status, 'exists');
    assert.equal(known.headers.location, undefined);
    const queued = await app.inject({
      method: 'POST',
      url: '/api/articles',
      headers: auth,
      payload: { url: 'https://news.example.org/habits' },
    });
    assert.equal(queued.statusCode, 202);

    const feed = await app.inject({
      method: 'POST',
      url: '/api/feeds',
      headers: auth,
      payload: { url: 'https://news.example.org/habits.xml' },
    });
    assert.equal(feed.statusCode, 201);
    assert.equal(feed.headers.location, `/api/feeds/${feed.json().id}`);
    const got = await app.inject({ url: String(feed.headers.location) });
    assert.equal(got.statusCode, 200);
    assert.equal(got.json().url, 'https://news.example.org/habits.xml');
    assert.equal((await app.inject({ url: '/api/feeds/99999999' })).statusCode, 404);
  });

  test('exports count against the tighter budget (a tenth of reads), apart from reads', async () => {
    const remote = { remoteAddress: '203.0.113.9' };
    const exports = [];
    for (let i = 0; i < 3; i++)
      exports.push((await app.inject({ url: '/api/export?format=jsonl', ...remote })).statusCode);
    assert.deepEqual(exports, [200, 200, 429]);
    const over = await app.inject({ url: '/api/export?format=csv', ...remote });
    assert.match(over.json().detail, /too many exports from 203\.0\.113\.9: at most 2 a minute/);
    assert.equal(
      (await app.inject({ url: '/api/facts', ...remote })).statusCode,
      200,
      'reads have their own budget',
    );
  });
});
