// Every route the OpenAPI document marks as secured (read from the running app, so a new write,
// review or admin route is covered the day it is added) refuses a missing, malformed, wrong or
// revoked token with 401 and the error shape — before anything is validated, stored or changed
// — and a token whose scope is too small with 403. A live admin token gets past the check, which
// shows the table tells the two apart. Both engines.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { Ingest } from '../ingest/ingest.js';
import { createDeps } from '../ingest/wiring.js';
import { describeEachEngine } from '../store/test-engines.js';
import { factA, seedArticle, TEXT_A } from '../store/test-fixtures.js';
import { buildApp } from './app.js';

interface SecuredRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  body: boolean;
}

/** Bodies that would pass validation, so that only the token decides (one per route that takes a body). */
const SOME_BODY: Record<string, unknown> = {
  'POST /api/articles': { text: 'Floods forced 2,300 residents of Marenvo to move on 4 August 2024.' },
  'POST /api/feeds': { url: 'http://93.184.215.14/auth-table.xml' },
};

function assertRefused(r: LightMyRequestResponse, status: 401 | 403, what: string): void {
  assert.equal(r.statusCode, status, `${what} answered ${r.statusCode}: ${r.body.slice(0, 200)}`);
  const body = r.json() as { error?: { code?: string; message?: string } };
  assert.equal(body.error?.code, status === 401 ? 'UNAUTHORIZED' : 'FORBIDDEN', what);
  assert.equal(typeof body.error?.message, 'string', what);
  assert.doesNotMatch(r.body, /\n\s+at .+:\d+:\d+/, `${what} leaked a stack trace`);
}

