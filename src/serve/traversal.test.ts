// Path traversal: the dashboard's static files and the exports never hand out a file outside
// what they serve. A real `dmon serve` app (SQLite and PostgreSQL) on a loopback port gets raw
// HTTP requests — so no client library tidies the path first — in every spelling of "..":
// plain, percent-encoded, double-encoded, backslashes, overlong UTF-8, NUL, absolute paths.
// A secret file beside the web directory must never come back; every answer keeps the error
// shape or is the dashboard page itself, and none carries a stack trace.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { describeEachEngine } from '../store/test-engines.js';
import { buildApp } from './app.js';

const SECRET = 'TOP-SECRET-7f3a9c';
const INDEX = '<!doctype html><title>Displacement Monitor</title><p>dashboard</p>';

/** Sends one raw HTTP/1.1 request line and returns the status and body as received. */
function raw(port: number, target: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () =>
      s.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`),
    );
    let data = '';
    s.setEncoding('latin1');
    s.on('data', (d: string) => (data += d));
    s.on('error', reject);
    s.on('end', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0);
      resolve({ status, body: data.slice(data.indexOf('\r\n\r\n') + 4) });
    });
  });
}

const TARGETS = [
  '/../secret.txt',
  '/../../secret.txt',
  '/assets/../../secret.txt',
  '/%2e%2e/secret.txt',
  '/%2E%2E%2Fsecret.txt',
  '/assets/%2e%2e/%2e%2e/secret.txt',
  '/..%2fsecret.txt',
  '/assets/..%2f..%2fsecret.txt',
  '/%252e%252e/secret.txt',
  '/..%5csecret.txt',
  '/assets\\..\\..\\secret.txt',
  '/assets/..%5c..%5csecret.txt',
  '/%c0%ae%c0%ae/secret.txt',
  '/.%2e/secret.txt',
  '/secret.txt%00.js',
  '/assets/app.js%00/../../secret.txt',
  '//secret.txt',
  '/./../secret.txt',
  '/country/..%2f..%2f..%2fsecret.txt',
  '/article/../../secret.txt',
  `/${join(tmpdir(), 'x').replace(/^\//, '')}/../secret.txt`,
  '/api/../../secret.txt',
  '/api/export?format=..%2f..%2fsecret.txt',
  '/api/export?format=../../secret.txt',
  '/api/export?format=csv%00../../secret.txt',
  '/api/export?format=csv&level=..%2fsecret',
  '/api/openapi.json/../../secret.txt',
];

describeEachEngine('path traversal', (store) => {
  let root = '';
  let app: FastifyInstance;
  let port = 0;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'dmon-traversal-'));
    const web = join(root, 'web');
    mkdirSync(join(web, 'assets'), { recursive: true });
    writeFileSync(join(web, 'index.html'), INDEX);
    writeFileSync(join(web, 'assets', 'app.js'), 'console.log("app")');
    writeFileSync(join(root, 'secret.txt'), SECRET);
    app = await buildApp({ store: store(), version: 'test' }, { webDir: web });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as AddressInfo).port;
  });
  after(async () => {
    await app.close();
    rmSync(root, { recursive: true, force: true });
  });

  test('the served files are there (the test can tell a hit from a miss)', async () => {
    const js = await raw(port, '/assets/app.js');
    assert.equal(js.status, 200);
    assert.match(js.body, /console\.log/);
  });

  test('no spelling of ".." reaches a file outside the web directory', async () => {
    for (const t of TARGETS) {
      const r = await raw(port, t);
      assert.ok(r.status >= 200 && r.status < 500, `${t}: status ${r.status}`);
      assert.ok(!r.body.includes(SECRET), `${t} served the secret file`);
      assert.doesNotMatch(r.body, /\n\s+at .+:\d+:\d+/, `${t} leaked a stack trace`);
      if (r.status >= 400 && r.body.startsWith('{'))
        assert.equal(typeof (JSON.parse(r.body) as { error: { code: string } }).error.code, 'string', t);
      else if (r.status === 200)
        assert.ok(r.body.includes('dashboard'), `${t}: 200 with ${r.body.slice(0, 80)}`);
    }
  });

  test('an export format or level that is a path is a 400 naming the parameter', async () => {
    for (const q of ['format=../../secret.txt', 'format=csv&level=../secret', 'format=%2Fetc%2Fpasswd']) {
      const r = await app.inject({ url: `/api/export?${q}` });
      assert.equal(r.statusCode, 400, q);
      assert.match(r.json().error.message, /format|level/, q);
    }
  });
});
