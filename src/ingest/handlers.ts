// The job handlers: fetch a URL, poll a feed, extract an article, cluster the marked articles
// into claims and events. Each is idempotent, so a job
// that runs again after a crash changes nothing that its first run already did.
import { canonicalUrl } from '../dedup/index.js';
import { DmonError, isDmonError } from '../errors.js';
import type { Job, JobQueue } from '../jobs/queue.js';
import {
  isRetryable,
  notBefore,
  type BatchHandler,
  type BatchOutcome,
  type JobHandler,
} from '../jobs/worker.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/index.js';
import type { ClusterResult } from '../store/queries/clustering.js';
import { CLUSTER_JOB, clusterLater } from './clusterLater.js';
import type { ExtractResult } from '../types.js';
import type { IngestDeps } from './deps.js';
import type { HostGate } from './hostGate.js';
import type { RobotsRules } from './robots.js';
import { recordFailedUrl, storeDocument } from './storeDocument.js';
import {
  fetchJobKey,
  type ExtractPayload,
  type FetchPayload,
  type PollPayload,
  type StoredDocument,
} from './types.js';

export interface HandlerContext {
  store: Store;
  queue: JobQueue;
  deps: IngestDeps;
  /** Turns per host, shared by all workers through the store. */
  gate: HostGate;
  /** robots.txt rules; null = not consulted. */
  robots: RobotsRules | null;
  log: Logger;
}

function isLastAttempt(job: Job, e: unknown): boolean {
  return job.attempts >= job.maxAttempts || !isRetryable(e);
}

export interface Handlers {
  single: Record<string, JobHandler>;
  batch: Record<string, BatchHandler>;
}

