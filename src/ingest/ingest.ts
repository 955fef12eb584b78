// The ingest path: fetch → document → dedup → queue extraction → store. Feeds, URLs, files
// and texts come in here; the job queue (behind the store) carries the work to the handlers.
// The CLI commands and the API call this; nothing here prints.
import { BatchOriginals } from '../dedup/batchOriginals.js';
import { canonicalUrl, fingerprint, type Fingerprint } from '../dedup/index.js';
import { documentFromRecord } from '../document/fromRecord.js';
import { DmonError } from '../errors.js';
import type { JobQueue, QueueOptions } from '../jobs/queue.js';
import { runWorker, type WorkerEvent, type WorkerSummary } from '../jobs/worker.js';
import { log, type Logger } from '../log.js';
import type { Store } from '../store/index.js';
import type { IngestDeps } from './deps.js';
import { makeHandlers } from './handlers.js';
import { StoreHostGate } from './hostGate.js';
import { RobotsRules } from './robots.js';
import { BatchConflict, BatchWrites } from './batchWrites.js';
import { storeDocument } from './storeDocument.js';
import { CLUSTER_JOB } from './clusterLater.js';
import {
  extractJobKey,
  fetchJobKey,
  type FetchPayload,
  type IncomingDocument,
  type StoredDocument,
  type SubmitInput,
  type SubmitResult,
} from './types.js';

/**
 * Extract jobs run in batches of this many: their facts are written in one transaction, with
 * the marks that queue the clustering job (clusterLater.ts).
 */
export const EXTRACT_BATCH = 256;

export interface IngestOptions {
  /** Least gap between two requests to one host, across all workers (default 1000 ms). */
  hostDelayMs?: number;
  /** Read and obey each site's robots.txt (default true). */
  robots?: boolean;
  queue?: QueueOptions;
  /** Where the ingest path and its worker log (default the process's logger). */
  log?: Logger;
}

/** How a queued fetch stands after a run. */
export interface FetchOutcome {
  jobId: number;
  /** done: fetched and stored; failed: given up; waiting: failed for now, retried at `retryAt`. */
  status: 'done' | 'failed' | 'waiting';
  error: string | null;
  retryAt: number | null;
}

export interface RunOptions {
  concurrency?: number;
  drain?: boolean;
  signal?: AbortSignal;
  kinds?: string[];
  onEvent?: (e: WorkerEvent) => void;
  maxRetryWaitMs?: number;
  /** Sleep between polls of an empty queue (default 250 ms; new jobs wake the worker sooner). */
  idleMs?: number;
  /** Delete finished jobs older than this (default 7 days; 0 keeps them). */
  keepDoneMs?: number;
  /** Extract jobs per batch (default EXTRACT_BATCH; 1 = one at a time). */
  batchSize?: number;
}

/** Validates a feed or article URL (http/https, parseable); throws a DmonError naming it. */
export function checkUrl(url: string): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new DmonError(
      'USAGE',
      `${JSON.stringify(url.slice(0, 200))} is not a URL; give an absolute http(s):// address.`,
    );
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new DmonError(
      'FETCH_REFUSED',
      `${url}: only http and https URLs can be fetched (got ${u.protocol})`,
    );
  return u;
}

/** Originals whose figures one import keeps for its later batches (a few MB of short strings). */
const MAX_KNOWN_FIGURES = 100_000;

export class Ingest {
  readonly queue: JobQueue;
  private readonly handlers;
  private readonly log: Logger;
  private readonly baseLog: Logger;

  constructor(
    readonly store: Store,
    readonly deps: IngestDeps,
    options: IngestOptions = {},
  ) {
    this.queue = store.queue(options.queue);
    this.baseLog = options.log ?? log();
    this.log = this.baseLog.child({ component: 'ingest' });
    const gate = new StoreHostGate(store.hosts, options.hostDelayMs ?? 1000);
    this.handlers = makeHandlers({
      store,
      queue: this.queue,
      deps,
      gate,
      robots: options.robots === false ? null : new RobotsRules(deps.fetch, gate, this.log),
      log: this.log,
    });
  }

  async addFeed(url: string, intervalS?: number): Promise<{ id: number; url: string; created: boolean }> {
    checkUrl(url);
    // A private address is refused now, not at the first poll; a feed already stored passes
    // (so re-adding one that an allow-list once permitted still answers "already there").
    if (!(await this.store.sources.getByUrl(url))) await this.deps.checkTarget(url);
    const r = await this.store.sources.add(url, { intervalS });
    return { id: r.source.id, url: r.source.url, created: r.created };
  }

  /** Queues a URL to fetch; a URL already stored adds nothing, one already queued is reported queued. */
  async queueUrl(url: string, extra: Omit<FetchPayload, 'url'> = {}): Promise<SubmitResult> {
    checkUrl(url);
    const canonical = canonicalUrl(url);
    const known = await this.store.articles.findByUrl(canonical);
    if (known && known.status !== 'failed')
      return { status: 'exists', article_id: known.id, job_id: null, duplicate_of: known.duplicate_of };
    const key = known ? `${fetchJobKey(canonical)}:retry:${Date.now()}` : fetchJobKey(canonical);
    const job = await this.queue.enqueue('fetch', { url, ...extra } satisfies FetchPayload, { key });
    return { status: 'queued', article_id: known?.id ?? null, job_id: job.id };
  }

  /** Stores a document given as text (import, API) and queues its extraction. */
  addDocument(doc: IncomingDocument): Promise<StoredDocument> {
    return storeDocument(this.store, this.queue, this.deps.extractorVersion, doc);
  }

