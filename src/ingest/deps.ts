// What the ingest path needs from the fetcher, the feed parser, the document entry and the
// extractor, as one interface, so the path reads as a recipe and the wiring to the real
// modules sits in one place (./wiring.ts). Dedup policy is not here: it is src/dedup/policy.ts.
import type { SourceDocument } from '../document/document.js';
import type { ExtractResult, DocumentInput } from '../types.js';

export interface FetchedResource {
  /** Final URL after redirects. */
  url: string;
  status: number;
  /** True for 304 Not Modified (conditional GET): no body. */
  notModified: boolean;
  /** Media type without parameters, lower case. */
  contentType: string | null;
  charset: string | null;
  body: Uint8Array;
  etag: string | null;
  lastModified: string | null;
}

export interface FeedItemRef {
  url: string;
  title: string | null;
  published: string | null;
}

export interface IngestDeps {
  /** SSRF-safe GET with size/time limits and conditional headers. Throws DmonError. */
  fetch(
    url: string,
    options: { etag?: string | null; lastModified?: string | null; accept?: string },
  ): Promise<FetchedResource>;
  /**
   * Refuses (DmonError 'FETCH_REFUSED') a URL the fetcher would never fetch: a private,
   * loopback or otherwise non-public address in any spelling, or a name resolving to one.
   * A name that does not resolve now passes (the fetch checks again every time).
   */
  checkTarget(url: string): Promise<void>;
  parseFeed(body: Uint8Array, url: string): { title: string | null; items: FeedItemRef[] };
  /** HTML, PDF or plain text → the document (the one document entry). Throws DmonError. */
  toDocument(resource: FetchedResource): Promise<SourceDocument>;
  /** May run elsewhere (a worker thread) and so answer later. */
  extract(doc: DocumentInput): ExtractResult | Promise<ExtractResult>;
  extractorVersion: string;
}
