// Feeds → a flat list of items to fetch. feedsmith (on fast-xml-parser) reads RSS 0.9x–2.0,
// Atom 0.3/1.0, RDF (RSS 1.0) and JSON Feed 1.x and keeps each format's own structure; this
// module maps them onto one item shape. XML entities declared in a DOCTYPE are never
// expanded (feedsmith sets processEntities: false), so an entity bomb parses as literal text.
// A feed cut off mid-item is salvaged up to its last complete item.
import { DetectError, parseFeed as feedsmithParse } from 'feedsmith';
import { DmonError } from '../errors.js';
import { normaliseDate } from '../document/date.js';
import { htmlToPlainText } from '../document/html.js';
import { sniff } from '../document/sniff.js';
import { discoverFeedLinks } from './discover.js';

export interface FeedItem {
  /** Absolute http(s) URL of the article. */
  url: string;
  title: string | null;
  /** YYYY-MM-DD, the publisher's calendar day; null when the item carries no usable date. */
  published: string | null;
  /** The item's summary as plain text; null when absent. */
  summary: string | null;
  /** The item's own identifier (RSS guid, Atom id, JSON Feed id, RDF about); null when absent. */
  guid: string | null;
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  title: string | null;
  items: FeedItem[];
  /** Items dropped because they had no usable http(s) link. */
  skipped: number;
  /** True when the feed was cut off and only its complete items were kept. */
  truncated: boolean;
}

export interface ParseFeedOptions {
  /** Longest feed accepted, in characters; default 20,000,000. */
  maxChars?: number;
  /** Summaries longer than this are cut (at a word boundary); default 5,000 characters. */
  maxSummaryChars?: number;
}

export const FEED_DEFAULTS = { maxChars: 20_000_000, maxSummaryChars: 5_000 } as const;

type Any = Record<string, unknown>;

function str(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && typeof (v as Any)['value'] === 'string')
    return (v as Any)['value'] as string;
  return null;
}

function plain(v: unknown): string | null {
  const s = str(v);
  if (s === null) return null;
  const t = htmlToPlainText(s).replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
}

function summaryText(v: unknown, max: number): string | null {
  const s = str(v);
  if (s === null) return null;
  let t = htmlToPlainText(s).trim();
  if (t === '') return null;
  if (t.length > max) {
    const cut = t.lastIndexOf(' ', max);
    t = `${t.slice(0, cut > max / 2 ? cut : max)}…`;
  }
  return t;
}