  /**
   * Stores several documents in one transaction, each exactly as addDocument would, in order
   * (a later one sees the earlier ones, so a copy inside the batch is found). A document that
   * is refused on its own (a DmonError: no text, a bad URL) gets its error in its place and
   * the others are stored; any other failure rolls the batch back and is thrown.
   * `figures`, kept by the caller across the batches of one import, holds the figures of the
   * originals earlier batches stored or compared (by id, added once a batch has committed), so
   * that a later batch reads a candidate's text only when its figures are the document's.
   */
  async addDocuments(
    docs: IncomingDocument[],
    figures?: Map<number, string>,
  ): Promise<(StoredDocument | DmonError)[]> {
    try {
      return await this.storeBatch(docs, true, figures);
    } catch (e) {
      // Another writer stored one of its new rows meanwhile: again, one row at a time.
      if (!(e instanceof BatchConflict)) throw e;
      return this.storeBatch(docs, false, figures);
    }
  }

  private async storeBatch(
    docs: IncomingDocument[],
    deferred: boolean,
    figures?: Map<number, string>,
  ): Promise<(StoredDocument | DmonError)[]> {
    let learned: ReadonlyMap<number, string> | undefined;
    const out = await this.store.transaction(async (tx) => {
      const queue = tx.queue();
      const out: (StoredDocument | DmonError)[] = [];
      // One originals index for the batch: the SimHash candidates of all its documents in one
      // query, the documents it stores added as they are (src/dedup/batchOriginals.ts).
      const fps: (Fingerprint | undefined)[] = [];
      const fingerprintOf = (i: number) => (fps[i] ??= fingerprint(docs[i]!.text));
      let current = 0;
      const originals = new BatchOriginals(
        tx.articles,
        () => docs.flatMap((d, i) => (i >= current && d.text.trim() ? [fingerprintOf(i)] : [])),
        figures,
      );
      learned = originals.learnedFigures();
      // New articles and their jobs written together at the end (src/ingest/batchWrites.ts).
      const writes = deferred
        ? await BatchWrites.open(
            tx,
            queue,
            this.deps.extractorVersion,
            originals,
            docs.flatMap((d) => {
              if (!d.url) return [];
              try {
                return [canonicalUrl(d.url)];
              } catch {
                return []; // refused with its own error below
              }
            }),
          )
        : undefined;
      for (const [i, doc] of docs.entries()) {
        current = i;
        try {
          out.push(
            await storeDocument(tx, queue, this.deps.extractorVersion, doc, {
              originals,
              fingerprint: () => fingerprintOf(i),
              writes,
            }),
          );
        } catch (e) {
          if (!(e instanceof DmonError)) throw e;
          out.push(e);
        }
      }
      if (!writes) return out;
      await writes.flush();
      return out.map((r) => (r instanceof DmonError ? r : writes.resolve(r)));
    });
    // Committed: what this batch learned holds for the next ones (a batch rolled back adds nothing).
    if (figures && learned) {
      if (figures.size > MAX_KNOWN_FIGURES) figures.clear();
      for (const [id, f] of learned) figures.set(id, f);
    }
    return out;
  }

  /** POST /api/articles and the CLI: a URL to fetch or a text to store. */
  async submit(input: SubmitInput): Promise<SubmitResult> {
    if (input.text !== undefined) {
      // The record rules every other entry follows: http(s) URL, a real date, a language code.
      const doc = documentFromRecord({ ...input }, 'the submitted text', 'USAGE');
      if (doc instanceof DmonError) throw doc;
      const r = await this.addDocument({ ...doc, origin: 'api' });
      return { status: r.status, article_id: r.articleId, job_id: r.jobId, duplicate_of: r.duplicateOf };
    }
    if (input.url) return this.queueUrl(input.url);
    throw new DmonError('USAGE', 'give a "url" to fetch or a "text" to read');
  }

  /** Queues a poll of every feed that is due (or of all feeds with `all`). */
  async scheduleFeeds(options: { all?: boolean } = {}): Promise<number> {
    const due = options.all ? await this.store.sources.list() : await this.store.sources.due();
    let n = 0;
    for (const s of due) {
      const r = await this.queue.enqueue(
        'poll',
        { sourceId: s.id },
        { key: `poll:${s.id}:${options.all ? Date.now() : s.next_poll_at}`, maxAttempts: 2 },
      );
      if (r.created) n++;
    }
    return n;
  }

  /** Queues extraction again for articles extracted by another extractor version (or never). */
  async queueReextraction(): Promise<number> {
    const version = this.deps.extractorVersion;
    let n = 0;
    for (const id of await this.store.articles.idsToExtract(version))
      if (
        (await this.queue.enqueue('extract', { articleId: id }, { key: extractJobKey(id, version) })).created
      )
        n++;
    return n;
  }

  /** Where queued fetches stand, so a caller can report each failure instead of a silent wait. */
  async fetchOutcomes(jobIds: number[]): Promise<FetchOutcome[]> {
    const states = await this.queue.states(jobIds);
    return jobIds.map((jobId) => {
      const s = states.get(jobId);
      if (!s || s.status === 'done') return { jobId, status: 'done', error: null, retryAt: null };
      if (s.status === 'failed') return { jobId, status: 'failed', error: s.last_error, retryAt: null };
      return { jobId, status: 'waiting', error: s.last_error, retryAt: s.run_after };
    });
  }

  /** Runs queued jobs (fetch, poll, extract, cluster) until stopped, or until none is left with `drain`. */
  run(options: RunOptions = {}): Promise<WorkerSummary> {
    return runWorker(this.queue, this.handlers.single, {
      idleMs: 250,
      log: this.baseLog,
      batchHandlers: this.handlers.batch,
      batchSize: EXTRACT_BATCH,
      // The clustering job runs once the extraction batches before it are done (clusterLater.ts).
      deferredKinds: [CLUSTER_JOB],
      ...options,
    });
  }
}
