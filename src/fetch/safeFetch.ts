// A fetcher for untrusted URLs (feeds and the articles they link to). It resolves DNS itself,
// refuses non-public addresses (see addressPolicy.ts) and connects to exactly the address it
// checked, so a second DNS answer cannot swap in an internal host. Redirects are followed by
// hand, each hop checked again. Bodies are capped while streaming, before and after
// decompression, so neither a huge response nor a compression bomb can fill memory.
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import { Agent, request } from 'undici';
import { DmonError } from '../errors.js';
import { VERSION } from '../version.js';
import { AllowList, addressRange } from './addressPolicy.js';
import { urlWithoutCredentials } from './credentials.js';

export const FETCH_DEFAULTS = {
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
  connectTimeoutMs: 10_000,
  /** Time allowed for the response headers, and for any pause between body chunks. */
  readTimeoutMs: 30_000,
  /** Time allowed for the whole exchange, redirects included. */
  totalTimeoutMs: 60_000,
} as const;

/** Content types an article or feed fetch accepts by default (type prefix match). */
export const TEXT_AND_PDF_TYPES: readonly string[] = [
  'text/',
  'application/xhtml+xml',
  'application/xml',
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/feed+json',
  'application/json',
  'application/ld+json',
  'application/pdf',
];

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export interface SafeFetchOptions {
  /** Hosts, addresses or CIDR blocks exempt from the address policy (tests, intranets). */
  allow?: readonly string[];
  maxBytes?: number;
  maxRedirects?: number;
  connectTimeoutMs?: number;
  readTimeoutMs?: number;
  totalTimeoutMs?: number;
  /**
   * Accepted content types, as prefixes ('text/', 'application/pdf'); a response with another
   * type is refused before its body is read. A response without Content-Type passes.
   * Default TEXT_AND_PDF_TYPES; null accepts anything.
   */
  accept?: readonly string[] | null;
  /** Validators from an earlier fetch: sent as If-None-Match / If-Modified-Since. */
  etag?: string | null;
  lastModified?: string | null;
  headers?: Record<string, string>;
  /** POST sends `body` (webhooks); a POST is never redirected, so pass maxRedirects: 0. */
  method?: 'GET' | 'POST';
  body?: string;
  userAgent?: string;
  signal?: AbortSignal;
  /** Extra trusted CA certificates (PEM) for TLS, e.g. an intranet's own CA. */
  ca?: string | Buffer | (string | Buffer)[];
  /** DNS resolver; defaults to the system's (getaddrinfo). Tests use it to map names. */
  resolve?: (hostname: string) => Promise<ResolvedAddress[]>;
}

export interface SafeFetchResult {
  /** The final URL, after redirects. */
  url: string;
  /** 200…299, or 304 when the server says the copy named by etag/lastModified is current. */
  status: number;
  notModified: boolean;
  /** Decompressed body; empty for 304. */
  body: Uint8Array;
  /** The media type without parameters, lower case ('text/html'); null when not sent. */
  contentType: string | null;
  charset: string | null;
  etag: string | null;
  lastModified: string | null;
  /** Every URL requested before the final one. */
  redirects: string[];
  headers: Record<string, string>;
}

/** A fetch failure: policy ('FETCH_REFUSED') or network/HTTP ('FETCH_FAILED'). */
export class FetchError extends DmonError {
  readonly url: string;
  /** The HTTP status for an HTTP error, else null. */
  readonly httpStatus: number | null;
  /** Whether trying again later may succeed (timeouts, resets, 408, 429, 5xx). */
  readonly retryable: boolean;
  /** Seconds the server asked us to wait (Retry-After on 429/503), else null. */
  readonly retryAfterSeconds: number | null;