export function makeHandlers(ctx: HandlerContext): Handlers {
  const { store, queue, deps, gate, robots, log } = ctx;

  /** Waits for the host's turn (after robots.txt allows the URL), then fetches. */
  const politeFetch: IngestDeps['fetch'] = async (url, options) => {
    const verdict = robots ? await robots.check(url) : { crawlDelayMs: 0 };
    await gate.wait(url, verdict.crawlDelayMs);
    try {
      return await deps.fetch(url, options);
    } catch (e) {
      // A server that asks for a pause (429/503 Retry-After) gets it from every worker.
      const until = notBefore(e);
      if (until !== null) {
        log.info({ url, until: new Date(until).toISOString() }, 'the server asked for a pause');
        await gate.holdUntil(url, until);
      }
      throw e;
    }
  };

  const fetchArticle = async (job: Job): Promise<StoredDocument> => {
    const p = job.payload as FetchPayload;
    try {
      const res = await politeFetch(p.url, {
        accept: 'text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.1',
      });
      const doc = await deps.toDocument(res);
      return await storeDocument(store, queue, deps.extractorVersion, {
        url: res.url || p.url,
        title: doc.title ?? p.title ?? null,
        published: doc.published ?? p.published ?? null,
        lang: doc.lang,
        text: doc.text,
        sourceId: p.sourceId ?? null,
        origin: p.sourceId ? 'feed' : 'url',
        fetchStatus: res.status,
        ...(doc.warnings ? { warnings: doc.warnings } : {}),
      });
    } catch (e) {
      if (isLastAttempt(job, e)) {
        const status = (e as { httpStatus?: unknown }).httpStatus;
        await recordFailedUrl(
          store,
          canonicalUrl(p.url),
          (e as Error).message,
          typeof status === 'number' ? status : null,
          p.sourceId ?? null,
        );
      }
      throw e;
    }
  };

  const pollFeed = async (job: Job): Promise<{ items: number; queued: number; notModified: boolean }> => {
    const { sourceId } = job.payload as PollPayload;
    const source = await store.sources.get(sourceId);
    if (!source) return { items: 0, queued: 0, notModified: false };
    const nextPollAt = Date.now() + source.interval_s * 1000;
    try {
      const res = await politeFetch(source.url, {
        etag: source.etag,
        lastModified: source.last_modified,
        accept:
          'application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,*/*;q=0.5',
      });
      if (res.notModified) {
        await store.sources.recordPoll(sourceId, { status: '304 not modified', nextPollAt });
        return { items: 0, queued: 0, notModified: true };
      }
      const feed = deps.parseFeed(res.body, res.url || source.url);
      let queued = 0;
      for (const item of feed.items) {
        let url: string;
        try {
          url = canonicalUrl(item.url);
        } catch {
          continue;
        }
        if (await store.articles.findByUrl(url)) continue;
        const r = await queue.enqueue(
          'fetch',
          { url: item.url, sourceId, title: item.title, published: item.published } satisfies FetchPayload,
          {
            key: fetchJobKey(url),
          },
        );
        if (r.created) queued++;
      }
      await store.sources.recordPoll(sourceId, {
        status: `${res.status} ok`,
        etag: res.etag,
        lastModified: res.lastModified,
        title: feed.title,
        items: queued,
        nextPollAt,
      });
      return { items: feed.items.length, queued, notModified: false };
    } catch (e) {
      // A broken feed is recorded on the source and polled again at its next time; the poll job
      // itself is done (the next poll is a new job).
      const message = (e as Error).message;
      await store.sources.recordPoll(sourceId, {
        status: isDmonError(e) ? e.code : 'error',
        error: message,
        nextPollAt,
      });
      throw new DmonError(isDmonError(e) ? e.code : 'FEED_INVALID', message, { cause: e });
    }
  };

  const extractArticle = async (job: Job): Promise<{ facts: number }> => {
    const { articleId } = job.payload as ExtractPayload;
    const article = await store.articles.get(articleId);
    if (!article) throw new DmonError('NOT_FOUND', `article ${articleId} no longer exists`);
    if (article.status === 'duplicate') return { facts: 0 };
    try {
      const result = await deps.extract({
        id: String(article.id),
        text: article.text,
        published: article.published,
        lang: article.language,
        title: article.title,
      });
      // Claims and events follow the facts in the clustering job, marked with them
      // (clusterLater.ts); clustering again is idempotent, so a retry is safe.
      const facts = await store.transaction(async (t) => {
        const n = await t.facts.replaceForArticle(articleId, result, deps.extractorVersion);
        await t.clustering.applyReviews([articleId]);
        await clusterLater(t, [articleId]);
        return n;
      });
      return { facts };
    } catch (e) {
      if (isLastAttempt(job, e))
        await store.articles.markFailed(articleId, `extraction failed: ${(e as Error).message}`);
      throw e;
    }
  };

  /**
   * Extracts a batch of articles and stores all their facts in one transaction, with the marks
   * that queue the clustering of what they touch (clusterLater.ts): claims and events follow in
   * the clustering job, once for however many batches came before it ran. What is stored is
   * what one-by-one extraction stores.
   * An article whose extraction throws fails alone; if the batch's transaction fails, each
   * article is written on its own, so one bad article cannot hold back the others.
   */
  const extractBatch = async (jobs: Job[]): Promise<BatchOutcome[]> => {
    const ids = jobs.map((j) => (j.payload as ExtractPayload).articleId);
    const articles = await store.articles.getMany(ids);
    const outcomes: BatchOutcome[] = [];
    const toWrite: { index: number; articleId: number; result: ExtractResult }[] = [];
    for (const [index, articleId] of ids.entries()) {
      const article = articles.get(articleId);
      if (!article) {
        outcomes.push({
          ok: false,
          error: new DmonError('NOT_FOUND', `article ${articleId} no longer exists`),
        });
        continue;
      }
      if (article.status === 'duplicate') {
        outcomes.push({ ok: true, result: { facts: 0 } });
        continue;
      }
      try {
        const result = await deps.extract({
          id: String(article.id),
          text: article.text,
          published: article.published,
          lang: article.language,
          title: article.title,
        });
        outcomes.push({ ok: true, result: null });
        toWrite.push({ index, articleId, result });
      } catch (e) {
        outcomes.push({ ok: false, error: e });
      }
    }
    const write = (tx: Store, items: typeof toWrite) =>
      tx.transaction(async (t) => {
        const counts = await t.facts.replaceForArticles(items, deps.extractorVersion);
        // The facts carry their reviews at once; claims and events follow in the clustering job.
        const ids = items.map((w) => w.articleId);
        await t.clustering.applyReviews(ids);
        await clusterLater(t, ids);
        return counts;
      });
    if (toWrite.length) {
      try {
        const counts = await write(store, toWrite);
        toWrite.forEach((w, k) => (outcomes[w.index] = { ok: true, result: { facts: counts[k] } }));
      } catch (e) {
        log.warn(
          { err: e, articles: toWrite.length },
          'writing a batch of extractions failed; writing them one by one',
        );
        for (const w of toWrite) {
          try {
            const [facts] = await write(store, [w]);
            outcomes[w.index] = { ok: true, result: { facts } };
          } catch (e) {
            outcomes[w.index] = { ok: false, error: e };
          }
        }
      }
    }
    for (const [i, o] of outcomes.entries()) {
      const job = jobs[i]!;
      if (!o.ok && isLastAttempt(job, o.error))
        await store.articles
          .markFailed(ids[i]!, `extraction failed: ${(o.error as Error).message}`)
          // The store is failing too: the job keeps its own error; this one is logged, not lost.
          .catch((err: unknown) =>
            log.error({ err, article: ids[i] }, 'could not mark the article failed after its last attempt'),
          );
    }
    return outcomes;
  };

  /** The clustering job: every marked article's claims and events, at once. */
  const cluster = async (): Promise<{ clustered: ClusterResult & { articles: number } }> => ({
    clustered: await store.clustering.drain(),
  });

  return {
    single: { fetch: fetchArticle, poll: pollFeed, extract: extractArticle, [CLUSTER_JOB]: cluster },
    batch: { extract: extractBatch },
  };
}
