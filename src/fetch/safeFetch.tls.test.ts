// HTTPS through the pinned connection: the socket goes to the checked address while TLS still
// verifies the certificate against the host name. The certificate (CN and SAN
// 'secure.invalid', self-signed, in fixtures/) exists only for these tests.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { FetchError, safeFetch } from './safeFetch.js';

const cert = readFileSync(new URL('./fixtures/test-cert.pem', import.meta.url));
const key = readFileSync(new URL('./fixtures/test-key.pem', import.meta.url));
let server: Server;
let port = 0;
const resolve = async () => [{ address: '127.0.0.1', family: 4 as const }];

before(async () => {
  server = createServer({ cert, key }, (_req, res) =>
    res.writeHead(200, { 'content-type': 'text/plain' }).end('secure hello'),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

test('https: pinned address, certificate verified against the host name', async () => {
  const r = await safeFetch(`https://secure.invalid:${port}/`, { allow: ['127.0.0.1'], resolve, ca: cert });
  assert.equal(Buffer.from(r.body).toString(), 'secure hello');
});

test('https: an untrusted certificate fails', async () => {
  await assert.rejects(
    safeFetch(`https://secure.invalid:${port}/`, { allow: ['127.0.0.1'], resolve }),
    (e) => {
      assert.ok(e instanceof FetchError);
      assert.equal(e.code, 'FETCH_FAILED');
      assert.match(e.message, /secure\.invalid.*(self-signed|SELF_SIGNED)/i);
      return true;
    },
  );
});

test('https: a certificate for another name fails even with the CA trusted', async () => {
  await assert.rejects(safeFetch(`https://127.0.0.1:${port}/`, { allow: ['127.0.0.1'], ca: cert }), (e) => {
    assert.ok(e instanceof FetchError);
    assert.equal(e.code, 'FETCH_FAILED');
    assert.match(e.message, /altnames|ERR_TLS_CERT_ALTNAME_INVALID/i);
    return true;
  });
});
