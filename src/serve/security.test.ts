// What every response carries and what the server refuses before any route runs: security
// headers on API answers, errors and 404s alike; no stack trace in any body; request bodies
// over the limit; clients over their rate limit (loopback clients are exempt).
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { describeEachEngine } from '../store/test-engines.js';
import { buildApp } from './app.js';

/** `cache`: public reads are `no-cache` (revalidated by ETag), writes and token requests `no-store`. */
function assertSecurityHeaders(r: LightMyRequestResponse, what: string, cache = 'no-cache'): void {
  const csp = String(r.headers['content-security-policy']);
  assert.match(csp, /default-src 'self'/, what);
  assert.match(csp, /frame-ancestors 'none'/, what);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, what);
  assert.equal(r.headers['x-content-type-options'], 'nosniff', what);
  assert.equal(r.headers['x-frame-options'], 'DENY', what);
  assert.equal(r.headers['referrer-policy'], 'no-referrer', what);
  assert.equal(r.headers['cache-control'], cache, what);
  assert.equal(r.headers['x-powered-by'], undefined, what);
}

describeEachEngine('security', (store) => {
  let app: FastifyInstance;
  let auth: Record<string, string>;
  before(async () => {
    app = await buildApp(
      {
        store: store(),
        version: 'test',
        addFeed: async (url) => {
          const r = await store().sources.add(url);
          return { id: r.source.id, url: r.source.url, created: r.created };
        },
      },
      { bodyLimit: 64 * 1024, rateLimitPerMinute: 20 },
    );
    auth = { authorization: `Bearer ${(await store().tokens.create('sec', 'admin')).token}` };
  });

  test('security headers on answers, validation errors, 404s and framework errors', async () => {
    for (const url of [
      '/api/health',
      '/api/facts',
      '/api/facts?limit=0',
      '/api/nowhere',
      '/api/articles/%ED%A0',
    ]) {
      const r = await app.inject({ method: 'GET', url });
      assertSecurityHeaders(r, url);
    }
  });

  test('bodies over the limit are a 413 with the error shape; broken JSON a 400; no stack traces', async () => {
    const big = await app.inject({
      method: 'POST',
      url: '/api/feeds',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: JSON.stringify({ url: `https://a.example.org/${'x'.repeat(70 * 1024)}` }),
    });
    assert.equal(big.statusCode, 413);
    assert.equal(big.json().error.code, 'INPUT_TOO_LARGE');
    for (const payload of ['{"url":', '{"url": "\\ud800"', '[1,2', 'null', '"x"']) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/feeds',
        headers: { ...auth, 'content-type': 'application/json' },
        payload,
      });
      assert.equal(r.statusCode, 400, payload);
      assert.equal(typeof r.json().error.message, 'string');
      assert.doesNotMatch(r.body, /\bat .+\.(js|ts):\d+/, payload);
    }
    const xml = await app.inject({
      method: 'POST',
      url: '/api/feeds',
      headers: { ...auth, 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    assert.equal(xml.statusCode, 415);
    assert.equal(typeof xml.json().error.code, 'string');
  });

  test('a remote client over its budget gets 429 with the error shape; writes have a tenth of it', async () => {
    const remote = { remoteAddress: '198.51.100.7' };
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++)
      statuses.push((await app.inject({ method: 'GET', url: '/api/health', ...remote })).statusCode);
    assert.deepEqual(statuses.slice(0, 20), new Array(20).fill(200));
    const over = await app.inject({ method: 'GET', url: '/api/health', ...remote });
    assert.equal(over.statusCode, 429);
    assert.equal(over.json().error.code, 'RATE_LIMITED');
    assert.ok(Number(over.headers['retry-after']) > 0);
    assertSecurityHeaders(over, '429');

    const writer = { remoteAddress: '198.51.100.8', headers: auth };
    const del = () => app.inject({ method: 'DELETE', url: '/api/feeds/999', ...writer });
    assert.equal((await del()).statusCode, 404);
    assert.equal((await del()).statusCode, 404);
    assert.equal((await del()).statusCode, 429);
    // Loopback is never limited.
    for (let i = 0; i < 30; i++)
      assert.equal((await app.inject({ method: 'GET', url: '/api/health' })).statusCode, 200);
  });
});
