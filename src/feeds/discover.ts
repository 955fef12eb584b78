// Feed autodiscovery: the feeds an HTML page advertises with
// <link rel="alternate" type="application/rss+xml" href="…"> (and Atom, RDF, JSON Feed).
import { parseHTML } from 'linkedom';

const FEED_TYPES = new Set([
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/feed+json',
  'application/json',
  'application/xml',
  'text/xml',
]);

interface LinkEl {
  getAttribute(name: string): string | null;
}

/** Absolute URLs of the feeds a page links to, in page order, without duplicates. */
export function discoverFeedLinks(html: string, pageUrl: string): string[] {
  const out: string[] = [];
  let links: ArrayLike<LinkEl>;
  try {
    const { document } = parseHTML(html) as unknown as {
      document: { querySelectorAll(s: string): ArrayLike<LinkEl> };
    };
    links = document.querySelectorAll('link[href]');
  } catch {
    return out;
  }
  for (let i = 0; i < links.length; i++) {
    const l = links[i]!;
    const rel = (l.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const type = (l.getAttribute('type') ?? '').toLowerCase().split(';')[0]!.trim();
    if (!rel.includes('alternate') || !FEED_TYPES.has(type)) continue;
    try {
      const u = new URL(l.getAttribute('href')!.trim(), pageUrl);
      if ((u.protocol === 'http:' || u.protocol === 'https:') && !out.includes(u.href)) out.push(u.href);
    } catch {
      // An unusable href is skipped.
    }
  }
  return out;
}
