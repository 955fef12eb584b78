// /api/alerts and /api/alerts.atom on both engines: listing, filters, triage with a token,
// errors in the API's shape, and the feed read back by the project's own feed parser.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { AlertCandidate } from '../alerts/types.js';
import { parseFeed } from '../feeds/parseFeed.js';
import { describeEachEngine } from '../store/test-engines.js';
import { buildApp } from './app.js';

const candidate = (key: string, over: Partial<AlertCandidate> = {}): AlertCandidate => ({
  key,
  kind: 'country_high',
  date: '2024-03-01',
  country: 'SDN',
  cause: 'conflict',
  level: '3y',
  eventId: null,
  value: 40_000,
  previous: 0,
  title: 'Sudan: conflict displacement at a 3-year high (40,000 people in 30 days)',
  summary: '40,000 people newly displaced by conflict in Sudan in the 30 days to 2024-03-01.',
  details: { window_days: 30 },
  ...over,
});

describeEachEngine('alerts API', (store) => {
  let app: FastifyInstance;
  let auth: Record<string, string>;
  let ids: number[];

  before(async () => {
    app = await buildApp({ store: store(), version: 'test' });
    auth = { authorization: `Bearer ${(await store().tokens.create('analyst-1', 'review')).token}` };
    const added = await store().alerts.add([
      candidate('a'),
      candidate('b', {
        kind: 'new_event',
        country: 'MMR',
        cause: 'disaster',
        level: null,
        eventId: 'ev1',
        date: '2023-05-14',
        title: 'New event: Cyclone Mocha (750,000 people)',
        summary: 'Cyclone Mocha: 750,000 people & more <b>',
      }),
      candidate('c', { country: 'TCD', date: '2024-06-01' }),
    ]);
    ids = added.map((a) => a.id);
  });

  test('list: newest first, filters, pages', async () => {
    const r = await app.inject({ url: '/api/alerts' });
    assert.equal(r.statusCode, 200);
    assert.deepEqual(
      r.json().items.map((a: { country: string }) => a.country),
      ['TCD', 'MMR', 'SDN'],
    );
    const byKind = await app.inject({ url: '/api/alerts?kind=new_event' });
    assert.deepEqual(
      byKind.json().items.map((a: { event_id: string }) => a.event_id),
      ['ev1'],
    );
    const byCountry = await app.inject({ url: '/api/alerts?country=sdn,tcd&from=2024-05-01' });
    assert.deepEqual(
      byCountry.json().items.map((a: { country: string }) => a.country),
      ['TCD'],
    );
    const p1 = (await app.inject({ url: '/api/alerts?limit=2' })).json();
    const p2 = (await app.inject({ url: `/api/alerts?limit=2&cursor=${p1.next}` })).json();
    assert.equal(p1.items.length + p2.items.length, 3);
    assert.equal(p2.next, null);
    const one = await app.inject({ url: `/api/alerts/${ids[0]}` });
    assert.equal(one.json().title, candidate('a').title);
  });

  test('bad parameters are 4xx in the error shape, naming the parameter', async () => {
    for (const [url, status, pattern] of [
      ['/api/alerts?status=open', 400, /status/],
      ['/api/alerts?kind=spike', 400, /kind/],
      ['/api/alerts?country=SD', 400, /country/],
      ['/api/alerts?from=2024-13-01', 400, /from/],
      ['/api/alerts?from=2024-05-01&to=2024-01-01', 400, /after/],
      ['/api/alerts?cursor=nonsense', 400, /cursor/],
      ['/api/alerts?limit=501', 400, /limit/],
      ['/api/alerts?colour=red', 400, /colour/],
      ['/api/alerts/999999', 404, /alert 999999/],
      ['/api/alerts/2147483648', 400, /id/],
      ['/api/alerts.atom?status=maybe', 400, /status/],
    ] as const) {
      const r = await app.inject({ url });
      assert.equal(r.statusCode, status, url);
      assert.equal(typeof r.json().error.code, 'string', url);
      assert.match(r.json().error.message, pattern, url);
    }
  });

  test('triage: needs a token, records the token name, validates the state', async () => {
    const url = `/api/alerts/${ids[0]}`;
    const anon = await app.inject({ method: 'PATCH', url, payload: { status: 'confirmed' } });
    assert.equal(anon.statusCode, 401);
    assert.equal(anon.json().error.code, 'UNAUTHORIZED');
    const bad = await app.inject({ method: 'PATCH', url, headers: auth, payload: { status: 'closed' } });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().error.message, /status/);
    const missing = await app.inject({
      method: 'PATCH',
      url: '/api/alerts/999999',
      headers: auth,
      payload: { status: 'confirmed' },
    });
    assert.equal(missing.statusCode, 404);
    const ok = await app.inject({
      method: 'PATCH',
      url,
      headers: auth,
      payload: { status: 'dismissed', note: 'seasonal, known' },
    });
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.json().status, 'dismissed');
    assert.equal(ok.json().triaged_by, 'analyst-1');
    assert.equal(ok.json().note, 'seasonal, known');
    const dismissed = await app.inject({ url: '/api/alerts?status=dismissed' });
    assert.deepEqual(
      dismissed.json().items.map((a: { id: number }) => a.id),
      [ids[0]],
    );
  });

  test('the Atom feed parses back with the project feed parser; dismissed alerts are left out', async () => {
    const r = await app.inject({ url: '/api/alerts.atom', headers: { host: 'monitor.example.org' } });
    assert.equal(r.statusCode, 200);
    assert.match(String(r.headers['content-type']), /^application\/atom\+xml/);
    const feed = parseFeed(r.body, 'http://monitor.example.org/api/alerts.atom');
    assert.equal(feed.format, 'atom');
    assert.equal(feed.title, 'Displacement Monitor alerts');
    assert.deepEqual(
      feed.items.map((i) => [i.url, i.title]),
      [
        [`http://monitor.example.org/api/alerts/${ids[2]}`, candidate('c').title],
        [`http://monitor.example.org/api/alerts/${ids[1]}`, 'New event: Cyclone Mocha (750,000 people)'],
      ],
    );
    assert.match(
      r.body,
      /<summary type="text">\s*<!\[CDATA\[Cyclone Mocha: 750,000 people & more <b>\]\]>/,
      'a text summary, its markup characters quoted, never read as HTML',
    );
    assert.match(feed.items[1]!.summary ?? '', /^Cyclone Mocha: 750,000 people & more/);
    assert.ok(
      feed.items.every((i) => i.published),
      'each entry is dated',
    );
    const all = parseFeed(
      (await app.inject({ url: '/api/alerts.atom?status=new,confirmed,dismissed' })).body,
      'http://localhost/api/alerts.atom',
    );
    assert.equal(all.items.length, 3);
  });
});
