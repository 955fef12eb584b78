// The writes of one batch of documents stored in one transaction (Ingest.addDocuments): the
// new articles and their extract jobs go to the store in one statement each when the batch ends,
// instead of one of each per document, and the batch's URLs are looked up in one query at its
// start. Until then a new article has a provisional id, above every real one and ascending in
// the order the documents came, so the batch's originals index (BatchOriginals) orders it where
// its real id will be. Anything that needs the store to be up to date (a document whose URL or
// text the batch has met before, a copy, a failed URL filled in, an article already stored)
// writes what is pending first, so every document still sees what the documents before it
// stored, as when each was written at once.
import type { BatchOriginals } from '../dedup/batchOriginals.js';
import type { JobQueue } from '../jobs/queue.js';
import type { Store } from '../store/index.js';
import type { ArticleSummary } from '../store/queries/articles.js';
import type { NewArticle } from '../store/schema.js';
import { extractJobKey, type StoredDocument } from './types.js';

/**
 * A new row of the batch met one the store already had (another writer stored the same URL or
 * text meanwhile, on PostgreSQL): the batch is rolled back and stored again document by document.
 */
export class BatchConflict extends Error {
  constructor() {
    super('a new article of the batch is already stored');
  }
}

/** Provisional ids start here, far above any real one. */
const PROVISIONAL = 2 ** 52;

export class BatchWrites {
  private next = PROVISIONAL;
  private nextJob = -1;
  private articles: { id: number; row: NewArticle }[] = [];
  private jobs: { articleId: number; id: number }[] = [];
  /** Provisional → real ids, of articles and of jobs. */
  private readonly ids = new Map<number, number>();
  private readonly jobIds = new Map<number, number>();
  /** URLs the batch has stored or changed: their rows are read from the store again. */
  private readonly touched = new Set<string>();

  private constructor(
    private readonly store: Store,
    private readonly queue: JobQueue,
    private readonly extractorVersion: string,
    private readonly originals: BatchOriginals,
    private readonly known: Map<string, ArticleSummary>,
  ) {}

  /** `urls`: the canonical URLs of the batch's documents, looked up at once. */
  static async open(
    store: Store,
    queue: JobQueue,
    extractorVersion: string,
    originals: BatchOriginals,
    urls: string[],
  ): Promise<BatchWrites> {
    const known = urls.length ? await store.articles.findByUrls(urls) : new Map<string, ArticleSummary>();
    return new BatchWrites(store, queue, extractorVersion, originals, known);
  }

  /** The stored article with this canonical URL, as the store would answer now. */
  async findByUrl(url: string): Promise<ArticleSummary | null> {
    if (!this.touched.has(url)) return this.known.get(url) ?? null;
    await this.flush();
    return this.store.articles.findByUrl(url);
  }

  /** A row with this URL is written or changed by the batch. */
  touch(url: string | null | undefined): void {
    if (url) this.touched.add(url);
  }

  /** A new original, written later: its provisional id. */
  insert(row: NewArticle): number {
    const id = this.next++;
    this.articles.push({ id, row });
    this.touch(row.url);
    return id;
  }

  /** Its extract job, added later: a provisional (negative) job id. */
  enqueueExtract(articleId: number): number {
    const id = this.nextJob--;
    this.jobs.push({ articleId, id });
    return id;
  }

  /** An article's real id (that of a row already written, or given). */
  real(id: number): number {
    return this.ids.get(id) ?? id;
  }

  /** Writes what is pending: the articles (in order), then their jobs. */
  async flush(): Promise<void> {
    if (this.articles.length) {
      const pending = this.articles;
      this.articles = [];
      const ids = await this.store.articles.insertMany(pending.map((p) => p.row));
      if (!ids) throw new BatchConflict();
      const map = new Map(pending.map((p, k) => [p.id, ids[k]!]));
      for (const [from, to] of map) this.ids.set(from, to);
      this.originals.renumber(map);
    }
    if (this.jobs.length) {
      const pending = this.jobs;
      this.jobs = [];
      const added = await this.queue.enqueueMany(
        pending.map((j) => {
          const articleId = this.real(j.articleId);
          return {
            kind: 'extract',
            payload: { articleId },
            options: { key: extractJobKey(articleId, this.extractorVersion) },
          };
        }),
      );
      pending.forEach((j, k) => this.jobIds.set(j.id, added[k]!.id));
    }
  }

  /** A document's outcome with real ids (after the last flush). */
  resolve(doc: StoredDocument): StoredDocument {
    return {
      ...doc,
      articleId: this.real(doc.articleId),
      duplicateOf: doc.duplicateOf === null ? null : this.real(doc.duplicateOf),
      jobId: doc.jobId === null ? null : (this.jobIds.get(doc.jobId) ?? doc.jobId),
    };
  }
}
