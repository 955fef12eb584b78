// SQL injection and LIKE wildcards on every query parameter of every GET route (read from the
// app's own OpenAPI document): each answer is a 400 with the error shape, or exactly the answer
// a harmless value that matches nothing gets — the text was compared as text, never run. The
// substring filters read %, _ and \ literally (a search for "50%" finds "50%", "%" alone finds
// only texts holding a percent sign). The data and the tokens are intact afterwards. Both engines.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { describeEachEngine } from '../store/test-engines.js';
import { factA, factB, makeFact, TEXT_A, TEXT_B } from '../store/test-fixtures.js';
import { newArticle } from '../store/queries/articles.js';
import { resultFor } from '../store/test-fixtures.js';
import type { Store } from '../store/index.js';
import { buildApp } from './app.js';

const TEXT_C = "About 3,000 people, 50% of O'Brien_Hill \\ Ward, were evacuated after the dam broke.";

const INJECTIONS = [
  "' OR '1'='1",
  "' OR 1=1 --",
  '" OR ""="',
  '1; DROP TABLE facts; --',
  "'; DELETE FROM articles; --",
  "zz') UNION SELECT token_hash, name FROM tokens --",
  "1' AND SLEEP(5) --",
  '%',
  '_',
  '\\',
  '%%',
  "%' --",
  '[a-z]*',
  '$ne',
];
/** A value that matches nothing and means nothing to SQL: the oracle. */
const PLAIN = 'zzqxnomatch';

async function seed(store: Store, text: string, title: string, facts: ReturnType<typeof factA>[]) {
  const { id } = await store.articles.insert(
    newArticle({
      url: `https://news.example.org/inj/${encodeURIComponent(title)}`,
      title,
      published: '2024-03-04',
      language: 'en',
      origin: 'test',
      text,
      content_hash: `inj-${title}`,
    }),
  );
  await store.facts.replaceForArticle(id, resultFor(facts), 'test-1');
}

describeEachEngine('injection and wildcards in every filter', (store) => {
  let app: FastifyInstance;
  let token: string;
  let queryParams: [string, string][];

  before(async () => {
    app = await buildApp({ store: store(), version: 'test' });
    await seed(store(), TEXT_A, 'Floods in Ruritania', [factA()]);
    await seed(store(), TEXT_B, 'Fighting near Eastport', [factB()]);
    await seed(store(), TEXT_C, "Dam breaks: 50% of O'Brien_Hill \\ Ward evacuated", [
      makeFact(TEXT_C, {
        quantity: '3,000',
        termWord: 'evacuated',
        term: 'evacuated',
        figure: 3000,
        people: { count: 3000, household_size: null },
        cause: 'disaster',
        hazard: 'flood',
        country: 'RUR',
      }),
    ]);
    token = (await store().tokens.create('inj', 'admin')).token;
    const doc = (await app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>;
    };
    queryParams = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      const params = (ops.get?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      for (const p of params) queryParams.push([path, p]);
    }
  });

  const get = (url: string) =>
    app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

  test('every query parameter: a 400, or the answer a harmless non-matching value gets', async () => {
    assert.ok(queryParams.length > 50, `${queryParams.length} parameters found`);
    for (const [path, p] of queryParams) {
      const base = path === '/api/export' ? '/api/export?format=jsonl&' : `${path}?`;
      const plain = await get(`${base}${p}=${encodeURIComponent(PLAIN)}`);
      for (const v of INJECTIONS) {
        const url = `${base}${p}=${encodeURIComponent(v)}`;
        const r = await get(url);
        assert.ok(r.statusCode < 500, `${url}: ${r.statusCode} ${r.body.slice(0, 200)}`);
        assert.doesNotMatch(
          r.body,
          /\n\s+at .+:\d+:\d+|SQLITE_|syntax error|relation "/i,
          `${url} leaked internals`,
        );
        if (r.statusCode === 400) {
          assert.equal(typeof r.json().error.message, 'string', url);
          continue;
        }
        // The wildcard characters are real matches for the substring filters: checked below.
        if (p === 'q' && /^[%_\\]+$|^%' --$/.test(v)) continue;
        assert.equal(
          r.statusCode,
          plain.statusCode,
          `${url}: ${r.statusCode}, plain value ${plain.statusCode}`,
        );
        assert.equal(r.body, plain.body, `${url} answered differently from a value that matches nothing`);
      }
    }
  });

  test('the substring filters read %, _ and \\ literally', async () => {
    const facts = async (q: string) =>
      ((await get(`/api/facts?q=${encodeURIComponent(q)}`)).json().items as { figure: number }[]).map(
        (f) => f.figure,
      );
    const titles = async (q: string) =>
      ((await get(`/api/articles?q=${encodeURIComponent(q)}`)).json().items as { title: string }[]).map(
        (a) => a.title,
      );
    assert.equal((await get('/api/facts')).json().items.length, 3, 'three facts seeded');
    for (const q of ['%', '_', '\\', '50%', "O'Brien_Hill", 'brien_hill \\ ward'])
      assert.deepEqual(await facts(q), [3000], q);
    for (const q of ['5_%', '%%', '__', '50\\%', 'O%Hill', "%' --"]) assert.deepEqual(await facts(q), [], q);
    for (const q of ['%', '_', '\\', "O'Brien"])
      assert.deepEqual(await titles(q), ["Dam breaks: 50% of O'Brien_Hill \\ Ward evacuated"], q);
    for (const q of ['F_ghting', 'Flood%', '%Ruritania']) assert.deepEqual(await titles(q), [], q);
    const countries = (await get('/api/countries?q=%25')).json();
    assert.match(JSON.stringify(countries), /RUR/);
    assert.doesNotMatch(JSON.stringify(countries), /FRE/);
    const lines = (await get('/api/export?format=jsonl&q=_')).body.trim().split('\n').filter(Boolean);
    assert.equal(lines.length, 1);
  });

  test('the data and the tokens are intact afterwards', async () => {
    assert.equal((await get('/api/facts')).json().items.length, 3);
    assert.equal((await get('/api/articles')).json().items.length, 3);
    assert.deepEqual((await store().tokens.check(token))?.name, 'inj');
  });
});
