// A record (a JSONL object, a CSV row, a JSON array element) → a document. The one set of
// fields `dmon import` and `dmon extract --jsonl` accept: id?, url?, title?, text or html,
// published? (any form normaliseDate reads), lang?, source?, attribution? (with a few common
// synonyms for spreadsheet headers). A record that breaks the contract yields a DmonError
// naming the field and what to give instead.
import { DmonError, type ErrorCode } from '../errors.js';
import { normaliseDate } from './date.js';
import type { SourceDocument } from './document.js';
import { htmlToDocument } from './html.js';
import { detectLanguage, primaryLanguage } from './language.js';

/** A document read from a record, with the record's own id when it has one. */
export interface RecordDocument extends SourceDocument {
  id?: string;
}

/** Header synonyms seen in spreadsheets exported by other tools. */
export const FIELD_ALIASES: Readonly<Record<string, string>> = {
  body: 'text',
  content: 'text',
  article: 'text',
  link: 'url',
  date: 'published',
  published_at: 'published',
  publication_date: 'published',
  pubdate: 'published',
  language: 'lang',
  headline: 'title',
  publisher: 'source',
  outlet: 'source',
};

const FIELDS = ['id', 'url', 'title', 'text', 'html', 'published', 'lang', 'source', 'attribution'] as const;

export function canonicalField(name: string): string {
  const n = name.trim().toLowerCase();
  return FIELD_ALIASES[n] ?? n;
}

function bad(code: ErrorCode, origin: string, message: string): DmonError {
  return new DmonError(code, `${origin}: ${message}`);
}

/**
 * Validates one record and turns it into an article. `code` is the error code for a malformed
 * record ('JSONL_INVALID' for JSONL; CSV uses 'INPUT_UNREADABLE').
 */
export function documentFromRecord(
  rec: Record<string, unknown>,
  origin: string,
  code: ErrorCode,
): RecordDocument | DmonError {
  const f: Partial<Record<(typeof FIELDS)[number], string>> = {};
  for (const [key, value] of Object.entries(rec)) {
    const name = canonicalField(key) as (typeof FIELDS)[number];
    if (!FIELDS.includes(name) || value === null || value === undefined) continue;
    if (name === 'id' && typeof value === 'number') {
      f.id = String(value);
      continue;
    }
    if (typeof value !== 'string')
      return bad(
        code,
        origin,
        `field '${key}' must be a string, not ${Array.isArray(value) ? 'an array' : typeof value}`,
      );
    if (value.trim() !== '' && f[name] === undefined) f[name] = value;
  }
  // The text is kept exactly as given (evidence offsets point into it); only emptiness is checked.
  let text = f.text ?? '';
  let title = f.title?.trim() || null;
  let published: string | null = null;
  let lang = primaryLanguage(f.lang);
  let url: string | null = null;

  if (f.url !== undefined) {
    try {
      const u = new URL(f.url.trim());
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('scheme');
      url = u.href;
    } catch {
      return bad(code, origin, `url '${f.url.slice(0, 200)}' is not an absolute http(s) URL`);
    }
  }
  if (f.lang !== undefined && lang === null)
    return bad(code, origin, `lang '${f.lang.slice(0, 50)}' is not a language code like 'en' or 'fr'`);
  if (f.published !== undefined) {
    published = normaliseDate(f.published);
    if (published === null) {
      return bad(
        'DATE_INVALID',
        origin,
        `published '${f.published.slice(0, 50)}' is not a date; use YYYY-MM-DD`,
      );
    }
  }
  if (text.trim() === '' && f.html !== undefined) {
    const doc = htmlToDocument(f.html, url ? { url } : {});
    text = doc.text;
    title ??= doc.title;
    published ??= doc.published;
    lang ??= doc.lang;
    url ??= doc.url;
  }
  if (text.trim() === '') return bad(code, origin, "needs a non-empty 'text' (or 'html') field");
  lang ??= detectLanguage(text);
  const article: RecordDocument = {
    url,
    title,
    text,
    published,
    lang,
    source: f.source?.trim() || null,
    attribution: f.attribution?.trim() || null,
  };
  if (f.id !== undefined) article.id = f.id.trim();
  return article;
}
