// HTML → document: the article's main text (Mozilla Readability on a linkedom DOM), its
// title, byline, language and publication date. Never throws on malformed markup: a page
// Readability cannot read falls back to the text of the whole body.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { normaliseDate } from './date.js';
import { domToText, type DomNode } from './domText.js';
import { detectLanguage, primaryLanguage } from './language.js';

export interface HtmlDocument {
  title: string | null;
  /** Main text; paragraphs separated by one blank line. '' when the page has no text. */
  text: string;
  /** Publication date, YYYY-MM-DD, from the page's metadata; null when none is stated. */
  published: string | null;
  /** ISO 639-1 code: detected from the text, else the page's declared language. */
  lang: string | null;
  byline: string | null;
  /** The page's own idea of its address: <link rel="canonical">, else og:url (absolute http(s)). */
  url: string | null;
}

export interface HtmlOptions {
  /** The page's address: the base for relative links, and what Readability is told. */
  url?: string;
}

/**
 * Readability's cost grows steeply with nesting depth (≈ 0.3 s at depth 250, 7 s at 1,000) and
 * with element count (≈ 2.4 s for 60,000 elements on a 2-core machine). Pages deeper or larger
 * than these limits skip Readability and use the whole body's text. Real news pages sit far
 * below both (depth < 60, elements < 10,000).
 */
export const READABILITY_MAX_DEPTH = 200;
export const READABILITY_MAX_ELEMENTS = 60_000;

interface El extends DomNode {
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
}
interface Doc extends DomNode {
  querySelector(sel: string): El | null;
  querySelectorAll(sel: string): ArrayLike<El>;
  body: El | null;
  documentElement: El | null;
}

/** Meta tags that carry a publication date, most specific first. */
const DATE_META = [
  'article:published_time',
  'og:published_time',
  'datepublished',
  'article.published',
  'publication_date',
  'citation_publication_date',
  'citation_date',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date',
  'dcterms.created',
  'date',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'sailthru.date',
  'parsely-pub-date',
];
const AUTHOR_META = ['author', 'article:author', 'dc.creator', 'byl', 'parsely-author'];

/** Whether the tree below `root` nests deeper or holds more elements than Readability is given. */
function tooComplexForReadability(root: DomNode): boolean {
  let elements = 0;
  const stack: [DomNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > READABILITY_MAX_DEPTH || ++elements > READABILITY_MAX_ELEMENTS) return true;
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) if (kids[i]!.nodeType === 1) stack.push([kids[i]!, depth + 1]);
  }
  return false;
}

/**
 * htmlparser2 (under linkedom) spends time quadratic in the number of elements left open at
 * once: 50,000 unclosed <div>s take seconds. A linear pre-scan estimates that depth; pages
 * past this limit are flattened (every tag becomes a paragraph break or nothing) before
 * parsing. Tags a parser closes implicitly (p, li, td, …) and void tags do not count.
 */
export const HTML_MAX_OPEN_ELEMENTS = 5_000;
const NOT_NESTING = new Set([
  'p',
  'li',
  'td',
  'th',
  'tr',
  'dt',
  'dd',
  'option',
  'optgroup',
  'rb',
  'rt',
  'rp',
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'keygen',
  'menuitem',
  'frame',
  'basefont',
  'isindex',
  '!doctype',
]);
const TAG = /<(\/?)([a-zA-Z!][a-zA-Z0-9-]*)[^>]*?(\/?)>/g;

function openDepthExceeds(html: string, limit: number): boolean {
  let depth = 0;
  for (const m of html.matchAll(TAG)) {
    const name = m[2]!.toLowerCase();
    if (NOT_NESTING.has(name)) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (!m[3] && ++depth > limit) return true;
  }
  return false;
}

/** Drops scripts and styles and turns every other tag into a paragraph break or nothing. */
function flatten(html: string): string {
  return html
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(TAG, (_t, _c, name: string) =>
      /^(div|p|h[1-6]|li|tr|section|article|br|blockquote|pre|table|ul|ol)$/i.test(name) ? '\ue000' : '',
    )
    .replace(/\s*\ue000[\s\ue000]*/g, '</p><p>');
}

/**
 * linkedom builds head and body inside the first element of a fragment that has no <body>
 * tag; wrapping such fragments in a skeleton document gives the DOM a browser would build.
 */
function asDocument(html: string): string {
  if (openDepthExceeds(html, HTML_MAX_OPEN_ELEMENTS))
    html = `<!DOCTYPE html><html><head></head><body><p>${flatten(html)}</p></body></html>`;
  return /<body[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
}

function parse(html: string, url: string | undefined): Doc {
  let location: URL | undefined;
  if (url) {
    try {
      location = new URL(url);
    } catch {
      location = undefined;
    }
  }
  const window = parseHTML(asDocument(html), location ? { location } : undefined) as unknown as {
    document: Doc;
  };
  return window.document;
}

function absoluteHttp(href: string | null | undefined, base: string | undefined): string | null {
  if (!href) return null;
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function clean(s: string | null | undefined): string | null {
  if (typeof s !== 'string') return null;
  const t = s.replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
}

/** Meta values keyed by lower-cased name/property/itemprop. */
function metaTable(doc: Doc): Map<string, string> {
  const out = new Map<string, string>();
  const metas = doc.querySelectorAll('meta');
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i]!;
    const content = m.getAttribute('content') ?? m.getAttribute('datetime');
    if (content == null) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = m.getAttribute(attr)?.trim().toLowerCase();
      if (key && !out.has(key)) out.set(key, content);
    }
  }
  return out;
}