function absolute(link: string | null, base: string): string | null {
  if (!link) return null;
  try {
    const u = new URL(link.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function first<T>(v: T[] | undefined | null): T | undefined {
  return Array.isArray(v) ? v[0] : undefined;
}

function dcDate(item: Any): string | null {
  const dc = item['dc'] as Any | undefined;
  return str(first(dc?.['dates'] as unknown[])) ?? str(dc?.['date']);
}

interface RawItem {
  link: string | null;
  title: unknown;
  date: string | null;
  summary: unknown;
  guid: string | null;
}

function rssItem(item: Any): RawItem {
  const guidObj = item['guid'] as Any | string | undefined;
  const guid = str(guidObj);
  const permalink = typeof guidObj === 'object' && guidObj !== null ? guidObj['isPermaLink'] !== false : true;
  return {
    link: str(item['link']) ?? (permalink && guid && /^https?:\/\//i.test(guid) ? guid : null),
    title: item['title'],
    date: str(item['pubDate']) ?? dcDate(item),
    summary: item['description'] ?? (item['content'] as Any | undefined)?.['encoded'],
    guid,
  };
}

function atomItem(entry: Any): RawItem {
  const links = (entry['links'] as Any[] | undefined) ?? [];
  const alternate =
    links.find(
      (l) => (l['rel'] ?? 'alternate') === 'alternate' && (!l['type'] || /html/i.test(String(l['type']))),
    ) ??
    links.find((l) => (l['rel'] ?? 'alternate') === 'alternate') ??
    links.find((l) => !['enclosure', 'self', 'edit', 'replies'].includes(String(l['rel'])));
  return {
    link: str(alternate?.['href']),
    title: entry['title'],
    date: str(entry['published']) ?? str(entry['updated']) ?? dcDate(entry),
    summary: entry['summary'] ?? entry['content'],
    guid: str(entry['id']),
  };
}

function rdfItem(item: Any): RawItem {
  const about = str((item['rdf'] as Any | undefined)?.['about']);
  return {
    link: str(item['link']) ?? about,
    title: item['title'],
    date: dcDate(item),
    summary: item['description'],
    guid: about,
  };
}

function jsonItem(item: Any): RawItem {
  return {
    link: str(item['url']) ?? str(item['external_url']),
    title: item['title'],
    date: str(item['date_published']) ?? str(item['date_modified']),
    summary: item['summary'] ?? item['content_text'] ?? item['content_html'],
    guid: item['id'] === undefined || item['id'] === null ? null : String(item['id']),
  };
}

/** Closing tags that complete a feed cut after its last complete item, by root element. */
function salvage(xml: string): string | null {
  const lastItem = Math.max(xml.lastIndexOf('</item>'), xml.lastIndexOf('</entry>'));
  if (lastItem < 0) return null;
  const head = xml.slice(0, xml.indexOf('>', lastItem) + 1);
  const root = /<(rss|feed|rdf:RDF)[\s>]/.exec(head)?.[1];
  if (root === 'rss') return `${head}</channel></rss>`;
  if (root === 'feed') return `${head}</feed>`;
  if (root === 'rdf:RDF') return `${head}</rdf:RDF>`;
  return null;
}

/** An XML feed that ends with its root's closing tag (comments and whitespace may follow). */
const CLOSED = /<\/(rss|feed|rdf:RDF)\s*>(\s|<!--[\s\S]*?-->)*$/;

function invalid(feedUrl: string, reason: string, cause?: unknown): DmonError {
  return new DmonError('FEED_INVALID', `${feedUrl}: ${reason}`, { cause });
}

function notAFeed(text: string, feedUrl: string): DmonError {
  const kind = sniff(new Uint8Array(Buffer.from(text.slice(0, 8192)))).kind;
  if (kind === 'html') {
    const found = discoverFeedLinks(text.slice(0, 2_000_000), feedUrl);
    const hint =
      found.length > 0
        ? ` The page links to ${found.length === 1 ? 'a feed' : 'feeds'}: ${found.slice(0, 3).join(', ')}`
        : ' Give the address of its RSS or Atom feed instead.';
    return invalid(feedUrl, `this is an HTML page, not an RSS, Atom, RDF or JSON feed.${hint}`);
  }
  if (kind === 'binary' || kind === 'pdf')
    return invalid(feedUrl, `this is ${kind === 'pdf' ? 'a PDF' : 'binary data'}, not a feed`);
  if (text.trim() === '') return invalid(feedUrl, 'the feed is empty');
  return invalid(
    feedUrl,
    'not an RSS, Atom, RDF or JSON feed (no <rss>, <feed> or <rdf:RDF> root, nor a JSON Feed "version")',
  );
}

/**
 * Parses a feed and returns its items with absolute URLs (relative links are resolved against
 * `feedUrl`). Throws DmonError 'FEED_INVALID' for anything that is not a readable feed (an
 * HTML page, JSON that is not a JSON Feed, broken XML with no complete item), and
 * 'INPUT_TOO_LARGE' past `maxChars`.
 */
export function parseFeed(xml: string, feedUrl: string, options: ParseFeedOptions = {}): ParsedFeed {
  const { maxChars, maxSummaryChars } = { ...FEED_DEFAULTS, ...options };
  if (typeof xml !== 'string') throw invalid(feedUrl, 'the feed is not text');
  if (xml.length > maxChars) {
    throw new DmonError(
      'INPUT_TOO_LARGE',
      `${feedUrl}: feed of ${xml.length} characters exceeds the ${maxChars}-character limit`,
    );
  }
  const text = xml.replace(/^\uFEFF/, '');
  if (text.includes('\u0000')) throw invalid(feedUrl, 'this is binary data, not a feed');

  let parsed: ReturnType<typeof feedsmithParse>;
  let truncated = false;
  const isJson = /^\s*[{[]/.test(text);
  // fast-xml-parser closes whatever is open at the end of its input, so a feed cut off
  // mid-item would yield a half item (with half a URL). An XML feed without its closing root
  // tag is therefore cut back to its last complete item before parsing.
  let source = text;
  if (!isJson && /<(rss|feed|rdf:RDF)[\s>]/.test(text.slice(0, 4096)) && !CLOSED.test(text)) {
    const repaired = salvage(text);
    if (repaired === null) throw invalid(feedUrl, 'the feed is cut off before its first complete item');
    source = repaired;
    truncated = true;
  }
  try {
    parsed = feedsmithParse(source);
  } catch (e) {
    if (e instanceof DetectError) throw notAFeed(text, feedUrl);
    const repaired = isJson || truncated ? null : salvage(text);
    const why = (e as { cause?: Error }).cause?.message ?? (e as Error).message;
    if (repaired === null)
      throw invalid(feedUrl, `the feed is malformed (${why}) and has no complete item to keep`, e);
    try {
      parsed = feedsmithParse(repaired);
      truncated = true;
    } catch (e2) {
      throw invalid(feedUrl, `the feed is malformed (${why})`, e2);
    }
  }

  const feed = parsed.feed as Any;
  let raw: RawItem[];
  switch (parsed.format) {
    case 'rss':
      raw = ((feed['items'] as Any[] | undefined) ?? []).map(rssItem);
      break;
    case 'atom':
      raw = ((feed['entries'] as Any[] | undefined) ?? []).map(atomItem);
      break;
    case 'rdf':
      raw = ((feed['items'] as Any[] | undefined) ?? []).map(rdfItem);
      break;
    case 'json':
      raw = ((feed['items'] as Any[] | undefined) ?? []).map(jsonItem);
      break;
  }
  const items: FeedItem[] = [];
  let skipped = 0;
  for (const r of raw) {
    const url = absolute(r.link, feedUrl);
    if (url === null) {
      skipped++;
      continue;
    }
    items.push({
      url,
      title: plain(r.title),
      published: normaliseDate(r.date),
      summary: summaryText(r.summary, maxSummaryChars),
      guid: r.guid?.trim() || null,
    });
  }
  return { format: parsed.format, title: plain(feed['title']), items, skipped, truncated };
}
