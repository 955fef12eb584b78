// What the API returns is what its OpenAPI document says, on both engines: every documented
// field has its type, every required one is there and no returned field is undocumented.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { describeEachEngine } from '../store/test-engines.js';
import { factA, factB, seedArticle, TEXT_A, TEXT_B } from '../store/test-fixtures.js';
import { buildApp } from './app.js';
import { checkSchema } from './test-schemaCheck.js';

describeEachEngine('API responses match the OpenAPI document', (store) => {
  let app: FastifyInstance;
  let doc: {
    paths: Record<string, Record<string, { responses: Record<string, Record<string, unknown>> }>>;
    components?: { schemas?: Record<string, Record<string, unknown>> };
  };
  let token = '';
  let article = 0;

  before(async () => {
    app = await buildApp({
      store: store(),
      version: 'test',
      submit: async () => ({ status: 'queued', article_id: null, job_id: 7 }),
      addFeed: async (url) => {
        const r = await store().sources.add(url);
        return { id: r.source.id, url: r.source.url, created: r.created };
      },
    });
    article = await seedArticle(store(), TEXT_A, [factA()]);
    await seedArticle(store(), TEXT_B, [factB()]);
    token = (await store().tokens.create('openapi', 'admin')).token;
    doc = (await app.inject({ url: '/api/openapi.json' })).json();
  });

  async function call(method: 'GET' | 'POST' | 'DELETE', url: string, path: string, payload?: object) {
    const r = await app.inject({
      method,
      url,
      ...(payload ? { payload } : {}),
      headers: method === 'GET' ? {} : { authorization: `Bearer ${token}` },
    });
    const responses = doc.paths[path]![method.toLowerCase()]!.responses;
    const declared = responses[String(r.statusCode)] as
      { content?: Record<string, { schema: object }> } | undefined;
    assert.ok(declared, `${method} ${url}: ${r.statusCode} is not documented`);
    // The media type the response says it is must be one the document declares for it.
    const type = String(r.headers['content-type'] ?? '').split(';')[0]!;
    const schema = declared.content?.[type]?.schema;
    if (declared.content && r.statusCode !== 204)
      assert.ok(schema, `${method} ${url}: ${r.statusCode} as ${type} is not documented`);
    if (schema)
      assert.deepEqual(checkSchema(doc, schema as Record<string, unknown>, r.json()), [], `${method} ${url}`);
    return r;
  }

  test('reads', async () => {
    const facts = await call('GET', '/api/facts', '/api/facts');
    const id = facts.json().items[0].id;
    for (const [url, path] of [
      ['/api', '/api'],
      ['/api/health', '/api/health'],
      ['/api/articles', '/api/articles'],
      [`/api/articles/${article}`, '/api/articles/{id}'],
      [`/api/facts/${id}`, '/api/facts/{id}'],
      ['/api/facts/points', '/api/facts/points'],
      ['/api/countries', '/api/countries'],
      ['/api/timeseries?interval=week', '/api/timeseries'],
      ['/api/feeds', '/api/feeds'],
    ])
      assert.equal((await call('GET', url!, path!)).statusCode, 200, url);
  });

  test('writes and errors', async () => {
    assert.equal(
      (await call('POST', '/api/articles', '/api/articles', { url: 'https://news.example.org/x' }))
        .statusCode,
      202,
    );
    const feed = await call('POST', '/api/feeds', '/api/feeds', { url: 'https://news.example.org/feed.xml' });
    assert.equal(feed.statusCode, 201);
    assert.equal((await call('DELETE', `/api/feeds/${feed.json().id}`, '/api/feeds/{id}')).statusCode, 204);
    assert.equal((await call('GET', '/api/facts?limit=0', '/api/facts')).statusCode, 400);
    assert.equal((await call('GET', '/api/facts/999999', '/api/facts/{id}')).statusCode, 404);
    const r = await app.inject({ method: 'POST', url: '/api/feeds', payload: { url: 'x' } });
    assert.equal(r.statusCode, 401);
    assert.deepEqual(checkSchema(doc, { $ref: '#/components/schemas/Error' }, r.json()), []);
    assert.match(String(r.headers['content-type']), /^application\/problem\+json/);
  });
});
