// The real implementations behind IngestDeps: the SSRF-safe fetcher, the feed parser, the
// dedup functions, the document converters and the extractor.
import type { Config } from '../config.js';
import {
  canonicalUrl,
  contentHash,
  hammingDistance,
  isNearDuplicate,
  normaliseForHash,
  SIMHASH_CANDIDATE_MAX_DISTANCE,
  simhash,
} from '../dedup/index.js';
import { documentFromBytes } from '../document/fromBytes.js';
import { detectLanguage } from '../document/language.js';
import { decodeText } from '../document/sniff.js';
import { EXTRACTOR_VERSION, extract } from '../extract/index.js';
import { parseFeed } from '../feeds/index.js';
import { safeFetch } from '../fetch/index.js';
import type { IngestDeps } from './deps.js';

/** Below this many words, only exact copies (same content hash) count as duplicates. */
export const MIN_WORDS_FOR_NEAR_DUPLICATE = 20;

function words(text: string): number {
  const n = normaliseForHash(text);
  return n === '' ? 0 : n.split(' ').length;
}

/** The numbers a text states, in order ("1,200" and "1200" alike). */
export function figuresOf(text: string): string[] {
  return (text.match(/\d[\d,.]*/g) ?? []).map((n) => n.replace(/[,.](?=\d{3}\b)/g, '').replace(/[,.]$/, ''));
}

export function createDeps(config: Pick<Config, 'fetchAllow'>): IngestDeps {
  return {
    canonicalUrl: (url) => canonicalUrl(url),
    contentHash,
    // Too short a text for a SimHash to mean much: only exact copies (content hash) count.
    simhash: (text) => (words(text) >= MIN_WORDS_FOR_NEAR_DUPLICATE ? simhash(text) : null),
    simhashDistance: (a, b) => hammingDistance(a, b),
    maxCandidateDistance: SIMHASH_CANDIDATE_MAX_DISTANCE,
    isNearDuplicate: (a, b) => figuresOf(a).join(' ') === figuresOf(b).join(' ') && isNearDuplicate(a, b),
    fetch: async (url, options) => {
      const r = await safeFetch(url, {
        etag: options.etag,
        lastModified: options.lastModified,
        allow: config.fetchAllow,
      });
      return {
        url: r.url,
        status: r.status,
        notModified: r.notModified,
        contentType: r.contentType,
        charset: r.charset,
        body: r.body,
        etag: r.etag,
        lastModified: r.lastModified,
      };
    },
    parseFeed: (body, url) => parseFeed(decodeText(body), url),
    toDocument: (res) =>
      documentFromBytes(res.body, {
        contentType: res.contentType,
        charset: res.charset,
        url: res.url,
        rejectData: true,
      }),
    detectLanguage,
    extract: (doc) => extract(doc),
    extractorVersion: EXTRACTOR_VERSION,
  };
}
