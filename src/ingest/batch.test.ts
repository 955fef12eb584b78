// Batched import and extraction store what one-at-a-time stores: the same corpus imported into
// two fresh stores, one with one document per transaction and one extract job at a time, the
// other in batches, gives the same rows in every table the ingest path writes (articles,
// facts, places, claims, events, jobs), compared as a hash of their contents with surrogate
// ids replaced by what they point at and write times left out.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { importPaths } from '../cli/commands/import.js';
import { queryBuilderForTests, type Store } from '../store/index.js';
import { createTestDatabase, ENGINES, openTestStore, type TestDatabase } from '../store/test-engines.js';
import { CLUSTER_JOB } from './clusterLater.js';
import { Ingest } from './ingest.js';
import { createDeps } from './wiring.js';

const PLACES = ['Mosul', 'Aleppo', 'Sylhet', 'Cebu', 'Beira', 'Kherson', 'Maiduguri', 'Port-au-Prince'];
const CAUSES = ['floods', 'fighting', 'a cyclone', 'an earthquake', 'landslides'];

/** News-like records: distinct reports, exact copies, near copies (a dateline and a footer added),
 * copies under a URL, the same URL twice, and one record without text. */
function corpus(): object[] {
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(a: T[]) => a[Math.floor(rand() * a.length)]!;
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < 70; i++) {
    const place = pick(PLACES);
    const month = 1 + Math.floor(rand() * 12);
    const text =
      `${pick(CAUSES)} forced ${(200 + Math.floor(rand() * 50_000)).toLocaleString('en')} people from their homes in ${place} ` +
      `on ${1 + Math.floor(rand() * 27)} ${new Date(Date.UTC(2024, month - 1, 1)).toLocaleString('en', { month: 'long' })} 2024, officials said. ` +
      `About ${(10 + Math.floor(rand() * 900)).toLocaleString('en')} families are sheltering in schools near ${pick(PLACES)}, ` +
      `and ${Math.floor(rand() * 300)} houses were destroyed, according to report number ${i}. ` +
      'Aid agencies said roads to the area remained cut and that more rain was expected over the coming days.';
    const record: Record<string, unknown> = {
      id: `r${i}`,
      title: `Report ${i}`,
      published: `2024-${String(month).padStart(2, '0')}-20`,
      text: text.charAt(0).toUpperCase() + text.slice(1),
    };
    if (i % 5 === 0) record.url = `https://news.example.org/story/${i}`;
    out.push(record);
    if (i % 7 === 3) out.push({ ...record, id: `r${i}-copy`, url: undefined });
    if (i % 9 === 4)
      out.push({
        ...record,
        id: `r${i}-near`,
        url: `https://mirror.example.net/${i}`,
        text: `${place.toUpperCase()} (Wire) - ${String(record.text)} Reporting by the wire desk.`,
      });
    if (i % 11 === 6) out.push({ ...record, id: `r${i}-again` });
  }
  out.push({ id: 'empty', text: '   ' });
  return out;
}

