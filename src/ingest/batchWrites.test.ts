// A batch of documents stored with its writes deferred (Ingest.addDocuments: the new articles
// and their jobs in one statement each) gives exactly what storing each document on its own
// gives: the same outcome for each, the same article and job rows with the same ids, on both
// engines; copies of documents earlier in the same batch, a URL given twice, a failed URL
// filled in, texts already stored, and records refused on their own included. A batch whose
// new row meets one stored meanwhile is stored again one document at a time.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DmonError } from '../errors.js';
import { queryBuilderForTests, type Store } from '../store/index.js';
import { Articles } from '../store/queries/articles.js';
import { createTestDatabase, ENGINES, openTestStore, type TestDatabase } from '../store/test-engines.js';
import { Ingest } from './ingest.js';
import { recordFailedUrl } from './storeDocument.js';
import type { IncomingDocument, StoredDocument } from './types.js';
import { createDeps } from './wiring.js';

function report(i: number): string {
  return (
    `Floods forced ${1000 + i * 37} people from their homes in district ${i} on ${1 + (i % 27)} March 2024, ` +
    `officials said. About ${100 + i} families are sheltering in ${3 + (i % 5)} schools, and ${i * 3} houses ` +
    `were destroyed, according to report number ${i}. Aid agencies said roads to the area remained cut.`
  );
}

/** Distinct reports, with and without URLs, and every way a document can repeat another. */
function corpus(): IncomingDocument[] {
  const docs: IncomingDocument[] = [];
  const doc = (d: Partial<IncomingDocument> & { text: string }): IncomingDocument => ({
    origin: 'import',
    title: `t${docs.length}`,
    published: '2024-03-20',
    lang: 'en',
    externalId: `x${docs.length}`,
    ...d,
  });
  for (let i = 0; i < 40; i++) {
    const url = i % 3 === 0 ? `https://news.example.org/${i}` : null;
    docs.push(doc({ url, text: report(i) }));
    if (i % 4 === 1) docs.push(doc({ text: report(i) })); // exact copy, no URL: exists
    if (i % 5 === 2) docs.push(doc({ url: `https://mirror.example.net/${i}`, text: report(i) })); // copy under a URL
    if (i % 6 === 3)
      docs.push(
        doc({ url: `https://wire.example.com/${i}`, text: `WIRE - ${report(i)} Reporting by the desk.` }),
      );
    if (i % 7 === 4) docs.push(doc({ text: `${report(i)} More later.` })); // near copy, no URL
    if (i % 9 === 0 && url) docs.push(doc({ url: `${url}?utm_source=x`, text: report(i + 100) })); // same URL again
  }
  docs.push(doc({ text: '   ' }));
  docs.push(doc({ url: 'ftp://nowhere.example/1', text: report(500) }));
  docs.push(doc({ url: 'https://failed.example.org/a', text: report(501) })); // fills in a failed URL
  docs.push(doc({ url: 'https://before.example.org/b', text: report(502) })); // stored before
  docs.push(doc({ text: report(503) })); // stored before, no URL
  return docs;
}

type Outcome = StoredDocument | { error: string };

async function seed(store: Store, ingest: Ingest): Promise<void> {
  await recordFailedUrl(store, 'https://failed.example.org/a', 'HTTP 500', 500, null);
  await ingest.addDocument({ origin: 'import', url: 'https://before.example.org/b', text: report(502) });
  await ingest.addDocument({ origin: 'import', text: report(503) });
}

async function rows(store: Store) {
  const db = queryBuilderForTests(store);
  const articles = await db.selectFrom('articles').selectAll().orderBy('id').execute();
  const jobs = await db.selectFrom('jobs').selectAll().orderBy('id').execute();
  const marks = await db.selectFrom('cluster_marks').select('article_id').execute();
  // A copy marks its original for the clustering job (src/ingest/clusterLater.ts), queued with
  // a random key where the copy was met: the other jobs are compared in order, and the marks.
  return {
    articles: articles.map(({ created_at: _c, ...a }) => a),
    jobs: jobs
      .filter((j) => j.kind !== 'cluster')
      .map(({ created_at: _c, run_after: _r, id: _i, ...j }, rank) => ({ rank, ...j })),
    clusterJobs: jobs.filter((j) => j.kind === 'cluster').map((j) => j.status),
    marked: [...new Set(marks.map((m) => m.article_id))].sort((a, b) => a - b),
  };
}

for (const engine of ENGINES) {
  describe(`deferred writes of a batch [${engine}]`, () => {
    const dbs: TestDatabase[] = [];
    const stores: Store[] = [];
    before(async () => {
      for (let i = 0; i < 3; i++) {
        dbs.push(await createTestDatabase(engine));
        stores.push(await openTestStore(dbs[i]!));
      }
    });
    after(async () => {
      for (const s of stores) await s.close();
      for (const d of dbs) await d.drop();
    });

    const ingestOf = (store: Store) => new Ingest(store, createDeps({ fetchAllow: [] }), { hostDelayMs: 0 });
    const outcome = (r: StoredDocument | DmonError): Outcome =>
      r instanceof DmonError ? { error: r.code } : r;

    /** Each document on its own (no batch), as a fetch job stores one. */
    async function oneByOne(store: Store): Promise<Outcome[]> {
      const ingest = ingestOf(store);
      await seed(store, ingest);
      const out: Outcome[] = [];
      for (const d of corpus())
        try {
          out.push(await ingest.addDocument(d));
        } catch (e) {
          if (!(e instanceof DmonError)) throw e;
          out.push({ error: e.code });
        }
      return out;
    }

    async function batched(store: Store, size: number): Promise<Outcome[]> {
      const ingest = ingestOf(store);
      await seed(store, ingest);
      const docs = corpus();
      const out: Outcome[] = [];
      for (let i = 0; i < docs.length; i += size)
        out.push(...(await ingest.addDocuments(docs.slice(i, i + size))).map(outcome));
      return out;
    }

    let one: Outcome[] = [];
    test('the same outcomes and rows, ids included, as one document at a time', async () => {
      one = await oneByOne(stores[0]!);
      const many = await batched(stores[1]!, 23);
      assert.deepEqual(many, one);
      const statuses = new Set(one.map((o) => ('error' in o ? o.error : o.status)));
      for (const s of ['stored', 'duplicate', 'exists']) assert.ok(statuses.has(s), s);
      assert.equal(one.filter((o) => 'error' in o).length, 2, 'the empty text and the bad URL');
      assert.deepEqual(await rows(stores[1]!), await rows(stores[0]!));
    });

    test('a batch that meets a row stored meanwhile is stored again one document at a time', async () => {
      const insertMany = Articles.prototype.insertMany;
      let calls = 0;
      // The first two batches "meet" a row: their transactions roll back, then each is stored again.
      Articles.prototype.insertMany = function (this: Articles, articles) {
        return calls++ < 2 ? Promise.resolve(null) : insertMany.call(this, articles);
      };
      try {
        assert.deepEqual(await batched(stores[2]!, 23), one);
      } finally {
        Articles.prototype.insertMany = insertMany;
      }
      assert.ok(calls > 2);
      assert.deepEqual(await rows(stores[2]!), await rows(stores[0]!));
    });
  });
}
