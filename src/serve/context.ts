// What every route module receives.
import type { SubmitInput, SubmitResult } from '../ingest/types.js';
import type { Store } from '../store/index.js';

export type { SubmitInput, SubmitResult };

export interface ServeContext {
  store: Store;
  /** Takes a URL or a text to ingest (the ingest path's submit); absent = POST /api/articles answers 503. */
  submit?: (input: SubmitInput) => Promise<SubmitResult>;
  /** Adds a feed. */
  addFeed?: (url: string) => Promise<{ id: number; url: string; created: boolean }>;
  version: string;
  extractorVersion?: string;
  /** How long /api/health reuses its article and job counts, ms (default 5000). */
  healthCountsTtlMs?: number;
}
