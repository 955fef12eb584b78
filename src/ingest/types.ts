// The shapes the ingest path shares with its callers: what the API and the CLI submit, what
// a stored document reports back, and the payloads of the jobs it queues.

/** A URL to fetch or a text to read, as POST /api/articles and the CLI give it. */
export interface SubmitInput {
  url?: string;
  text?: string;
  title?: string | null;
  published?: string | null;
  lang?: string | null;
}

export interface SubmitResult {
  /** queued: a fetch job waits (new or still pending); exists: the article is stored already. */
  status: 'queued' | 'stored' | 'duplicate' | 'exists';
  article_id: number | null;
  job_id: number | null;
  duplicate_of?: number | null;
}

/** A document arriving at the store, from any entry: import, API, fetched URL, feed item. */
export interface IncomingDocument {
  url?: string | null;
  title?: string | null;
  published?: string | null;
  lang?: string | null;
  text: string;
  sourceId?: number | null;
  /** feed, url, import, api, sample */
  origin: string;
  externalId?: string | null;
  attribution?: string | null;
  fetchStatus?: number | null;
  /** What was repaired while reading it (bad bytes replaced); kept in the article's `error` note. */
  warnings?: string[];
}

export interface StoredDocument {
  /** stored: new and queued for extraction; duplicate: new, linked to an original; exists: nothing new. */
  status: 'stored' | 'duplicate' | 'exists';
  articleId: number;
  duplicateOf: number | null;
  jobId: number | null;
}

export interface FetchPayload {
  url: string;
  sourceId?: number | null;
  title?: string | null;
  published?: string | null;
}

export interface PollPayload {
  sourceId: number;
}

export interface ExtractPayload {
  articleId: number;
}

export function fetchJobKey(canonicalUrl: string): string {
  return `fetch:${canonicalUrl}`;
}

export function extractJobKey(articleId: number, version: string): string {
  return `extract:${articleId}:${version}`;
}