/** A hash of every row the ingest path writes, independent of ids and write times. */
async function rowsHash(store: Store): Promise<{ hash: string; counts: Record<string, number> }> {
  const db = queryBuilderForTests(store);
  const articles = await db.selectFrom('articles').selectAll().execute();
  const art = new Map(articles.map((a) => [a.id, a.external_id ?? a.url ?? a.content_hash]));
  const facts = await db.selectFrom('facts').selectAll().execute();
  const fact = new Map(facts.map((f) => [f.id, `${art.get(f.article_id)}#${f.ordinal}`]));
  const places = await db.selectFrom('places').selectAll().execute();
  const claims = await db.selectFrom('claims').selectAll().execute();
  const links = await db.selectFrom('claim_facts').selectAll().execute();
  const events = await db.selectFrom('events').selectAll().execute();
  const eventCountries = await db.selectFrom('event_countries').selectAll().execute();
  // How many clustering jobs run depends on timing (one is queued only when none waits, and it
  // may start while batches still mark articles: src/ingest/clusterLater.ts); what they build is
  // compared through claims and events.
  const jobs = (await db.selectFrom('jobs').select(['kind', 'key', 'status', 'payload']).execute()).filter(
    (j) => j.kind !== CLUSTER_JOB,
  );
  const canon = (o: Record<string, unknown>) =>
    JSON.stringify(
      Object.fromEntries(
        Object.entries(o)
          .filter(([k]) => !/(^id$|_at$)/.test(k))
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, v]) => [k, typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(9) : v]),
      ),
    );
  const tables: Record<string, string[]> = {
    articles: articles.map((a) =>
      canon({ ...a, key: art.get(a.id), duplicate_of: a.duplicate_of && art.get(a.duplicate_of) }),
    ),
    facts: facts.map((f) => canon({ ...f, key: fact.get(f.id), article_id: art.get(f.article_id) })),
    places: places.map((p) =>
      canon({ ...p, fact_id: fact.get(p.fact_id), article_id: art.get(p.article_id) }),
    ),
    claims: claims.map((c) => canon({ ...c, key: c.id, lead_fact_id: fact.get(c.lead_fact_id) })),
    claim_facts: links.map((l) =>
      canon({ ...l, fact_id: fact.get(l.fact_id), article_id: art.get(l.article_id) }),
    ),
    events: events.map((e) => canon({ ...e, key: e.id })),
    event_countries: eventCountries.map((e) => canon(e)),
    // Job keys and payloads name article ids: map them to the articles' keys. A clustering
    // job's key is random (src/ingest/clusterLater.ts).
    jobs: jobs.map((j) =>
      canon({
        ...j,
        key: j.key
          .replace(/^extract:(\d+)/, (_, id: string) => `extract:${art.get(Number(id))}`)
          .replace(/^cluster:.*/, 'cluster'),
        payload: j.payload.replace(
          /"articleId":(\d+)/,
          (_, id: string) => `"articleId":"${art.get(Number(id))}"`,
        ),
      }),
    ),
  };
  const h = createHash('sha256');
  const counts: Record<string, number> = {};
  for (const [name, rows] of Object.entries(tables)) {
    counts[name] = rows.length;
    h.update(`${name}\n${rows.sort().join('\n')}\n`);
  }
  return { hash: h.digest('hex'), counts };
}

for (const engine of ENGINES) {
  describe(`batched import and extraction [${engine}]`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'dmon-batch-'));
    const file = join(dir, 'corpus.jsonl');
    const dbs: TestDatabase[] = [];
    const stores: Store[] = [];
    before(async () => {
      writeFileSync(
        file,
        corpus()
          .map((r) => JSON.stringify(r))
          .join('\n') + '\n',
      );
      for (let i = 0; i < 2; i++) {
        dbs.push(await createTestDatabase(engine));
        stores.push(await openTestStore(dbs[i]!));
      }
    });
    after(async () => {
      for (const s of stores) await s.close();
      for (const d of dbs) await d.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    test('the same rows as one document and one extract job at a time', { timeout: 300_000 }, async () => {
      const run = async (store: Store, batchSize: number) => {
        const ingest = new Ingest(store, createDeps({ fetchAllow: [] }), { hostDelayMs: 0 });
        const counts = await importPaths(ingest, [file], { batchSize });
        const summary = await ingest.run({ drain: true, batchSize, concurrency: 1 });
        return { counts, summary };
      };
      const one = await run(stores[0]!, 1);
      const batched = await run(stores[1]!, 16);
      assert.deepEqual(batched.counts, one.counts);
      assert.equal(one.counts.skipped, 1, 'the record without text');
      assert.ok(one.counts.duplicates >= 5, `near copies found (${one.counts.duplicates})`);
      assert.ok(one.counts.exists >= 10, `exact copies and repeats found (${one.counts.exists})`);
      const clusterJobs = async (store: Store) =>
        (
          await queryBuilderForTests(store)
            .selectFrom('jobs')
            .select('id')
            .where('kind', '=', CLUSTER_JOB)
            .where('status', '=', 'done')
            .execute()
        ).length;
      const withoutClustering = async (store: Store, s: typeof one.summary) => ({
        ...s,
        done: s.done - (await clusterJobs(store)),
      });
      assert.deepEqual(
        await withoutClustering(stores[1]!, batched.summary),
        await withoutClustering(stores[0]!, one.summary),
      );
      const [a, b] = [await rowsHash(stores[0]!), await rowsHash(stores[1]!)];
      assert.ok(a.counts.facts! >= 100, `facts extracted (${a.counts.facts})`);
      assert.ok(a.counts.claims! > 0 && a.counts.events! > 0, 'claims and events built');
      assert.deepEqual(b.counts, a.counts);
      assert.equal(b.hash, a.hash);
    });
  });
}
