// Runs a real HTTP server on 127.0.0.1. Requests to it pass only because the tests
// allow-list 127.0.0.1; the policy tests prove the same server is refused without it.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { FetchError, parseRetryAfter, safeFetch, type SafeFetchOptions } from './safeFetch.js';

const PAGE = '<html><body><p>Families moved to the stadium.</p></body></html>';
const BOMB = gzipSync(Buffer.alloc(8 * 1024 * 1024)); // 8 MB of zeros in a few kB
const MB = 1024 * 1024;
let server: Server;
let base = '';
const seenHosts: string[] = [];

before(async () => {
  server = createServer((req, res) => {
    seenHosts.push(req.headers.host ?? '');
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const html = { 'content-type': 'text/html; charset=utf-8' };
    switch (path) {
      case '/ok':
        res.writeHead(200, html).end(PAGE);
        return;
      case '/gzip':
        res.writeHead(200, { ...html, 'content-encoding': 'gzip' }).end(gzipSync(PAGE));
        return;
      case '/br':
        res.writeHead(200, { ...html, 'content-encoding': 'br' }).end(brotliCompressSync(PAGE));
        return;
      case '/deflate':
        res.writeHead(200, { ...html, 'content-encoding': 'deflate' }).end(deflateSync(PAGE));
        return;
      case '/deflate-raw':
        res.writeHead(200, { ...html, 'content-encoding': 'deflate' }).end(deflateRawSync(PAGE));
        return;
      case '/bad-gzip':
        res.writeHead(200, { ...html, 'content-encoding': 'gzip' }).end('this is not gzip at all');
        return;
      case '/bomb':
        res.writeHead(200, { ...html, 'content-encoding': 'gzip' }).end(BOMB);
        return;
      case '/big': {
        // 3 MB streamed without Content-Length.
        res.writeHead(200, { 'content-type': 'text/plain' });
        const chunk = Buffer.alloc(64 * 1024, 'a');
        let sent = 0;
        const pump = (): void => {
          while (sent < 3 * MB) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        pump();
        return;
      }
      case '/big-declared':
        res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(50 * MB) });
        res.write('a');
        setTimeout(() => res.destroy(), 50);
        return;
      case '/image':
        res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(10));
        return;
      case '/etag':
        if (req.headers['if-none-match'] === '"v1"') res.writeHead(304, { etag: '"v1"' }).end();
        else
          res
            .writeHead(200, { ...html, etag: '"v1"', 'last-modified': 'Tue, 05 Mar 2024 10:00:00 GMT' })
            .end(PAGE);
        return;
      case '/modified-since':
        if (req.headers['if-modified-since'] === 'Tue, 05 Mar 2024 10:00:00 GMT') res.writeHead(304).end();
        else res.writeHead(200, html).end(PAGE);
        return;
      case '/redirect':
        res.writeHead(302, { location: '/ok' }).end();
        return;
      case '/redirect-private':
        res.writeHead(301, { location: 'http://10.0.0.1/internal' }).end();
        return;
      case '/redirect-metadata':
        res.writeHead(307, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
        return;
      case '/redirect-file':
        res.writeHead(302, { location: 'file:///etc/passwd' }).end();
        return;
      case '/loop':
        res.writeHead(302, { location: '/loop' }).end();
        return;
      case '/no-location':
        res.writeHead(302).end();
        return;
      case '/missing':
        res.writeHead(404, html).end('gone');
        return;
      case '/busy':
        res.writeHead(429, { 'retry-after': '120' }).end('slow down');
        return;
      case '/unavailable':
        res.writeHead(503, html).end('later');
        return;
      case '/slow-headers':
        setTimeout(() => res.writeHead(200, html).end(PAGE), 3000).unref();
        return;
      case '/stall':
        res.writeHead(200, html);
        res.write('<p>start');
        return; // never ends
      default:
        res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
});

const LOCAL: SafeFetchOptions = { allow: ['127.0.0.1'] };
const text = (b: Uint8Array): string => Buffer.from(b).toString('utf8');

async function rejectsWith(p: Promise<unknown>, code: string, pattern: RegExp): Promise<FetchError> {
  let caught: unknown;
  await assert.rejects(p, (e) => {
    caught = e;
    return true;
  });
  assert.ok(caught instanceof FetchError, `expected FetchError, got ${String(caught)}`);
  assert.equal(caught.code, code, caught.message);
  assert.match(caught.message, pattern);
  return caught;
}

test('safeFetch: plain 200 with content type, charset and validators', async () => {
  const r = await safeFetch(`${base}/ok`, LOCAL);
  assert.equal(r.status, 200);
  assert.equal(r.notModified, false);
  assert.equal(text(r.body), PAGE);
  assert.equal(r.contentType, 'text/html');
  assert.equal(r.charset, 'utf-8');
  assert.deepEqual(r.redirects, []);
});

for (const path of ['/gzip', '/br', '/deflate', '/deflate-raw']) {
  test(`safeFetch: decompresses ${path.slice(1)}`, async () => {
    assert.equal(text((await safeFetch(`${base}${path}`, LOCAL)).body), PAGE);
  });
}

test('safeFetch: corrupt compressed body → FETCH_FAILED', async () => {
  await rejectsWith(
    safeFetch(`${base}/bad-gzip`, LOCAL),
    'FETCH_FAILED',
    /bad-gzip: reading the body failed/,
  );
});

test('safeFetch: gzip bomb is cut at the decompressed limit', async () => {
  await rejectsWith(
    safeFetch(`${base}/bomb`, { ...LOCAL, maxBytes: MB }),
    'FETCH_REFUSED',
    /decompressed body exceeds the 1048576-byte limit/,
  );
});

test('safeFetch: streamed oversized body is cut', async () => {
  await rejectsWith(
    safeFetch(`${base}/big`, { ...LOCAL, maxBytes: MB }),
    'FETCH_REFUSED',
    /\/big: body exceeds/,
  );
  assert.equal((await safeFetch(`${base}/big`, { ...LOCAL, maxBytes: 4 * MB })).body.length, 3 * MB);
});

test('safeFetch: declared Content-Length over the limit is refused before reading', async () => {
  await rejectsWith(
    safeFetch(`${base}/big-declared`, LOCAL),
    'FETCH_REFUSED',
    /body of 52428800 bytes exceeds the 10485760-byte limit/,
  );
});

test('safeFetch: unaccepted content type is refused; accept: null takes anything', async () => {
  await rejectsWith(safeFetch(`${base}/image`, LOCAL), 'FETCH_REFUSED', /content type image\/png/);
  assert.equal((await safeFetch(`${base}/image`, { ...LOCAL, accept: null })).body.length, 10);
  await rejectsWith(
    safeFetch(`${base}/ok`, { ...LOCAL, accept: ['application/pdf'] }),
    'FETCH_REFUSED',
    /text\/html/,
  );
});

test('safeFetch: conditional GET with ETag → 304 not modified', async () => {
  const first = await safeFetch(`${base}/etag`, LOCAL);
  assert.equal(first.etag, '"v1"');
  assert.equal(first.lastModified, 'Tue, 05 Mar 2024 10:00:00 GMT');
  const again = await safeFetch(`${base}/etag`, { ...LOCAL, etag: first.etag });
  assert.equal(again.status, 304);
  assert.equal(again.notModified, true);
  assert.equal(again.body.length, 0);
});

test('safeFetch: conditional GET with If-Modified-Since → 304', async () => {
  const r = await safeFetch(`${base}/modified-since`, {
    ...LOCAL,
    lastModified: 'Tue, 05 Mar 2024 10:00:00 GMT',
  });
  assert.equal(r.status, 304);
  assert.equal((await safeFetch(`${base}/modified-since`, LOCAL)).status, 200);
});

test('safeFetch: follows a redirect and reports the chain', async () => {
  const r = await safeFetch(`${base}/redirect#frag`, LOCAL);
  assert.equal(r.url, `${base}/ok`);
  assert.deepEqual(r.redirects, [`${base}/redirect`]);
  assert.equal(text(r.body), PAGE);
});

test('safeFetch: redirects to private, metadata and non-http targets are refused', async () => {
  await rejectsWith(
    safeFetch(`${base}/redirect-private`, LOCAL),
    'FETCH_REFUSED',
    /http:\/\/10\.0\.0\.1\/internal: address 10\.0\.0\.1, a private address/,
  );
  await rejectsWith(
    safeFetch(`${base}/redirect-metadata`, LOCAL),
    'FETCH_REFUSED',
    /169\.254\.169\.254, a linkLocal address/,
  );
  await rejectsWith(safeFetch(`${base}/redirect-file`, LOCAL), 'FETCH_REFUSED', /only http and https/);
});

test('safeFetch: redirect loops stop after maxRedirects', async () => {
  await rejectsWith(safeFetch(`${base}/loop`, LOCAL), 'FETCH_REFUSED', /more than 5 redirects/);
  await rejectsWith(
    safeFetch(`${base}/loop`, { ...LOCAL, maxRedirects: 1 }),
    'FETCH_REFUSED',
    /more than 1 redirects/,
  );
  await rejectsWith(safeFetch(`${base}/no-location`, LOCAL), 'FETCH_FAILED', /without a Location/);
});

test('safeFetch: HTTP errors → FETCH_FAILED with status and retryability', async () => {
  const e404 = await rejectsWith(safeFetch(`${base}/missing`, LOCAL), 'FETCH_FAILED', /\/missing: HTTP 404/);
  assert.equal(e404.httpStatus, 404);
  assert.equal(e404.retryable, false);
  const e503 = await rejectsWith(safeFetch(`${base}/unavailable`, LOCAL), 'FETCH_FAILED', /HTTP 503/);
  assert.equal(e503.retryable, true);
  assert.equal(e503.retryAfterSeconds, null);
  const e429 = await rejectsWith(
    safeFetch(`${base}/busy`, LOCAL),
    'FETCH_FAILED',
    /HTTP 429 \(retry after 120 s\)/,
  );
  assert.equal(e429.retryAfterSeconds, 120);
  assert.equal(e429.retryable, true);
});

test('parseRetryAfter: seconds or an HTTP date', () => {
  assert.equal(parseRetryAfter('30'), 30);
  assert.equal(parseRetryAfter('Tue, 05 Mar 2024 10:01:00 GMT', Date.parse('2024-03-05T10:00:00Z')), 60);
  assert.equal(parseRetryAfter('soon'), null);
  assert.equal(parseRetryAfter(null), null);
});

test('safeFetch: read timeouts (headers, stalled body) and the total deadline', async () => {
  const h = await rejectsWith(
    safeFetch(`${base}/slow-headers`, { ...LOCAL, readTimeoutMs: 200 }),
    'FETCH_FAILED',
    /timed out/,
  );
  assert.equal(h.retryable, true);
  await rejectsWith(
    safeFetch(`${base}/stall`, { ...LOCAL, readTimeoutMs: 200 }),
    'FETCH_FAILED',
    /timed out/,
  );
  await rejectsWith(
    safeFetch(`${base}/stall`, { ...LOCAL, totalTimeoutMs: 200 }),
    'FETCH_FAILED',
    /timed out/,
  );
});

test('safeFetch: the same local server is refused without the allow-list', async () => {
  const before = seenHosts.length;
  await rejectsWith(safeFetch(`${base}/ok`), 'FETCH_REFUSED', /address 127\.0\.0\.1, a loopback address/);
  const port = new URL(base).port;
  await rejectsWith(
    safeFetch(`http://localhost:${port}/ok`),
    'FETCH_REFUSED',
    /localhost resolves to .*loopback/,
  );
  await rejectsWith(safeFetch(`http://[::ffff:127.0.0.1]:${port}/ok`), 'FETCH_REFUSED', /loopback/);
  await rejectsWith(safeFetch(`http://2130706433:${port}/ok`), 'FETCH_REFUSED', /127\.0\.0\.1/);
  assert.equal(seenHosts.length, before, 'no request reached the server');
});

test('safeFetch: scheme and URL validation', async () => {
  await rejectsWith(safeFetch('ftp://example.org/x'), 'FETCH_REFUSED', /only http and https/);
  await rejectsWith(safeFetch('file:///etc/passwd'), 'FETCH_REFUSED', /only http and https/);
  await rejectsWith(safeFetch('not a url'), 'FETCH_REFUSED', /not a valid absolute URL/);
  await rejectsWith(safeFetch('http://0.0.0.0/'), 'FETCH_REFUSED', /unspecified/);
  await rejectsWith(safeFetch('http://[::1]/'), 'FETCH_REFUSED', /loopback/);
});

test('safeFetch: the connection goes to the checked address (DNS answer is pinned)', async () => {
  const port = new URL(base).port;
  // 'pinned.invalid' cannot resolve through the system; the request only succeeds if the
  // connection uses the address our resolver returned and the policy checked.
  const resolve = async () => [{ address: '127.0.0.1', family: 4 as const }];
  const r = await safeFetch(`http://pinned.invalid:${port}/ok`, { allow: ['127.0.0.1'], resolve });
  assert.equal(text(r.body), PAGE);
  assert.equal(seenHosts.at(-1), `pinned.invalid:${port}`);
  // A name resolving to a public and a private address is refused whole.
  const mixed = async () => [
    { address: '93.184.216.34', family: 4 as const },
    { address: '10.0.0.5', family: 4 as const },
  ];
  await rejectsWith(
    safeFetch(`http://mixed.invalid/`, { resolve: mixed }),
    'FETCH_REFUSED',
    /mixed\.invalid resolves to 10\.0\.0\.5/,
  );
  // An allow-listed host name permits whatever it resolves to.
  const byName = await safeFetch(`http://pinned.invalid:${port}/ok`, { allow: ['pinned.invalid'], resolve });
  assert.equal(byName.status, 200);
});

test('safeFetch: DNS failure → FETCH_FAILED naming the host', async () => {
  const resolve = async (): Promise<never> => {
    throw new Error('ENOTFOUND');
  };
  await rejectsWith(
    safeFetch('http://nowhere.invalid/', { resolve }),
    'FETCH_FAILED',
    /DNS lookup of nowhere\.invalid failed/,
  );
});