  constructor(
    code: 'FETCH_REFUSED' | 'FETCH_FAILED',
    url: string,
    reason: string,
    extra: {
      httpStatus?: number;
      retryable?: boolean;
      retryAfterSeconds?: number | null;
      cause?: unknown;
    } = {},
  ) {
    // The message is shown and stored (a feed's last error): never with the URL's credentials.
    super(
      code,
      `${code === 'FETCH_REFUSED' ? 'refused to fetch' : 'could not fetch'} ${urlWithoutCredentials(url)}: ${reason}`,
      {
        cause: extra.cause,
      },
    );
    this.name = 'FetchError';
    this.url = url;
    this.httpStatus = extra.httpStatus ?? null;
    this.retryable = extra.retryable ?? false;
    this.retryAfterSeconds = extra.retryAfterSeconds ?? null;
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

async function systemResolve(hostname: string): Promise<ResolvedAddress[]> {
  const answers = await dnsLookup(hostname, { all: true, verbatim: true });
  return answers.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
}

/** Checks one URL against the policy and returns the address to connect to. */
async function checkUrl(
  url: URL,
  allow: AllowList,
  resolve: SafeFetchOptions['resolve'],
): Promise<ResolvedAddress> {
  const href = url.href;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError('FETCH_REFUSED', href, `only http and https URLs are fetched, not ${url.protocol}`);
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const literal = isIP(host);
  let addresses: ResolvedAddress[];
  if (literal) {
    addresses = [{ address: host, family: literal === 6 ? 6 : 4 }];
  } else {
    try {
      addresses = await (resolve ?? systemResolve)(host);
    } catch (e) {
      throw new FetchError('FETCH_FAILED', href, `DNS lookup of ${host} failed (${(e as Error).message})`, {
        retryable: true,
        cause: e,
      });
    }
    if (addresses.length === 0)
      throw new FetchError('FETCH_FAILED', href, `DNS lookup of ${host} found no address`);
  }
  const hostAllowed = allow.allowsHost(host);
  // Every address must pass: a name that resolves to a public and a private address is refused.
  for (const a of addresses) {
    const range = addressRange(a.address);
    if (range !== 'unicast' && !hostAllowed && !allow.allowsAddress(a.address)) {
      throw new FetchError(
        'FETCH_REFUSED',
        href,
        `${host === a.address ? 'address' : `${host} resolves to`} ${a.address}, a ${range} address; only public addresses are fetched (add it to the allow-list to permit it)`,
      );
    }
  }
  return addresses[0]!;
}

/**
 * Checks a URL against the address policy without fetching it: the scheme, then the address
 * (a literal in any spelling the URL parser accepts, or every address its name resolves to).
 * Used where a URL is stored to be fetched later (a feed), so a private address is refused
 * when it is given rather than at the first poll. Throws FetchError 'FETCH_REFUSED' for the
 * policy, 'FETCH_FAILED' (retryable) when the name does not resolve; the fetch itself checks
 * again every time, since DNS answers change.
 */
export async function checkFetchTarget(
  url: string,
  options: Pick<SafeFetchOptions, 'allow' | 'resolve'> = {},
): Promise<ResolvedAddress> {
  let u: URL;
  try {
    u = new URL(url);
  } catch (e) {
    throw new FetchError('FETCH_REFUSED', url, 'not an absolute URL', { cause: e });
  }
  return checkUrl(u, new AllowList(options.allow ?? []), options.resolve);
}

/** A DNS lookup for the connection that answers with the address already checked. */
function pinnedLookup(pinned: ResolvedAddress): LookupFunction {
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address: pinned.address, family: pinned.family }]);
    else callback(null, pinned.address, pinned.family);
  }) as unknown as LookupFunction;
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | null {
  const v = headers[name];
  if (v === undefined) return null;
  return Array.isArray(v) ? (v[0] ?? null) : v;
}

/** Retry-After as seconds from now: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v);
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : Math.max(0, Math.ceil((t - now) / 1000));
}

function mediaType(value: string | null): { type: string | null; charset: string | null } {
  if (!value) return { type: null, charset: null };
  const [type, ...params] = value.split(';');
  let charset: string | null = null;
  for (const p of params) {
    const m = /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(p);
    if (m) charset = m[1]!.toLowerCase();
  }
  const t = type!.trim().toLowerCase();
  return { type: t === '' ? null : t, charset };
}

/** Counts bytes through an async iterable, failing once more than `max` have passed. */
async function* capped(
  source: AsyncIterable<Buffer>,
  max: number,
  onExceed: () => Error,
): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const chunk of source) {
    total += chunk.length;
    if (total > max) throw onExceed();
    yield chunk;
  }
}

