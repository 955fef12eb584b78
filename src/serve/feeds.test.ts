// Feeds through the API with the real ingest path: a feed URL that points at a private address,
// in any spelling or through a name that resolves to one, is refused when it is added (not at
// its first poll), and the list anyone may read never shows credentials written into a URL.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { Ingest } from '../ingest/ingest.js';
import { createDeps } from '../ingest/wiring.js';
import { describeEachEngine } from '../store/test-engines.js';
import { buildApp } from './app.js';

/** Every spelling of a non-public address the URL parser accepts, and names that resolve to one. */
export const PRIVATE_FEED_URLS = [
  'http://127.0.0.1/feed.xml',
  'http://127.1/feed.xml',
  'http://2130706433/feed.xml',
  'http://0x7f000001/feed.xml',
  'http://0x7f.0.0.1/feed.xml',
  'http://0177.0.0.1/feed.xml',
  'http://017700000001/feed.xml',
  'https://127.0.0.1:8443/rss',
  'http://0.0.0.0/feed.xml',
  'http://0/feed.xml',
  'http://10.0.0.1/feed.xml',
  'http://172.16.5.4/feed.xml',
  'http://172.31.255.255/feed.xml',
  'http://192.168.1.1/feed.xml',
  'http://100.64.0.1/feed.xml',
  'http://169.254.169.254/latest/meta-data/',
  'http://224.0.0.1/feed.xml',
  'http://255.255.255.255/feed.xml',
  'http://[::1]/feed.xml',
  'http://[0:0:0:0:0:0:0:1]/feed.xml',
  'http://[::]/feed.xml',
  'http://[::ffff:127.0.0.1]/feed.xml',
  'http://[::ffff:7f00:1]/feed.xml',
  'http://[::ffff:a9fe:a9fe]/feed.xml',
  'http://[64:ff9b::a9fe:a9fe]/feed.xml',
  'http://[2002:7f00:1::]/feed.xml',
  'http://[fc00::1]/feed.xml',
  'http://[fd12:3456::1]/feed.xml',
  'http://[fe80::1]/feed.xml',
  'http://localhost/feed.xml',
  'http://LocalHost:8080/feed.xml',
  'http://user:pw@127.0.0.1/feed.xml',
];

describeEachEngine('feeds through the API', (store) => {
  let app: FastifyInstance;
  let auth: Record<string, string>;
  let http: Server;
  let port: number;
  before(async () => {
    http = createServer((_req, res) => res.writeHead(404).end('no feed here'));
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    port = (http.address() as AddressInfo).port;
  });
  after(() => new Promise<void>((r) => http.close(() => r())));

  const appWith = async (fetchAllow: string[]) => {
    const ingest = new Ingest(store(), createDeps({ fetchAllow }), { hostDelayMs: 0 });
    return {
      ingest,
      app: await buildApp({ store: store(), version: 'test', addFeed: (url) => ingest.addFeed(url) }),
    };
  };
  before(async () => {
    app = (await appWith([])).app;
    auth = { authorization: `Bearer ${(await store().tokens.create('feeds', 'admin')).token}` };
  });
  const add = (a: FastifyInstance, url: string) =>
    a.inject({ method: 'POST', url: '/api/feeds', headers: auth, payload: { url } });

  test('a private address in any spelling is refused at add time, nothing stored', async () => {
    for (const url of PRIVATE_FEED_URLS) {
      const r = await add(app, url);
      assert.equal(r.statusCode, 400, `${url} answered ${r.statusCode}: ${r.body}`);
      assert.equal(r.json().error.code, 'FETCH_REFUSED', url);
      assert.match(r.json().error.message, /only public addresses/, url);
      assert.doesNotMatch(r.body, /pw@/, 'the refusal does not echo credentials');
    }
    assert.deepEqual(await store().sources.list(), []);
  });

  test('public addresses, unresolvable names and allow-listed addresses are accepted', async () => {
    for (const url of ['http://93.184.215.14/feed.xml', 'https://feeds.invalid/rss.xml']) {
      const r = await add(app, url);
      assert.equal(r.statusCode, 201, `${url}: ${r.body}`);
    }
    const allowed = await appWith(['127.0.0.1']);
    assert.equal((await add(allowed.app, `http://127.0.0.1:${port}/feed.xml`)).statusCode, 201);
    assert.equal((await add(app, 'http://[::1]/other.xml')).statusCode, 400, 'the allow-list is per server');
  });

  test('credentials in a feed URL are kept for polling but never listed', async () => {
    const secretUrl = `http://alice:s3cret@127.0.0.1:${port}/private-feed.xml`;
    const { app: allowed, ingest } = await appWith(['127.0.0.1']);
    const r = await add(allowed, secretUrl);
    assert.equal(r.statusCode, 201, r.body);
    assert.equal(r.json().url, `http://127.0.0.1:${port}/private-feed.xml`);
    // Poll it for real: the 404 is recorded as the feed's last error, which quotes the URL.
    await ingest.scheduleFeeds({ all: true });
    await ingest.run({ drain: true, kinds: ['poll'] });
    const stored = await store().sources.getByUrl(secretUrl);
    assert.ok(stored, 'the store keeps the URL as given, credentials included');
    assert.ok(stored.last_error, 'the poll failed and said why');

    const list = await app.inject({ method: 'GET', url: '/api/feeds' });
    assert.equal(list.statusCode, 200);
    assert.doesNotMatch(list.body, /s3cret|alice/);
    const item = (list.json().items as { id: number; url: string; last_error: string | null }[]).find(
      (i) => i.id === stored.id,
    );
    assert.equal(item?.url, `http://127.0.0.1:${port}/private-feed.xml`);
    assert.equal(typeof item?.last_error, 'string');
  });
});
