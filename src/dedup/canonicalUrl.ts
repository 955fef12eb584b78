// One spelling per article URL, so the same article reached through different links is one
// row: scheme and host in lower case (the URL parser does this, and punycodes IDN hosts),
// default ports and fragments dropped, tracking parameters removed, the remaining query
// parameters sorted. Path case and trailing slashes are kept: servers may tell them apart.
import { DmonError } from '../errors.js';
import { TRACKING_PARAMS } from './trackingParams.js';

const EXACT = new Set(TRACKING_PARAMS.filter((p) => !p.endsWith('*')));
const PREFIXES = TRACKING_PARAMS.filter((p) => p.endsWith('*')).map((p) => p.slice(0, -1));

export function isTrackingParam(name: string): boolean {
  const n = name.toLowerCase();
  return EXACT.has(n) || PREFIXES.some((p) => n.startsWith(p));
}

export interface CanonicalUrlOptions {
  /** Treat 'www.host' as 'host'. Off by default: a few sites serve different pages. */
  stripWww?: boolean;
}

/**
 * The canonical form of an http(s) URL. Throws DmonError 'USAGE' for a string that is not an
 * absolute http(s) URL; use tryCanonicalUrl for a null instead.
 */
export function canonicalUrl(url: string, options: CanonicalUrlOptions = {}): string {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    throw new DmonError(
      'USAGE',
      `'${url}' is not an absolute URL; give one that starts with http:// or https://`,
    );
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new DmonError(
      'USAGE',
      `'${url}' is a ${u.protocol} URL; only http and https article URLs are kept`,
    );
  }
  u.hash = '';
  u.username = '';
  u.password = '';
  if (options.stripWww && u.hostname.startsWith('www.')) u.hostname = u.hostname.slice(4);
  if (u.hostname.endsWith('.')) u.hostname = u.hostname.slice(0, -1);
  const kept = [...u.searchParams].filter(([k]) => !isTrackingParam(k));
  kept.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  u.search = kept.length > 0 ? new URLSearchParams(kept).toString() : '';
  return u.href;
}

/** canonicalUrl, or null when the string is not an absolute http(s) URL. */
export function tryCanonicalUrl(
  url: string | null | undefined,
  options: CanonicalUrlOptions = {},
): string | null {
  if (typeof url !== 'string' || url.trim() === '') return null;
  try {
    return canonicalUrl(url, options);
  } catch {
    return null;
  }
}
