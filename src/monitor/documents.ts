// Storing one incoming document: canonical URL, content hash and near-duplicate checks, then
// an extract job. The same document stored twice adds nothing; a copy of a stored text under
// another URL is kept (as a source) but linked to the original and not extracted again.
import { DmonError } from '../errors.js';
import type { JobQueue } from '../jobs/queue.js';
import type { Store } from '../store/index.js';
import { newArticle } from '../store/queries/articles.js';
import type { IngestDeps } from './deps.js';

export interface IncomingDocument {
  url?: string | null;
  title?: string | null;
  published?: string | null;
  lang?: string | null;
  text: string;
  sourceId?: number | null;
  /** feed, url, import, api */
  origin: string;
  externalId?: string | null;
  attribution?: string | null;
  fetchStatus?: number | null;
}

export interface StoredDocument {
  /** stored: new and queued for extraction; duplicate: new, linked to an original; exists: nothing new. */
  status: 'stored' | 'duplicate' | 'exists';
  articleId: number;
  duplicateOf: number | null;
  jobId: number | null;
}

/**
 * Near-duplicate lookup. Any stored original whose SimHash shares one of four 16-bit bands is
 * a candidate (by pigeonhole, that finds every copy within 3 bits, at any age); the most
 * recent RECENT_WINDOW originals are all candidates (so copies within the dedup module's full
 * distance are found among recent articles, which is where syndicated copies land).
 */
export const MAX_SIMHASH_CANDIDATES = 200;
export const RECENT_WINDOW = 2000;
/** Texts compared per new document, closest SimHash first. */
export const MAX_TEXT_COMPARISONS = 8;

export function simhashBands(h: bigint): [number, number, number, number] {
  return [0, 1, 2, 3].map((i) => Number((h >> BigInt(48 - 16 * i)) & 0xffffn)) as [
    number,
    number,
    number,
    number,
  ];
}

export function extractJobKey(articleId: number, version: string): string {
  return `extract:${articleId}:${version}`;
}

async function findOriginal(
  store: Store,
  deps: IngestDeps,
  text: string,
  hash: string,
  sim: bigint | null,
): Promise<number | null> {
  const exact = await store.articles.findByHash(hash);
  if (exact) return exact.id;
  if (sim === null) return null;
  const distance = new Map<number, number>();
  const candidates = [
    ...(await store.articles.simhashCandidates(simhashBands(sim), MAX_SIMHASH_CANDIDATES)),
    ...(await store.articles.recentSimhashes(RECENT_WINDOW)),
  ];
  for (const c of candidates) {
    const d = deps.simhashDistance(sim, BigInt(`0x${c.simhash}`));
    if (d <= deps.maxCandidateDistance) distance.set(c.id, d);
  }
  if (distance.size === 0) return null;
  // Compare texts with the closest few only (templated bulletins can all be "close").
  const closest = [...distance].sort((a, b) => a[1] - b[1] || a[0] - b[0]).slice(0, MAX_TEXT_COMPARISONS);
  const texts = await store.articles.texts(closest.map(([id]) => id));
  for (const [id] of closest) {
    const other = texts.get(id);
    if (other !== undefined && deps.isNearDuplicate(text, other)) return id;
  }
  return null;
}

/**
 * An article that is already stored. If it is still waiting for extraction (a crash between
 * storing it and queueing its job), its extract job is queued now; the job key makes that a
 * no-op when the job exists.
 */
async function exists(
  store: Store,
  queue: JobQueue,
  deps: IngestDeps,
  articleId: number,
): Promise<StoredDocument> {
  const a = await store.articles.findById(articleId);
  let jobId: number | null = null;
  if (a?.status === 'pending')
    jobId = (
      await queue.enqueue('extract', { articleId }, { key: extractJobKey(articleId, deps.extractorVersion) })
    ).id;
  return { status: 'exists', articleId, duplicateOf: a?.duplicate_of ?? null, jobId };
}

export async function storeDocument(
  store: Store,
  queue: JobQueue,
  deps: IngestDeps,
  doc: IncomingDocument,
): Promise<StoredDocument> {
  const url = doc.url ? deps.canonicalUrl(doc.url) : null;
  if (url) {
    const known = await store.articles.findByUrl(url);
    if (known && known.status !== 'failed') return exists(store, queue, deps, known.id);
  }
  const text = doc.text;
  if (!text.trim())
    throw new DmonError('INPUT_EMPTY', `${doc.url ?? doc.externalId ?? 'document'}: no text to store`);
  const hash = deps.contentHash(text);
  const sim = deps.simhash(text);
  const original = await findOriginal(store, deps, text, hash, sim);
  if (original !== null && !url) return exists(store, queue, deps, original);
  const bands = sim === null ? null : simhashBands(sim);
  const row = newArticle({
    url,
    original_url: doc.url && doc.url !== url ? doc.url : null,
    title: doc.title ?? null,
    published: doc.published ?? null,
    language: doc.lang ?? deps.detectLanguage(text),
    source_id: doc.sourceId ?? null,
    origin: doc.origin,
    external_id: doc.externalId ?? null,
    attribution: doc.attribution ?? null,
    text,
    content_hash: hash,
    simhash: sim === null ? null : sim.toString(16).padStart(16, '0'),
    sh0: bands?.[0] ?? null,
    sh1: bands?.[1] ?? null,
    sh2: bands?.[2] ?? null,
    sh3: bands?.[3] ?? null,
    duplicate_of: original,
    status: original === null ? 'pending' : 'duplicate',
    fetch_status: doc.fetchStatus ?? null,
  });
  let articleId: number;
  const failedBefore = url ? await store.articles.findByUrl(url) : null;
  if (failedBefore) {
    // A URL that failed before and now fetched: fill in the row it left.
    await store.db.updateTable('articles').set(row).where('id', '=', failedBefore.id).execute();
    articleId = failedBefore.id;
  } else {
    const r = await store.articles.insert(row);
    if (!r.created) return exists(store, queue, deps, r.id);
    articleId = r.id;
  }
  if (original !== null) {
    // A copy adds a report to the original's claims (not an independent source).
    await store.clustering.updateForArticles([original]);
    return { status: 'duplicate', articleId, duplicateOf: original, jobId: null };
  }
  const job = await queue.enqueue(
    'extract',
    { articleId },
    { key: extractJobKey(articleId, deps.extractorVersion) },
  );
  return { status: 'stored', articleId, duplicateOf: null, jobId: job.id };
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
    if (known.status === 'failed')
      await store.db
        .updateTable('articles')
        .set({ error: error.slice(0, 2000), fetch_status: fetchStatus })
        .where('id', '=', known.id)
        .execute();
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
