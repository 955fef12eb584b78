// The real implementations behind IngestDeps: the SSRF-safe fetcher, the feed parser, the
// document entry and the extractor.
import type { Config } from '../config.js';
import { documentFromBytes } from '../document/fromBytes.js';
import { decodeText } from '../document/sniff.js';
import { EXTRACTOR_VERSION, extract } from '../extract/index.js';
import { parseFeed } from '../feeds/index.js';
import { safeFetch } from '../fetch/index.js';
import type { IngestDeps } from './deps.js';

export function createDeps(config: Pick<Config, 'fetchAllow'>): IngestDeps {
  return {
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
    extract: (doc) => extract(doc),
    extractorVersion: EXTRACTOR_VERSION,
  };
}
