// The running monitor: ties ingestion (feeds, URLs, files, texts) to the job queue, the
// extractor and the store. The CLI commands and the API call this; nothing here prints.
import { DmonError } from '../errors.js';
import { HostDelay } from '../fetch/index.js';
import { JobQueue, type QueueOptions } from '../jobs/queue.js';
import { runWorker, type WorkerEvent, type WorkerSummary } from '../jobs/worker.js';
import type { SubmitInput, SubmitResult } from '../serve/context.js';
import type { Store } from '../store/index.js';
import type { IngestDeps } from './deps.js';
import { storeDocument, type IncomingDocument, type StoredDocument } from './documents.js';
import { fetchJobKey, makeHandlers, type FetchPayload } from './handlers.js';

export interface MonitorOptions {
  hostDelayMs?: number;
  queue?: QueueOptions;
}

export interface RunOptions {
  concurrency?: number;
  drain?: boolean;
  signal?: AbortSignal;
  kinds?: string[];
  onEvent?: (e: WorkerEvent) => void;
  maxRetryWaitMs?: number;
}

export class Monitor {
  readonly queue: JobQueue;
  private readonly handlers;

  constructor(
    readonly store: Store,
    readonly deps: IngestDeps,
    options: MonitorOptions = {},
  ) {
    this.queue = new JobQueue(store.db, store.engine, options.queue);
    this.handlers = makeHandlers({
      store,
      queue: this.queue,
      deps,
      gate: new HostDelay({ delayMs: options.hostDelayMs ?? 1000 }),
    });
  }

  /** Validates a feed or article URL (http/https, parseable) and returns its canonical form. */
  canonical(url: string): string {
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
    return this.deps.canonicalUrl(url);
  }

  async addFeed(url: string, intervalS?: number): Promise<{ id: number; url: string; created: boolean }> {
    this.canonical(url);
    const r = await this.store.sources.add(url, { intervalS });
    return { id: r.source.id, url: r.source.url, created: r.created };
  }

  /** Queues a URL to fetch; a URL already stored or queued adds nothing. */
  async queueUrl(url: string, extra: Omit<FetchPayload, 'url'> = {}): Promise<SubmitResult> {
    const canonical = this.canonical(url);
    const known = await this.store.articles.findByUrl(canonical);
    if (known && known.status !== 'failed')
      return { status: 'exists', article_id: known.id, job_id: null, duplicate_of: known.duplicate_of };
    const key = known ? `${fetchJobKey(canonical)}:retry:${Date.now()}` : fetchJobKey(canonical);
    const job = await this.queue.enqueue('fetch', { url, ...extra } satisfies FetchPayload, { key });
    return { status: job.created ? 'queued' : 'exists', article_id: known?.id ?? null, job_id: job.id };
  }

  /** Stores a document given as text (import, API) and queues its extraction. */
  addDocument(doc: IncomingDocument): Promise<StoredDocument> {
    return storeDocument(this.store, this.queue, this.deps, doc);
  }

  /** POST /api/articles: a URL to fetch or a text to store. */
  async submit(input: SubmitInput): Promise<SubmitResult> {
    if (input.text !== undefined) {
      const r = await this.addDocument({
        url: input.url ?? null,
        text: input.text,
        title: input.title,
        published: input.published,
        lang: input.lang,
        origin: 'api',
      });
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
    const rows = await this.store.db
      .selectFrom('articles')
      .select('id')
      .where('duplicate_of', 'is', null)
      .where('status', '!=', 'failed')
      .where((eb) =>
        eb.or([
          eb('extractor_version', 'is', null),
          eb('extractor_version', '!=', this.deps.extractorVersion),
        ]),
      )
      .execute();
    let n = 0;
    for (const { id } of rows)
      if (
        (
          await this.queue.enqueue(
            'extract',
            { articleId: id },
            { key: `extract:${id}:${this.deps.extractorVersion}` },
          )
        ).created
      )
        n++;
    return n;
  }

  /** Runs queued jobs (fetch, poll, extract) until stopped, or until none is left with `drain`. */
  run(options: RunOptions = {}): Promise<WorkerSummary> {
    return runWorker(this.queue, this.handlers, { idleMs: 250, ...options });
  }
}
