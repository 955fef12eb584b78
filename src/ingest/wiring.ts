// The real implementations behind IngestDeps: the SSRF-safe fetcher, the feed parser, the
// document entry and the extractor.
import { lookup as dnsLookup } from 'node:dns/promises';
import type { Config } from '../config.js';
import { documentFromBytes } from '../document/fromBytes.js';
import { decodeText } from '../document/sniff.js';
import { calibrateFacts } from '../eval/calibrate.js';
import { shippedCalibration } from '../eval/calibrationData.js';
import { EXTRACTOR_VERSION, extract } from '../extract/index.js';
import { parseFeed } from '../feeds/index.js';
import { checkFetchTarget, FetchError, safeFetch } from '../fetch/index.js';
import type { ResolvedAddress } from '../fetch/index.js';
import type { IngestDeps } from './deps.js';

/** How long the check at add time waits for DNS before letting the fetch decide. */
const DNS_CHECK_MS = 5000;

function resolveWithin(ms: number) {
  return async (hostname: string): Promise<ResolvedAddress[]> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
    });
    try {
      const answers = await Promise.race([dnsLookup(hostname, { all: true, verbatim: true }), timeout]);
      return answers.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
    } finally {
      clearTimeout(timer);
    }
  };
}

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
    checkTarget: async (url) => {
      try {
        await checkFetchTarget(url, { allow: config.fetchAllow, resolve: resolveWithin(DNS_CHECK_MS) });
      } catch (e) {
        // Only the policy refuses here; a name that does not resolve (yet, or offline) is
        // stored and checked again, like every name, when it is fetched.
        if (e instanceof FetchError && e.code === 'FETCH_FAILED') return;
        throw e;
      }
    },
    parseFeed: (body, url) => parseFeed(decodeText(body), url),
    toDocument: (res) =>
      documentFromBytes(res.body, {
        contentType: res.contentType,
        charset: res.charset,
        url: res.url,
        rejectData: true,
      }),
    // Stored confidences are calibrated (src/eval/calibrate.ts), as `dmon extract` prints them.
    extract: (doc) => calibrateFacts(extract(doc), shippedCalibration()),
    extractorVersion: EXTRACTOR_VERSION,
  };
}
