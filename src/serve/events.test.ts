import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { MOSUL_ARTICLES, storeScenarioArticle } from '../store/claims-scenario.js';
import { describeEachEngine } from '../store/test-engines.js';
import { buildApp } from './app.js';

describeEachEngine('API: claims and events', (store) => {
  let app: FastifyInstance;

  before(async () => {
    app = await buildApp({ store: store(), version: 'test' });
    const ids = new Map<string, number>();
    for (const a of MOSUL_ARTICLES) await storeScenarioArticle(store(), a, ids);
  });

  const get = async (url: string) => {
    const r = await app.inject({ method: 'GET', url });
    return { status: r.statusCode, body: r.json() };
  };

  test('events list with names, recommended figures and reasons; filters and pages', async () => {
    const all = await get('/api/events');
    assert.equal(all.status, 200);
    assert.deepEqual(
      all.body.items.map((e: { name: string }) => e.name),
      ['Conflict — Nineveh, Iraq, Oct 2016', 'Flood — Basra, Iraq, Nov 2016'],
    );
    assert.equal(all.body.items[0].recommended.figure, 250000);
    assert.match(all.body.items[0].recommended.reason, /2 independent sources/);
    const floods = await get('/api/events?hazard=flood&country=IRQ');
    assert.equal(floods.body.items.length, 1);
    const page1 = await get('/api/events?limit=1');
    assert.equal(page1.body.items.length, 1);
    const page2 = await get(`/api/events?limit=1&cursor=${page1.body.next}`);
    assert.equal(page2.body.items[0].name, 'Flood — Basra, Iraq, Nov 2016');
    assert.equal(page2.body.next, null);
    assert.equal((await get('/api/events?q=nineveh')).body.items.length, 1);
  });

  test('one event with claims, sources, places and timeline; one claim with its reports', async () => {
    const [first] = (await get('/api/events?cause=conflict')).body.items;
    const r = await get(`/api/events/${first.id}`);
    assert.equal(r.status, 200);
    assert.equal(r.body.claims_list.length, 2);
    assert.equal(r.body.places[0].location, 'Mosul');
    assert.equal(r.body.timeline.length, 2);
    const claimId = r.body.claims_list[0].id;
    const c = await get(`/api/claims/${claimId}`);
    assert.equal(c.body.independent_sources, 2);
    assert.equal(c.body.sources.length, 2);
    const claims = await get(`/api/claims?event=${first.id}&min_sources=2`);
    assert.equal(claims.body.items.length, 2);
    const monthly = await get('/api/figures/monthly?country=IRQ&from=2016-11-01');
    assert.deepEqual(
      monthly.body.items.map((m: { month: string; displaced: number }) => [m.month, m.displaced]),
      [['2016-11', 63600]],
    );
  });

  test('bad parameters and unknown ids get a 4xx naming what was wrong', async () => {
    const bad = await get('/api/events?hazard=meteor');
    assert.equal(bad.status, 400);
    assert.match(bad.body.error.message, /hazard/);
    assert.equal((await get('/api/events/e000000000000')).status, 404);
    assert.equal((await get('/api/events/not-an-id')).status, 400);
    assert.equal((await get('/api/claims?term_class=people')).status, 400);
    assert.match((await get('/api/claims?cursor=zzz')).body.error.message, /cursor/);
    assert.equal((await get('/api/claims/c000000000000')).status, 404);
  });
});