/** Every JSON-LD object in the page, flattened through arrays and @graph. */
function jsonLdObjects(doc: Doc): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    let data: unknown;
    try {
      data = JSON.parse(scripts[i]!.textContent ?? '');
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    while (queue.length > 0 && out.length < 200) {
      const v = queue.shift();
      if (Array.isArray(v)) queue.push(...v);
      else if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        out.push(o);
        if (o['@graph']) queue.push(o['@graph']);
      }
    }
  }
  return out;
}

function publishedDate(doc: Doc, meta: Map<string, string>, ld: Record<string, unknown>[]): string | null {
  for (const key of DATE_META) {
    const d = normaliseDate(meta.get(key));
    if (d) return d;
  }
  for (const field of ['datePublished', 'dateCreated', 'uploadDate']) {
    for (const o of ld) {
      const v = o[field];
      const d = normaliseDate(typeof v === 'string' ? v : null);
      if (d) return d;
    }
  }
  const preferred = doc.querySelector('time[itemprop="datePublished"], time[pubdate], time[datetime]');
  if (preferred) {
    const d = normaliseDate(preferred.getAttribute('datetime') ?? preferred.textContent);
    if (d) return d;
  }
  return null;
}

function ldAuthor(ld: Record<string, unknown>[]): string | null {
  for (const o of ld) {
    const a = o['author'];
    const first = Array.isArray(a) ? a[0] : a;
    if (typeof first === 'string') return clean(first);
    if (first && typeof first === 'object') {
      const name = (first as Record<string, unknown>)['name'];
      if (typeof name === 'string') return clean(name);
    }
  }
  return null;
}

function declaredLanguage(doc: Doc, meta: Map<string, string>): string | null {
  return (
    primaryLanguage(doc.documentElement?.getAttribute('lang')) ??
    primaryLanguage(meta.get('content-language')) ??
    primaryLanguage(meta.get('og:locale'))
  );
}

function bodyText(html: string, url: string | undefined): string {
  const doc = parse(html, url);
  return domToText(doc.body ?? doc);
}

/**
 * Extracts an article from an HTML page. Metadata comes from the untouched page (Readability
 * rewrites the DOM it reads); the text from Readability, or from the whole body when
 * Readability finds nothing.
 */
export function htmlToDocument(html: string, options: HtmlOptions = {}): HtmlDocument {
  const source = typeof html === 'string' ? html : '';
  const { url } = options;
  let title: string | null = null;
  let published: string | null = null;
  let declared: string | null = null;
  let byline: string | null = null;
  let canonical: string | null = null;
  let text = '';
  let untouched: Doc | null = null;
  try {
    const doc = parse(source, url);
    const meta = metaTable(doc);
    const ld = jsonLdObjects(doc);
    published = publishedDate(doc, meta, ld);
    canonical =
      absoluteHttp(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), url) ??
      absoluteHttp(meta.get('og:url'), url);
    declared = declaredLanguage(doc, meta);
    byline = clean(meta.get('author')) ?? ldAuthor(ld);
    for (const key of AUTHOR_META.slice(1)) byline ??= clean(meta.get(key));
    title =
      clean(meta.get('og:title')) ??
      clean(doc.querySelector('title')?.textContent) ??
      clean(doc.querySelector('h1')?.textContent);

    if (tooComplexForReadability(doc)) untouched = doc;
    const article = untouched
      ? null
      : new Readability<DomNode>(doc as never, {
          serializer: (n) => n as unknown as DomNode,
          maxElemsToParse: READABILITY_MAX_ELEMENTS,
        }).parse();
    if (article) {
      title = clean(article.title) ?? title;
      byline = clean(article.byline) ?? byline;
      if (article.content) text = domToText(article.content);
    }
  } catch {
    // Readability or the parser choked on this page; the body text below still stands.
  }
  if (text === '') {
    try {
      text = untouched ? domToText(untouched.body ?? untouched) : bodyText(source, url);
    } catch {
      text = '';
    }
  }
  const lang = detectLanguage(text) ?? declared;
  return { title, text, published, lang, byline, url: canonical };
}

/**
 * Plain text of an HTML snippet (a feed item's summary, a title with markup): tags dropped,
 * entities decoded, paragraphs kept. No Readability: the whole snippet is the text.
 */
export function htmlToPlainText(html: string): string {
  if (typeof html !== 'string' || html === '') return '';
  if (!/[<&]/.test(html)) return html.replace(/[ \t]+/g, ' ').trim();
  try {
    return bodyText(html, undefined);
  } catch {
    return '';
  }
}
