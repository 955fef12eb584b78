// Webhook delivery to a real loopback HTTP server: signature checked by the receiver, a 500
// retried with backoff until it succeeds, every attempt in the delivery log, and the private
// address refused unless allow-listed.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { openStore, type Store } from '../store/index.js';
import { deliverPending } from './deliver.js';
import { sign, SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignature } from './signature.js';

interface Received {
  body: string;
  valid: boolean;
}

let server: Server;
let base = '';
let store: Store;
const received: Received[] = [];
/** Status codes the server answers with, in order; 200 once they run out. */
let script: number[] = [];
let secret = '';

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let s = '';
    req.on('data', (c: Buffer) => (s += c.toString('utf8')));
    req.on('end', () => resolve(s));
  });
}

before(async () => {
  server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const valid = verifySignature(
        secret,
        {
          signature: req.headers[SIGNATURE_HEADER] as string | undefined,
          timestamp: req.headers[TIMESTAMP_HEADER] as string | undefined,
        },
        body,
      );
      received.push({ body, valid });
      res.statusCode = script.shift() ?? 200;
      res.end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  store = await openStore({ sqlitePath: ':memory:' });
});

after(async () => {
  await store.close();
  await new Promise((r) => server.close(r));
});

const waits: number[] = [];
const options = { allow: ['127.0.0.1'], backoffMs: 5, sleep: async (ms: number) => void waits.push(ms) };

async function raise(key: string) {
  const [a] = await store.alerts.add([
    {
      key,
      kind: 'country_high',
      date: '2024-03-01',
      country: 'SDN',
      cause: 'conflict',
      level: '3y',
      eventId: null,
      value: 40_000,
      previous: 0,
      title: 'Sudan: conflict displacement at a 3-year high',
      summary: 's',
      details: {},
    },
  ]);
  return a!;
}

test('a 500 is retried with backoff, then the signed alert is delivered once and logged', async () => {
  const hook = await store.webhooks.add(`${base}/hook`, 'a-shared-secret-of-some-length');
  secret = 'a-shared-secret-of-some-length';
  const alert = await raise('k1');
  script = [500, 503];
  const r = await deliverPending(store, options);
  assert.deepEqual(r, { delivered: 1, failed: 0 });
  assert.equal(received.length, 3);
  assert.ok(
    received.every((x) => x.valid),
    'the receiver verifies every signature',
  );
  assert.deepEqual(JSON.parse(received[2]!.body), { type: 'alert', alert: { ...alert } });
  assert.deepEqual(waits, [5, 10], 'exponential backoff');
  const log = await store.webhooks.deliveries({ webhookId: hook.webhook.id });
  assert.deepEqual(log.map((d) => [d.attempt, d.outcome, d.http_status]).reverse(), [
    [1, 'retrying', 500],
    [2, 'retrying', 503],
    [3, 'delivered', 200],
  ]);
  assert.deepEqual(
    await deliverPending(store, options),
    { delivered: 0, failed: 0 },
    'nothing is sent twice',
  );
});

test('a signature verifies only with its secret, its body and a fresh timestamp', () => {
  const body = '{"a":1}';
  const ts = Math.floor(Date.now() / 1000);
  const headers = { signature: sign('the-secret', ts, body), timestamp: String(ts) };
  assert.equal(verifySignature('the-secret', headers, body), true);
  assert.equal(verifySignature('another-secret', headers, body), false);
  assert.equal(verifySignature('the-secret', headers, '{"a":2}'), false);
  assert.equal(verifySignature('the-secret', headers, body, { now: (ts + 600) * 1000 }), false);
  assert.equal(verifySignature('the-secret', { ...headers, signature: undefined }, body), false);
});

test('a 4xx is not retried; attempts run out on a server that keeps failing', async () => {
  await raise('k2');
  received.length = 0;
  script = [410];
  assert.deepEqual(await deliverPending(store, options), { delivered: 0, failed: 1 });
  assert.equal(received.length, 1);
  await raise('k3');
  received.length = 0;
  script = [500, 500, 500, 500, 500];
  assert.deepEqual(await deliverPending(store, { ...options, attempts: 3 }), { delivered: 0, failed: 1 });
  assert.equal(received.length, 3);
});

test('a webhook on a private address is refused by the fetcher unless allow-listed', async () => {
  await raise('k4');
  received.length = 0;
  assert.deepEqual(await deliverPending(store, { ...options, allow: [] }), { delivered: 0, failed: 1 });
  assert.equal(received.length, 0, 'nothing reached the loopback server');
  const [last] = await store.webhooks.deliveries({ limit: 1 });
  assert.equal(last?.outcome, 'failed');
  assert.match(last?.error ?? '', /loopback address/);
});
