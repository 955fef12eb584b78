// What every route module receives.
import type { Store } from '../store/index.js';

export interface SubmitInput {
  url?: string;
  text?: string;
  title?: string | null;
  published?: string | null;
  lang?: string | null;
}

export interface SubmitResult {
  status: 'queued' | 'stored' | 'duplicate' | 'exists';
  article_id: number | null;
  job_id: number | null;
  duplicate_of?: number | null;
}

export interface ServeContext {
  store: Store;
  /** Takes a URL or a text to ingest (the monitor's submit); absent = POST /api/articles answers 503. */
  submit?: (input: SubmitInput) => Promise<SubmitResult>;
  /** Adds a feed. */
  addFeed?: (url: string) => Promise<{ id: number; url: string; created: boolean }>;
  version: string;
  extractorVersion?: string;
}