/** Decompresses a body stream as its Content-Encoding says. */
async function* decoded(raw: AsyncIterable<Buffer>, encoding: string): AsyncGenerator<Buffer> {
  const codings = encoding
    .toLowerCase()
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '' && c !== 'identity');
  if (codings.length === 0) {
    yield* raw;
    return;
  }
  if (codings.length > 1) throw new Error(`stacked content encodings (${encoding}) are not supported`);
  const coding = codings[0]!;
  const iterator = raw[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  let z;
  if (coding === 'gzip' || coding === 'x-gzip') z = createGunzip();
  else if (coding === 'br') z = createBrotliDecompress();
  else if (coding === 'deflate') {
    // "deflate" should be zlib-wrapped (RFC 9110) but some servers send raw deflate.
    const b0 = first.value[0] ?? 0;
    const b1 = first.value[1] ?? 0;
    z = (b0 & 0x0f) === 8 && ((b0 << 8) | b1) % 31 === 0 ? createInflate() : createInflateRaw();
  } else throw new Error(`unsupported content encoding '${coding}'`);
  const rest: AsyncIterable<Buffer> = {
    [Symbol.asyncIterator]: () => iterator,
  };
  async function* all(): AsyncGenerator<Buffer> {
    yield first.value as Buffer;
    yield* rest;
  }
  const feeding = pipeline(Readable.from(all()), z).catch((e: unknown) => {
    z.destroy(e as Error);
  });
  try {
    for await (const chunk of z) yield chunk as Buffer;
  } finally {
    z.destroy();
    await feeding;
  }
}

function accepted(type: string | null, accept: readonly string[] | null): boolean {
  if (accept === null || type === null) return true;
  return accept.some((a) => (a.endsWith('/') ? type.startsWith(a.toLowerCase()) : type === a.toLowerCase()));
}

const TIMEOUTS = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'TimeoutError',
]);

function networkReason(e: unknown): { reason: string; retryable: boolean } {
  const err = e as { code?: unknown; message?: string; name?: string };
  const code = typeof err?.code === 'string' ? err.code : (err?.name ?? 'error');
  if (TIMEOUTS.has(code) || TIMEOUTS.has(err?.name ?? ''))
    return { reason: `timed out (${code})`, retryable: true };
  return { reason: `${err?.message ?? String(e)} (${code})`, retryable: true };
}

/** Drops a response body we will not read; the abort it causes is expected, not an error. */
function discard(body: Readable): void {
  body.on('error', () => undefined);
  body.destroy();
}

function toHeaderRecord(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers))
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/**
 * Fetches a URL under the safety policy. Returns the decompressed body of a 2xx response, or
 * `{ status: 304, notModified: true }` for a conditional GET whose copy is current. Throws
 * FetchError: 'FETCH_REFUSED' for policy (scheme, address, size, content type, redirects),
 * 'FETCH_FAILED' for network and HTTP errors; both name the URL and the reason.
 */
