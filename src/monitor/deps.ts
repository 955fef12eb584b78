// What the monitor needs from the ingestion and extraction libraries, as one interface, so
// the orchestration reads as a recipe and the wiring to the real modules sits in one place
// (./wiring.ts).
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

export interface ParsedDocument {
  title: string | null;
  text: string;
  published: string | null;
  lang: string | null;
}

export interface IngestDeps {
  canonicalUrl(url: string): string;
  contentHash(text: string): string;
  /** 64-bit SimHash of the text, or null when the text has too few words to compare. */
  simhash(text: string): bigint | null;
  /** Hamming distance of two SimHashes: the cheap pre-filter before comparing texts. */
  simhashDistance(a: bigint, b: bigint): number;
  /** Largest distance at which the texts are worth comparing. */
  maxCandidateDistance: number;
  /**
   * The exact test on two texts: the same article give or take small edits, and stating the
   * same figures (bulletins that differ only in their numbers are different reports).
   */
  isNearDuplicate(a: string, b: string): boolean;
  /** SSRF-safe GET with size/time limits and conditional headers. Throws DmonError. */
  fetch(
    url: string,
    options: { etag?: string | null; lastModified?: string | null; accept?: string },
  ): Promise<FetchedResource>;
  parseFeed(body: Uint8Array, url: string): { title: string | null; items: FeedItemRef[] };
  /** HTML, PDF or plain text → the document's main text and metadata. Throws DmonError. */
  toDocument(resource: FetchedResource): Promise<ParsedDocument>;
  detectLanguage(text: string): string | null;
  /** May run elsewhere (a worker thread) and so answer later. */
  extract(doc: DocumentInput): ExtractResult | Promise<ExtractResult>;
  extractorVersion: string;
}
