import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { describeEachEngine } from '../store/test-engines.js';
import { factA, factB, seedArticle, TEXT_A, TEXT_B } from '../store/test-fixtures.js';
import { buildApp } from './app.js';

describeEachEngine('API', (store) => {
  let app: FastifyInstance;
  let token = '';
  let articleA = 0;

  before(async () => {
    app = await buildApp({
      store: store(),
      version: 'test',
      addFeed: async (url) => {
        const r = await store().sources.add(url);
        return { id: r.source.id, url: r.source.url, created: r.created };
      },
    });
    articleA = await seedArticle(store(), TEXT_A, [factA()]);
    await seedArticle(store(), TEXT_B, [factB()]);
    token = (await store().tokens.create('tester', 'admin')).token;
  });

  const get = async (url: string) => {
    const r = await app.inject({ method: 'GET', url });
    return {
      status: r.statusCode,
      body: r.headers['content-type']?.toString().includes('json') ? r.json() : r.body,
      headers: r.headers,
    };
  };

  test('health', async () => {
    const r = await get('/api/health');
    assert.equal(r.status, 200);
    assert.equal(r.body.status, 'ok');
    assert.equal(r.body.articles.extracted, 2);
  });

  test('facts: filters, pagination and validation', async () => {
    assert.equal((await get('/api/facts')).body.items.length, 2);
    const fre = await get('/api/facts?country=fre&term=displaced&min=1000&from=2024-01-01&to=2024-12-31');
    assert.equal(fre.status, 200);
    assert.deepEqual(
      fre.body.items.map((f: { country: string }) => f.country),
      ['FRE'],
    );
    const page = await get('/api/facts?limit=1&sort=-figure');
    assert.equal(page.body.items[0].figure, 40000);
    const next = await get(`/api/facts?limit=1&sort=-figure&cursor=${page.body.next}`);
    assert.equal(next.body.items[0].figure, 12500);
    assert.equal(next.body.next, null);
    for (const [url, re] of [
      ['/api/facts?limit=9999', /limit/],
      ['/api/facts?term=exploded', /term="exploded" is not one of/],
      ['/api/facts?from=2024-02-31', /"from" must be a date, YYYY-MM-DD/],
      ['/api/facts?bogus=1', /unknown parameter "bogus"/],
      ['/api/facts?cause=aliens', /cause/],
      ['/api/facts?cursor=zzz', /cursor/],
      ['/api/facts?min=-5', /min/],
    ] as const) {
      const r = await get(url);
      assert.equal(r.status, 400, url);
      assert.match(r.body.error.message, re, url);
    }
  });

  test('facts as map points: the same facts, sort and pages as /api/facts, reduced to their circles', async () => {
    for (const query of ['', '?country=fre', '?term=displaced&sort=-figure', '?sort=id']) {
      const full = await get(`/api/facts${query}`);
      const points = await get(`/api/facts/points${query}`);
      assert.equal(points.status, 200, query);
      assert.deepEqual(
        points.body.items,
        full.body.items.map(
          (f: {
            id: number;
            term: string;
            figure: number | null;
            people: { count: number } | null;
            country: string | null;
            location: { lat: number | null; lon: number | null } | null;
          }) => ({
            id: f.id,
            term: f.term,
            figure: f.figure,
            people: f.people?.count ?? null,
            country: f.country,
            lat: f.location?.lat ?? null,
            lon: f.location?.lon ?? null,
          }),
        ),
        query,
      );
    }
    // The map's default: largest first.
    const largest = await get('/api/facts/points?limit=1');
    assert.equal(largest.body.items[0].figure, 40000);
    assert.ok(largest.body.items[0].lat !== null && largest.body.items[0].lon !== null, 'placed');
    const next = await get(`/api/facts/points?limit=1&cursor=${largest.body.next}`);
    assert.equal(next.body.items[0].figure, 12500);
    assert.equal(next.body.next, null);
    for (const [url, re] of [
      ['/api/facts/points?fields=id', /unknown parameter "fields"/],
      ['/api/facts/points?limit=2001', /limit/],
      ['/api/facts/points?term=exploded', /term="exploded" is not one of/],
      ['/api/facts/points?cursor=zzz', /cursor/],
    ] as const) {
      const r = await get(url);
      assert.equal(r.status, 400, url);
      assert.match(r.body.error.message, re, url);
    }
  });

  test('one fact and one article, with evidence and spans; unknown ids are 404', async () => {
    const list = await get('/api/facts?country=RUR');
    const id = list.body.items[0].id;
    const fact = await get(`/api/facts/${id}`);
    assert.equal(fact.body.evidence, TEXT_A);
    assert.equal(fact.body.locations[0].name, 'Northtown');
    assert.equal(fact.body.article.id, articleA);
    const article = await get(`/api/articles/${articleA}`);
    assert.equal(article.body.text, TEXT_A);
    const [s, e] = article.body.facts[0].quantity_span;
    assert.equal(article.body.text.slice(s, e), '12,500');
    assert.equal((await get('/api/facts/999999')).status, 404);
    assert.equal((await get('/api/articles/999999')).body.error.code, 'NOT_FOUND');
    assert.equal((await get('/api/articles/abc')).status, 400);
    assert.equal((await get('/api/nothing')).status, 404);
    assert.equal((await get('/api/articles?limit=1')).body.items.length, 1);
  });

  test('countries and time series', async () => {
    const c = await get('/api/countries');
    assert.deepEqual(c.body.items.map((i: { country: string }) => i.country).sort(), ['FRE', 'RUR']);
    const t = await get('/api/timeseries?interval=week&term=forced_to_flee');
    assert.deepEqual(t.body.items, [
      {
        period: '2024-02-19',
        term: 'forced_to_flee',
        stock_or_flow: 'flow',
        facts: 1,
        max_people: 12500,
        sum_people: 12500,
      },
    ]);
    assert.equal((await get('/api/timeseries?interval=year')).status, 400);
  });

  test('writes need a valid bearer token', async () => {
    const body = { url: 'https://feeds.example.org/atom.xml' };
    const none = await app.inject({ method: 'POST', url: '/api/feeds', payload: body });
    assert.equal(none.statusCode, 401);
    assert.match(none.json().error.message, /bearer token/);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/feeds',
      payload: body,
      headers: { authorization: 'Bearer nope' },
    });
    assert.equal(bad.statusCode, 401);
    const ok = await app.inject({
      method: 'POST',
      url: '/api/feeds',
      payload: body,
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(ok.statusCode, 201);
    const again = await app.inject({
      method: 'POST',
      url: '/api/feeds',
      payload: body,
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(again.statusCode, 200);
    const badJson = await app.inject({
      method: 'POST',
      url: '/api/feeds',
      payload: '{"url":',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });
    assert.equal(badJson.statusCode, 400);
    const del = await app.inject({
      method: 'DELETE',
      url: `/api/feeds/${ok.json().id}`,
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(del.statusCode, 204);
    const del2 = await app.inject({
      method: 'DELETE',
      url: `/api/feeds/${ok.json().id}`,
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(del2.statusCode, 404);
  });

  test('exports: CSV with HXL row, XLSX, GeoJSON, JSONL', async () => {
    const csv = await get('/api/export?format=csv&term=displaced');
    assert.equal(csv.status, 200);
    assert.ok((csv.body as string).startsWith('\uFEFF'), 'a BOM for Excel');
    const lines = (csv.body as string).slice(1).trim().split('\r\n');
    assert.equal(lines.length, 3);
    assert.match(
      lines[1]!,
      /#country\+code,#adm1\+name,#adm1\+code,#loc\+name,#geo\+lat,#geo\+lon,#indicator\+term,#indicator\+num/,
    );
    assert.match(lines[1]!, /#affected\+displaced\+ind/);
    assert.match(lines[1]!, /#meta\+source,#meta\+url/);
    assert.match(lines[2]!, /FRE,East,,Eastport,-3.5,35.75,displaced,40000/);
    const xlsx = await app.inject({ url: '/api/export?format=xlsx&country=RUR' });
    assert.equal(xlsx.statusCode, 200);
    assert.equal(
      xlsx.headers['content-type'],
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    assert.match(String(xlsx.headers['content-disposition']), /dmon-facts\.xlsx/);
    assert.equal(xlsx.rawPayload.subarray(0, 2).toString('latin1'), 'PK');
    const geo = JSON.parse((await app.inject({ url: '/api/export?format=geojson' })).body);
    assert.equal(geo.type, 'FeatureCollection');
    assert.equal(geo.features.length, 2);
    assert.deepEqual(
      geo.features.find((f: { properties: { country: string } }) => f.properties.country === 'RUR').geometry
        .coordinates,
      [20.25, 10.5],
    );
    const jsonl = (await app.inject({ url: '/api/export?format=jsonl&country=RUR' })).body.trim().split('\n');
    assert.equal(JSON.parse(jsonl[0]!).figure, 12500);
    assert.equal((await get('/api/export?format=xls')).status, 400);
    assert.match((await get('/api/export')).body.error.message, /format/);
  });

  test('CORS is off unless origins are configured', async () => {
    const off = await app.inject({ url: '/api/health', headers: { origin: 'https://dash.example.org' } });
    assert.equal(off.headers['access-control-allow-origin'], undefined);
    const withCors = await buildApp(
      { store: store(), version: 'test' },
      { corsOrigins: ['https://dash.example.org'] },
    );
    const on = await withCors.inject({ url: '/api/health', headers: { origin: 'https://dash.example.org' } });
    assert.equal(on.headers['access-control-allow-origin'], 'https://dash.example.org');
    const other = await withCors.inject({
      url: '/api/health',
      headers: { origin: 'https://evil.example.com' },
    });
    assert.equal(other.headers['access-control-allow-origin'], undefined);
    await withCors.close();
  });

  test('OpenAPI document lists the routes', async () => {
    const doc = await get('/api/openapi.json');
    assert.equal(doc.status, 200);
    for (const p of [
      '/api/facts',
      '/api/facts/{id}',
      '/api/articles',
      '/api/articles/{id}',
      '/api/countries',
      '/api/timeseries',
      '/api/export',
      '/api/health',
    ])
      assert.ok(doc.body.paths[p], p);
    assert.ok(doc.body.paths['/api/articles'].post.security);
  });
});