export async function safeFetch(
  input: string | URL,
  options: SafeFetchOptions = {},
): Promise<SafeFetchResult> {
  const o = { ...FETCH_DEFAULTS, ...options };
  const allow = new AllowList(options.allow ?? []);
  const accept = options.accept === undefined ? TEXT_AND_PDF_TYPES : options.accept;
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new FetchError('FETCH_REFUSED', String(input), 'not a valid absolute URL');
  }
  const deadline = AbortSignal.timeout(o.totalTimeoutMs);
  const signal = options.signal ? AbortSignal.any([deadline, options.signal]) : deadline;
  const redirects: string[] = [];

  for (;;) {
    url.hash = '';
    const href = url.href;
    const pinned = await checkUrl(url, allow, options.resolve);
    const agent = new Agent({
      connect: {
        timeout: o.connectTimeoutMs,
        lookup: pinnedLookup(pinned),
        ...(options.ca ? { ca: options.ca } : {}),
      },
      headersTimeout: o.readTimeoutMs,
      bodyTimeout: o.readTimeoutMs,
      maxResponseSize: -1,
    });
    try {
      const headers: Record<string, string> = {
        'user-agent': options.userAgent ?? `DisplacementMonitor/${VERSION} (dmon)`,
        accept: '*/*',
        'accept-encoding': 'gzip, deflate, br',
        ...(options.headers ?? {}),
      };
      if (options.etag) headers['if-none-match'] = options.etag;
      if (options.lastModified) headers['if-modified-since'] = options.lastModified;
      let res;
      try {
        res = await request(url, {
          method: options.method ?? 'GET',
          headers,
          body: options.body,
          dispatcher: agent,
          signal,
        });
      } catch (e) {
        const { reason, retryable } = networkReason(signal.aborted ? signal.reason : e);
        throw new FetchError('FETCH_FAILED', href, reason, { retryable, cause: e });
      }
      const { statusCode, headers: rh, body } = res;

      if (REDIRECTS.has(statusCode)) {
        discard(body);
        const location = header(rh, 'location');
        if (!location)
          throw new FetchError('FETCH_FAILED', href, `HTTP ${statusCode} redirect without a Location header`);
        if (redirects.length >= o.maxRedirects) {
          throw new FetchError('FETCH_REFUSED', href, `more than ${o.maxRedirects} redirects`);
        }
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          throw new FetchError('FETCH_FAILED', href, `redirect to an invalid URL '${location}'`);
        }
        redirects.push(href);
        url = next;
        continue;
      }

      const etag = header(rh, 'etag');
      const lastModified = header(rh, 'last-modified');
      const { type, charset } = mediaType(header(rh, 'content-type'));
      const base = {
        url: href,
        redirects,
        etag,
        lastModified,
        contentType: type,
        charset,
        headers: toHeaderRecord(rh),
      };
      if (statusCode === 304) {
        discard(body);
        return { ...base, status: 304, notModified: true, body: new Uint8Array() };
      }
      if (statusCode < 200 || statusCode > 299) {
        discard(body);
        const retryable = statusCode === 408 || statusCode === 429 || statusCode >= 500;
        const retryAfterSeconds = parseRetryAfter(header(rh, 'retry-after'));
        const wait = retryAfterSeconds !== null ? ` (retry after ${retryAfterSeconds} s)` : '';
        throw new FetchError('FETCH_FAILED', href, `HTTP ${statusCode}${wait}`, {
          httpStatus: statusCode,
          retryable,
          retryAfterSeconds,
        });
      }
      if (!accepted(type, accept)) {
        discard(body);
        throw new FetchError(
          'FETCH_REFUSED',
          href,
          `content type ${type} is not one of ${accept!.join(', ')}`,
        );
      }
      const declared = Number(header(rh, 'content-length'));
      if (Number.isFinite(declared) && declared > o.maxBytes) {
        discard(body);
        throw new FetchError(
          'FETCH_REFUSED',
          href,
          `body of ${declared} bytes exceeds the ${o.maxBytes}-byte limit`,
        );
      }
      const tooBig = (what: string) => () =>
        new FetchError('FETCH_REFUSED', href, `${what} exceeds the ${o.maxBytes}-byte limit`);
      const chunks: Buffer[] = [];
      try {
        const raw = capped(body as AsyncIterable<Buffer>, o.maxBytes, tooBig('body'));
        const plain = decoded(raw, header(rh, 'content-encoding') ?? '');
        for await (const chunk of capped(plain, o.maxBytes, tooBig('decompressed body'))) chunks.push(chunk);
      } catch (e) {
        discard(body);
        if (e instanceof FetchError) throw e;
        const { reason, retryable } = networkReason(signal.aborted ? signal.reason : e);
        throw new FetchError('FETCH_FAILED', href, `reading the body failed: ${reason}`, {
          retryable,
          cause: e,
        });
      }
      return { ...base, status: statusCode, notModified: false, body: new Uint8Array(Buffer.concat(chunks)) };
    } finally {
      agent.destroy().catch(() => undefined);
    }
  }
}
