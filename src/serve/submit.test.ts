import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { Ingest } from '../ingest/ingest.js';
import { createDeps } from '../ingest/wiring.js';
import { describeEachEngine } from '../store/test-engines.js';
import { buildApp } from './app.js';

const TEXT =
  'Landslides after a week of rain forced 2,300 residents of hill villages near Marenvo to move to evacuation centres on 4 August 2024, the provincial disaster office said.';

describeEachEngine('POST /api/articles', (store) => {
  let app: FastifyInstance;
  let auth: Record<string, string>;
  before(async () => {
    const ingest = new Ingest(store(), createDeps({ fetchAllow: [] }), { hostDelayMs: 0 });
    app = await buildApp({ store: store(), version: 'test', submit: (i) => ingest.submit(i) });
    auth = { authorization: `Bearer ${(await store().tokens.create('poster', 'review')).token}` };
  });
  const post = (payload: unknown, headers: Record<string, string> = auth) =>
    app.inject({ method: 'POST', url: '/api/articles', payload: payload as object, headers });

  test('needs a token', async () => {
    assert.equal((await post({ text: TEXT }, {})).statusCode, 401);
  });

  test('a text is stored and queued once; a duplicate submission says so', async () => {
    const a = await post({ text: TEXT, title: 'Landslides', published: '2024-08-05' });
    assert.equal(a.statusCode, 201);
    assert.equal(a.json().status, 'stored');
    assert.equal(a.headers.location, `/api/articles/${a.json().article_id}`);
    assert.ok(a.json().job_id);
    const b = await post({ text: `  ${TEXT}\n` });
    assert.equal(b.json().status, 'exists');
    assert.equal(b.json().article_id, a.json().article_id);
  });

  test('a URL is queued once; bad input is a 400 that says what is wrong', async () => {
    const a = await post({ url: 'https://news.example.org/story?utm_source=x' });
    assert.equal(a.statusCode, 202);
    const again = (await post({ url: 'https://news.example.org/story' })).json();
    assert.deepEqual([again.status, again.job_id], ['queued', a.json().job_id], 'the same job, still queued');
    for (const [body, re] of [
      [{}, /url|text/],
      [{ url: 'ftp://files.example.org/a' }, /only http and https/],
      [{ url: 'not a url' }, /not a URL/],
      [{ text: '' }, /text/],
      [{ text: TEXT, published: 'yesterday' }, /published/],
      [{ text: TEXT, extra: 1 }, /unknown parameter "extra"/],
    ] as const) {
      const r = await post(body);
      assert.equal(r.statusCode, 400, JSON.stringify(body));
      assert.match(r.json().error.message, re);
    }
  });
});
