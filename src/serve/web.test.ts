import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { installErrorHandlers } from './errors.js';
import { installSecurityHeaders, securityHeaders } from './securityHeaders.js';
import { webRoutes } from './web.js';

const INDEX =
  '<!doctype html><title>Displacement Monitor</title><script type="module" src="/assets/app-1a2b.js"></script>';

async function appFor(dir: string): Promise<FastifyInstance> {
  const app = Fastify();
  installErrorHandlers(app, 'test store');
  installSecurityHeaders(app, securityHeaders());
  app.get('/api/health', async () => ({ status: 'ok' }));
  await webRoutes(app, dir);
  await app.ready();
  return app;
}

describe('dashboard files at /', () => {
  let dir = '';
  let app: FastifyInstance;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dmon-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), INDEX);
    writeFileSync(join(dir, 'assets', 'app-1a2b.js'), 'console.log(1)');
    app = await appFor(dir);
  });
  after(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('/ is the dashboard page with a CSP that forbids inline scripts and other origins', async () => {
    const r = await app.inject('/');
    assert.equal(r.statusCode, 200);
    assert.match(String(r.headers['content-type']), /text\/html/);
    assert.equal(r.body, INDEX);
    const csp = String(r.headers['content-security-policy']);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:|\*/);
    assert.equal(r.headers['x-content-type-options'], 'nosniff');
    assert.equal(r.headers['cache-control'], 'no-cache');
  });

  test('hashed assets are cached for good', async () => {
    const r = await app.inject('/assets/app-1a2b.js');
    assert.equal(r.statusCode, 200);
    assert.match(String(r.headers['content-type']), /javascript/);
    assert.match(String(r.headers['cache-control']), /immutable/);
  });

  test('page paths opened from a link get the app; filters stay in the query', async () => {
    for (const path of [
      '/country/IRQ?term=displaced&from=2016-10-01',
      '/article/12',
      '/events?country=IND&cause=disaster',
      '/event/e0123456789ab',
      '/alerts?status=new',
      '/review?country=PHL',
      '/ingest',
    ]) {
      const r = await app.inject(path);
      assert.equal(r.statusCode, 200, path);
      assert.equal(r.body, INDEX, path);
      assert.match(String(r.headers['content-security-policy']), /default-src 'self'/, path);
    }
  });

  test('API routes and their 404s are untouched; a missing file is a 404, not the app', async () => {
    assert.equal((await app.inject('/api/health')).json().status, 'ok');
    const missing = await app.inject('/api/nothing-here');
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().error.code, 'NOT_FOUND');
    assert.equal((await app.inject('/assets/none.js')).statusCode, 404);
    assert.equal((await app.inject('/../package.json')).statusCode, 404);
  });
});

test('an unbuilt dashboard answers / with how to build it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dmon-web-empty-'));
  const app = await appFor(dir);
  try {
    const r = await app.inject('/');
    assert.equal(r.statusCode, 503);
    assert.match(r.body, /npm run build:web/);
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
