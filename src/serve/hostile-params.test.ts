// Every route's parameters, one at a time, set to values an attacker or a broken client sends:
// ids past the 32-bit columns, numbers past what the database types hold, NUL bytes, LIKE
// wildcards, SQL, huge strings, forged cursors. The answer is always 2xx or a 4xx with the
// error shape, never a 500 (which is what PostgreSQL's type errors used to become).
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { describeEachEngine } from '../store/test-engines.js';
import { factA, factB, seedArticle, TEXT_A, TEXT_B } from '../store/test-fixtures.js';
import { buildApp } from './app.js';

const cursorOf = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

/** Query-string values, already URL-encoded (some are deliberately not valid UTF-8). */
const HOSTILE: string[] = [
  '2147483648',
  '4294967296',
  '9223372036854775808',
  '99999999999999999999999999',
  '1e300',
  '-1',
  '0',
  '1.5',
  'NaN',
  'Infinity',
  '0x10',
  '%00',
  'a%00b',
  '%25',
  '_',
  '%5C',
  encodeURIComponent("' OR 1=1 --"),
  '%ED%A0%80',
  '%C0%AF',
  '%FF%FE',
  'x'.repeat(5000),
  encodeURIComponent('😀'.repeat(100)),
  cursorOf([1e300, 1]),
  cursorOf([0, 2 ** 31]),
  cursorOf([0, 2 ** 63]),
  cursorOf(['\u0000', 1]),
  cursorOf(['2024-01-01', -1]),
  cursorOf([1.5, 1]),
  cursorOf([-1e20, 1]),
  cursorOf(['x'.repeat(100), 1]),
];

const QUERY_ROUTES: Record<string, string[]> = {
  '/api/articles': ['status', 'source', 'q', 'limit', 'cursor'],
  '/api/facts': [
    'country',
    'admin1',
    'term',
    'cause',
    'hazard',
    'from',
    'to',
    'min',
    'min_confidence',
    'q',
    'limit',
    'cursor',
    'sort',
  ],
  '/api/countries': ['country', 'admin1', 'term', 'from', 'to', 'min', 'min_confidence', 'q'],
  '/api/timeseries': ['interval', 'admin1', 'q', 'min', 'from'],
  '/api/export?format=jsonl': ['country', 'admin1', 'q', 'min', 'min_confidence', 'from', 'to'],
  '/api/alerts': ['status', 'kind', 'country', 'from', 'to', 'limit', 'cursor'],
  '/api/alerts.atom': ['status', 'kind', 'country', 'from', 'to', 'limit'],
};

const ID_ROUTES = ['GET /api/articles/', 'GET /api/facts/', 'DELETE /api/feeds/', 'GET /api/alerts/'];

function assertClean(r: LightMyRequestResponse, what: string): void {
  assert.ok(r.statusCode < 500, `${what} answered ${r.statusCode}: ${r.body.slice(0, 300)}`);
  assert.doesNotMatch(r.body, /\n\s+at .+:\d+:\d+/, `${what} leaked a stack trace`);
  if (r.statusCode >= 400) {
    const body = r.json() as { error?: { code?: unknown; message?: unknown } };
    assert.equal(typeof body.error?.code, 'string', what);
    assert.equal(typeof body.error?.message, 'string', what);
  }
}

describeEachEngine('hostile parameters', (store) => {
  let app: FastifyInstance;
  let auth: Record<string, string>;

  before(async () => {
    app = await buildApp({
      store: store(),
      version: 'test',
      addFeed: async (url) => {
        const r = await store().sources.add(url);
        return { id: r.source.id, url: r.source.url, created: r.created };
      },
    });
    await seedArticle(store(), TEXT_A, [factA()]);
    await seedArticle(store(), TEXT_B, [factB()]);
    auth = { authorization: `Bearer ${(await store().tokens.create('fuzzer', 'admin')).token}` };
  });

  test('every query parameter of every route: 2xx or 4xx with the error shape', async () => {
    for (const [route, params] of Object.entries(QUERY_ROUTES)) {
      const join = route.includes('?') ? '&' : '?';
      for (const p of params)
        for (const v of HOSTILE) {
          const url = `${route}${join}${p}=${v}`;
          assertClean(await app.inject({ method: 'GET', url }), url);
        }
    }
  });

  test('ids past the integer columns are a 400 naming the id, not a database error', async () => {
    for (const route of ID_ROUTES) {
      const [method, path] = route.split(' ') as ['GET' | 'DELETE', string];
      for (const v of HOSTILE.slice(0, 21)) {
        const r = await app.inject({ method, url: `${path}${v}`, headers: auth });
        assertClean(r, `${route}${v}`);
      }
      for (const big of ['2147483648', '9223372036854775808', '1e300']) {
        const r = await app.inject({ method, url: `${path}${big}`, headers: auth });
        assert.equal(r.statusCode, 400, `${route}${big}`);
        assert.match(r.json().error.message, /id/);
      }
    }
    const r = await app.inject({ method: 'GET', url: '/api/articles?source=2147483648' });
    assert.equal(r.statusCode, 400);
    assert.match(r.json().error.message, /source/);
  });

  test('NUL bytes in any string are a 400 naming the parameter', async () => {
    for (const url of ['/api/facts?q=a%00b', '/api/articles?q=%00', '/api/countries?admin1=x%00']) {
      const r = await app.inject({ method: 'GET', url });
      assert.equal(r.statusCode, 400, url);
      assert.match(r.json().error.message, /NUL/, url);
    }
    const post = await app.inject({
      method: 'POST',
      url: '/api/feeds',
      headers: auth,
      payload: { url: 'https://news.example.org/feed\u0000.xml' },
    });
    assert.equal(post.statusCode, 400);
    assert.match(post.json().error.message, /url.*NUL/);
  });

  test('forged cursors are a 400 that names the cursor', async () => {
    for (const c of HOSTILE.slice(-8)) {
      for (const route of [
        '/api/facts?sort=-figure&',
        '/api/facts?sort=confidence&',
        '/api/facts?',
        '/api/articles?',
      ]) {
        const r = await app.inject({ method: 'GET', url: `${route}cursor=${c}` });
        assertClean(r, `${route}cursor=${c}`);
      }
    }
    const r = await app.inject({
      method: 'GET',
      url: `/api/facts?sort=-figure&cursor=${cursorOf([1e300, 1])}`,
    });
    assert.equal(r.statusCode, 400);
    assert.match(r.json().error.message, /cursor/);
  });

  test('the data is intact after the barrage', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/facts' });
    assert.equal(r.json().items.length, 2);
  });
});