describeEachEngine('secured routes refuse bad tokens', (store) => {
  let app: FastifyInstance;
  let routes: SecuredRoute[];
  const tokens: Record<'admin' | 'review' | 'read' | 'revoked', string> = {
    admin: '',
    review: '',
    read: '',
    revoked: '',
  };

  before(async () => {
    const ingest = new Ingest(store(), createDeps({ fetchAllow: [] }), { hostDelayMs: 0 });
    app = await buildApp(
      {
        store: store(),
        version: 'test',
        submit: (i) => ingest.submit(i),
        addFeed: (url) => ingest.addFeed(url),
      },
      { bodyLimit: 64 * 1024 },
    );
    await seedArticle(store(), TEXT_A, [factA()]);
    await store().sources.add('http://93.184.215.14/kept.xml');
    tokens.admin = (await store().tokens.create('t-admin', 'admin')).token;
    tokens.review = (await store().tokens.create('t-review', 'review')).token;
    tokens.read = (await store().tokens.create('t-read', 'read')).token;
    tokens.revoked = (await store().tokens.create('t-revoked', 'admin')).token;
    assert.ok(await store().tokens.revoke('t-revoked'));

    const doc = (await app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { security?: unknown[]; requestBody?: unknown }>>;
    };
    routes = [];
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops))
        if (Array.isArray(op.security) && op.security.length > 0)
          routes.push({
            method: method.toUpperCase() as SecuredRoute['method'],
            path: path.replace(/\{[^}]+\}/g, '1'),
            body: op.requestBody !== undefined,
          });
  });

  const send = (r: SecuredRoute, headers: Record<string, string>, payload?: unknown) =>
    app.inject({
      method: r.method,
      url: r.path,
      headers: { ...headers, ...(r.body ? { 'content-type': 'application/json' } : {}) },
      ...(r.body ? { payload: JSON.stringify(payload ?? SOME_BODY[`${r.method} ${r.path}`] ?? {}) } : {}),
    });

  test('the table holds every write, review and admin route of the document', () => {
    const keys = routes.map((r) => `${r.method} ${r.path}`);
    for (const must of [
      'POST /api/articles',
      'POST /api/feeds',
      'DELETE /api/feeds/1',
      'PATCH /api/alerts/1',
    ])
      assert.ok(keys.includes(must), `${must} is secured in the OpenAPI document`);
    // Every non-GET API route needs a token: none is open for writing by mistake.
    assert.ok(routes.length >= 4);
  });

  test('no token, a malformed header, a wrong or a revoked token: 401 before anything else', async () => {
    const refusals: [string, Record<string, string>][] = [
      ['no token', {}],
      ['empty header', { authorization: '' }],
      ['Basic scheme', { authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` }],
      ['Bearer without token', { authorization: 'Bearer' }],
      ['two tokens', { authorization: `Bearer ${tokens.admin} ${tokens.admin}` }],
      ['wrong token', { authorization: 'Bearer dmon_0000000000000000000000000000000000000000' }],
      [
        'token with one character changed',
        { authorization: `Bearer ${tokens.admin.slice(0, -1)}${tokens.admin.endsWith('a') ? 'b' : 'a'}` },
      ],
      ['token prefix', { authorization: `Bearer ${tokens.admin.slice(0, 12)}` }],
      ['SQL in the token', { authorization: "Bearer ' OR '1'='1" }],
      ['revoked token', { authorization: `Bearer ${tokens.revoked}` }],
    ];
    for (const r of routes)
      for (const [what, headers] of refusals) {
        assertRefused(await send(r, headers), 401, `${r.method} ${r.path} with ${what}`);
        // An invalid body does not get validation feedback before the token is checked.
        if (r.body)
          assertRefused(
            await send(r, headers, { bogus: 1 }),
            401,
            `${r.method} ${r.path} (bad body) with ${what}`,
          );
      }
  });

  test('a read token is refused every write with 403; a review token the admin routes', async () => {
    for (const r of routes) {
      const key = `${r.method} ${r.path}`;
      const read = await send(r, { authorization: `Bearer ${tokens.read}` });
      if (r.method !== 'GET') assertRefused(read, 403, `${key} with a read token`);
      else assert.ok(read.statusCode < 400, `${key} with a read token answered ${read.statusCode}`);
      if (r.path.startsWith('/api/feeds'))
        assertRefused(
          await send(r, { authorization: `Bearer ${tokens.review}` }),
          403,
          `${key} with a review token`,
        );
    }
  });

  test('nothing was stored or changed by the refused requests', async () => {
    assert.deepEqual(
      (await store().sources.list()).map((s) => s.url),
      ['http://93.184.215.14/kept.xml'],
    );
    assert.equal((await store().articles.list({})).items.length, 1);
    const log = await app.inject({
      url: '/api/reviews/log',
      headers: { authorization: `Bearer ${tokens.admin}` },
    });
    assert.equal(log.statusCode, 200);
    assert.deepEqual(log.json().items, []);
  });

  test('a live admin token gets past the check on every route', async () => {
    for (const r of routes) {
      const res = await send(r, { authorization: `Bearer ${tokens.admin}` });
      assert.ok(
        ![401, 403].includes(res.statusCode),
        `${r.method} ${r.path}: ${res.statusCode} ${res.body.slice(0, 200)}`,
      );
      assert.ok(res.statusCode < 500, `${r.method} ${r.path}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    }
  });

  test('every route that takes a body refuses one over the limit with 413, token or not', async () => {
    const big = JSON.stringify({ text: 'x'.repeat(70 * 1024), url: 'https://a.example/' });
    for (const r of routes.filter((x) => x.body)) {
      const res = await app.inject({
        method: r.method,
        url: r.path,
        headers: { authorization: `Bearer ${tokens.admin}`, 'content-type': 'application/json' },
        payload: big,
      });
      assert.equal(res.statusCode, 413, `${r.method} ${r.path}: ${res.statusCode}`);
      assert.equal(res.json().error.code, 'INPUT_TOO_LARGE');
      const anon = await app.inject({
        method: r.method,
        url: r.path,
        headers: { 'content-type': 'application/json' },
        payload: big,
      });
      assert.equal(anon.statusCode, 401, `${r.method} ${r.path} without a token: ${anon.statusCode}`);
    }
  });
});
