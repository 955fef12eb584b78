// Row types of the store's tables, shared by both engines. Timestamps are epoch milliseconds
// (integers, portable across engines); calendar dates are 'YYYY-MM-DD' strings, which sort
// and compare correctly as text; JSON columns are text.
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { AlertsDatabase } from './alertsSchema.js';
import type { ClaimsDatabase } from './claimsSchema.js';
import type { ReviewsDatabase } from './reviewsSchema.js';
import type { SummaryDatabase } from './summarySchema.js';

export interface SourcesTable {
  id: Generated<number>;
  url: string;
  title: string | null;
  /** Conditional GET state. */
  etag: string | null;
  last_modified: string | null;
  /** Poll interval in seconds. */
  interval_s: number;
  next_poll_at: number;
  last_polled_at: number | null;
  last_status: string | null;
  last_error: string | null;
  error_count: number;
  item_count: number;
  created_at: number;
}

export type ArticleStatus = 'pending' | 'extracted' | 'duplicate' | 'failed';

export interface ArticlesTable {
  id: Generated<number>;
  /** Canonical URL (tracking parameters stripped); null for texts without one. */
  url: string | null;
  original_url: string | null;
  title: string | null;
  /** YYYY-MM-DD */
  published: string | null;
  language: string | null;
  source_id: number | null;
  /** Where it came from: feed, url, import, api. */
  origin: string;
  /** The id the article had in an imported file (e.g. a JSONL `id`). */
  external_id: string | null;
  /** Credit line required by the source's licence, when it has one. */
  attribution: string | null;
  text: string;
  content_hash: string;
  /** 64-bit SimHash as 16 hex digits, and its four 16-bit bands for candidate lookup. */
  simhash: string | null;
  sh0: number | null;
  sh1: number | null;
  sh2: number | null;
  sh3: number | null;
  duplicate_of: number | null;
  status: ArticleStatus;
  error: string | null;
  fetch_status: number | null;
  relevance: number | null;
  cause: string | null;
  hazard: string | null;
  doc_type: string | null;
  extractor_version: string | null;
  fact_count: number;
  created_at: number;
  extracted_at: number | null;
}

export interface FactsTable {
  id: Generated<number>;
  article_id: number;
  ordinal: number;
  term: string;
  figure: number | null;
  /** The figure, or -1 for a vague quantity: the sort key of "sort by figure". */
  figure_key: Generated<number>;
  vague: string | null;
  range_lo: number | null;
  range_hi: number | null;
  qualifier: string;
  unit: string;
  people: number | null;
  household_size: number | null;
  cause: string | null;
  hazard: string | null;
  country: string | null;
  admin1: string | null;
  location: string | null;
  lat: number | null;
  lon: number | null;
  /** The date the figure refers to, or the article's publication date when none was stated. */
  fact_date: string | null;
  date_start: string | null;
  date_end: string | null;
  date_text: string | null;
  date_year_stated: number | null;
  date_span_start: number | null;
  date_span_end: number | null;
  stock_or_flow: string;
  span_start: number;
  span_end: number;
  quantity_start: number;
  quantity_end: number;
  term_start: number;
  term_end: number;
  /** The evidence sentence (text[span_start, span_end)). */
  evidence: string;
  confidence: number;
  reason: string;
  implied: string;
  extractor_version: string;
  created_at: number;
  /** The review applied to the fact (migration 006): confirmed, corrected or rejected, and
   * JSON of the extracted values a correction replaced. */
  review_id: number | null;
  review_status: string | null;
  review_original: string | null;
}

export interface PlacesTable {
  id: Generated<number>;
  fact_id: number;
  article_id: number;
  ordinal: number;
  name: string;
  start: number;
  end: number;
  lat: number | null;
  lon: number | null;
  country: string | null;
  admin1: string | null;
  geoname_id: number | null;
  kind: string | null;
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface JobsTable {
  id: Generated<number>;
  kind: string;
  /** Idempotency key: enqueueing the same key twice adds nothing. */
  key: string;
  payload: string;
  status: JobStatus;
  attempts: number;
  max_attempts: number;
  run_after: number;
  locked_by: string | null;
  locked_at: number | null;
  last_error: string | null;
  created_at: number;
  finished_at: number | null;
}

export interface TokensTable {
  id: Generated<number>;
  name: string;
  /** SHA-256 of the token, hex. The token itself is never stored. */
  hash: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
  /** read | review | admin (migration 006; tokens made before it are admin). */
  scope: Generated<string>;
}

/** Per host, the earliest time (epoch ms) the next request to it may start; shared by all workers. */
export interface HostTurnsTable {
  host: string;
  next_at: number;
}

export interface Database extends AlertsDatabase, ClaimsDatabase, ReviewsDatabase, SummaryDatabase {
  host_turns: HostTurnsTable;
  sources: SourcesTable;
  articles: ArticlesTable;
  facts: FactsTable;
  places: PlacesTable;
  jobs: JobsTable;
  tokens: TokensTable;
}

export type SourceRow = Selectable<SourcesTable>;
export type ArticleRow = Selectable<ArticlesTable>;
export type NewArticle = Insertable<ArticlesTable>;
export type ArticleUpdate = Updateable<ArticlesTable>;
export type FactRow = Selectable<FactsTable>;
export type NewFact = Insertable<FactsTable>;
export type PlaceRow = Selectable<PlacesTable>;
export type JobRow = Selectable<JobsTable>;
export type TokenRow = Selectable<TokensTable>;
