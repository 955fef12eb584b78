// Storing one incoming document: canonical URL, then the dedup policy (src/dedup/policy.ts),
// then an extract job. The same document stored twice adds nothing; a copy of a stored text
// under another URL is kept (as a source) but linked to the original and not extracted again.
import type { BatchOriginals } from '../dedup/batchOriginals.js';
import {
  canonicalUrl,
  findOriginal,
  fingerprint,
  fingerprintColumns,
  type Fingerprint,
} from '../dedup/index.js';
import { detectLanguage } from '../document/language.js';
import { DmonError } from '../errors.js';
import type { JobQueue } from '../jobs/queue.js';
import type { Store } from '../store/index.js';
import { clusterLater } from './clusterLater.js';
import type { BatchWrites } from './batchWrites.js';
import { newArticle, type ArticleSummary } from '../store/queries/articles.js';
import { extractJobKey, type IncomingDocument, type StoredDocument } from './types.js';

/**
 * An article that is already stored. If it is still waiting for extraction (a crash between
 * storing it and queueing its job), its extract job is queued now; the job key makes that a
 * no-op when the job exists.
 */
async function exists(
  queue: JobQueue,
  version: string,
  article: Pick<ArticleSummary, 'id' | 'status' | 'duplicate_of'> | null,
  articleId: number,
  writes?: BatchWrites,
): Promise<StoredDocument> {
  let jobId: number | null = null;
  if (article?.status === 'pending') {
    // Its job after the batch's pending ones, as if each had been written at once.
    await writes?.flush();
    jobId = (await queue.enqueue('extract', { articleId }, { key: extractJobKey(articleId, version) })).id;
  }
  return { status: 'exists', articleId, duplicateOf: article?.duplicate_of ?? null, jobId };
}

/** A document stored as one of a batch (Ingest.addDocuments): the batch's originals index. */
export interface BatchContext {
  originals: BatchOriginals;
  /** The document's fingerprint (computed once, also for the index). */
  fingerprint: () => Fingerprint;
  /**
   * The batch's deferred writes: a new original and its job are written with the others at the
   * end of the batch (the result then carries provisional ids, resolved by `writes.resolve`).
   */
  writes?: BatchWrites;
}

export async function storeDocument(
  store: Store,
  queue: JobQueue,
  extractorVersion: string,
  doc: IncomingDocument,
  batch?: BatchContext,
): Promise<StoredDocument> {
  const url = doc.url ? canonicalUrl(doc.url) : null;
  const writes = batch?.writes;
  // The one lookup of this URL: a stored article ends here, a failed one is filled in below.
  const known = url ? await (writes ? writes.findByUrl(url) : store.articles.findByUrl(url)) : null;
  if (known && known.status !== 'failed') return exists(queue, extractorVersion, known, known.id, writes);
  const text = doc.text;
  if (!text.trim())
    throw new DmonError('INPUT_EMPTY', `${doc.url ?? doc.externalId ?? 'document'}: no text to store`);
  const fp = batch ? batch.fingerprint() : fingerprint(text);
  let original = await findOriginal(batch?.originals ?? store.articles, text, fp);
  // Off the common path (a copy, a failed URL filled in), the store is brought up to date first.
  if (writes && (original !== null || known)) {
    await writes.flush();
    if (original !== null) original = writes.real(original);
  }
  if (original !== null && !url)
    return exists(queue, extractorVersion, await store.articles.findById(original), original);
  const row = newArticle({
    url,
    original_url: doc.url && doc.url !== url ? doc.url : null,
    title: doc.title ?? null,
    published: doc.published ?? null,
    language: doc.lang ?? detectLanguage(text),
    source_id: doc.sourceId ?? null,
    origin: doc.origin,
    external_id: doc.externalId ?? null,
    attribution: doc.attribution ?? null,
    text,
    ...fingerprintColumns(fp),
    duplicate_of: original,
    status: original === null ? 'pending' : 'duplicate',
    fetch_status: doc.fetchStatus ?? null,
    // A stored article's `error` is a note on how it was read (a failed one's says why it failed).
    error: doc.warnings?.length ? doc.warnings.join('; ').slice(0, 2000) : null,
  });
  let articleId: number;
  if (known) {
    // A URL that failed before and now fetched: fill in the row it left.
    writes?.touch(url);
    await store.articles.replace(known.id, row);
    articleId = known.id;
  } else if (writes && original === null) {
    articleId = writes.insert(row);
  } else {
    writes?.touch(url);
    const r = await store.articles.insert(row);
    if (!r.created) return exists(queue, extractorVersion, await store.articles.findById(r.id), r.id);
    articleId = r.id;
  }
  if (original === null) batch?.originals.added(articleId, text, fp);
  if (original !== null) {
    // A copy adds a report to the original's claims (not an independent source): the
    // original is clustered again by the clustering job.
    await clusterLater(store, [original]);
    return { status: 'duplicate', articleId, duplicateOf: original, jobId: null };
  }
  const jobId = writes
    ? writes.enqueueExtract(articleId)
    : (await queue.enqueue('extract', { articleId }, { key: extractJobKey(articleId, extractorVersion) })).id;
  return { status: 'stored', articleId, duplicateOf: null, jobId };
}

/** Records a URL that could not be fetched, so it shows up with its error. */
export async function recordFailedUrl(
  store: Store,
  url: string,
  error: string,
  fetchStatus: number | null,
  sourceId: number | null,
): Promise<void> {
  const known = await store.articles.findByUrl(url);
  if (known) {
    if (known.status === 'failed') await store.articles.recordFetchError(known.id, error, fetchStatus);
    return;
  }
  await store.articles.insert(
    newArticle({
      url,
      source_id: sourceId,
      origin: 'url',
      text: '',
      content_hash: '',
      status: 'failed',
      error: error.slice(0, 2000),
      fetch_status: fetchStatus,
    }),
  );
}
