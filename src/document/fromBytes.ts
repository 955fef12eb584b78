// Bytes of unknown kind (a file, standard input, a fetched response) → a document: a format
// the caller names wins, else the content type and the bytes themselves decide between HTML,
// PDF and plain text; binary data is refused. A UTF-8 text with a few damaged bytes is read
// with each bad sequence replaced by U+FFFD, and the document says so in `warnings`.
import { DmonError } from '../errors.js';
import type { SourceDocument } from './document.js';
import { htmlToDocument } from './html.js';
import { detectLanguage } from './language.js';
import { pdfToText } from './pdf.js';
import { decodeTextDetailed, sniff } from './sniff.js';

export interface BytesDocument extends SourceDocument {
  kind: 'html' | 'pdf' | 'text';
}

export type BytesFormat = 'html' | 'text' | 'pdf';

export interface FromBytesOptions {
  /** Media type as sent by the server ('text/html'), without parameters. */
  contentType?: string | null;
  charset?: string | null;
  /** Where the bytes came from: the base for relative links in HTML. */
  url?: string;
  /** The name used in error messages (default: the url, else 'input'). */
  name?: string;
  /** Read the bytes as this format (a file's extension, a --format flag) instead of guessing. */
  format?: BytesFormat;
  /**
   * Refuse JSON and XML that is not a page: a fetched feed or API response is not an article.
   * Files given by hand are read as text instead.
   */
  rejectData?: boolean;
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/**
 * Turns bytes into a document. Throws DmonError 'INPUT_BINARY' for binary data (and data
 * formats with `rejectData`), 'INPUT_UNREADABLE' for a broken PDF or a named PDF that is not
 * one, and 'INPUT_EMPTY' when no text is found.
 */
export async function documentFromBytes(
  bytes: Uint8Array,
  options: FromBytesOptions = {},
): Promise<BytesDocument> {
  const name = options.name ?? options.url ?? 'input';
  if (bytes.length === 0) throw new DmonError('INPUT_EMPTY', `${name}: the input is empty; nothing to read`);
  const s = sniff(bytes);
  const type = options.contentType?.toLowerCase() ?? null;
  if (s.kind === 'binary') {
    throw new DmonError(
      'INPUT_BINARY',
      `${name}: looks like binary data (${s.detail ?? 'undecodable bytes'}${type ? `, ${type}` : ''}), not a page, a text or a PDF`,
    );
  }
  if (options.format === 'pdf' && s.kind !== 'pdf')
    throw new DmonError('INPUT_UNREADABLE', `${name}: has a .pdf name but is not a PDF (no %PDF- header)`);
  let doc: BytesDocument;
  const warnings: string[] = [];
  if (s.kind === 'pdf') {
    const pdf = await pdfToText(bytes, { name });
    doc = { ...blank('pdf', pdf.text), title: pdf.title, published: pdf.published };
  } else {
    const decoded = decodeTextDetailed(bytes, { charset: options.charset ?? null });
    const text = decoded.text;
    if (decoded.replaced > 0) warnings.push(replacedWarning(name, decoded.replaced));
    const html = options.format
      ? options.format === 'html'
      : s.kind === 'html' ||
        (type !== null && HTML_TYPES.has(type)) ||
        (s.kind === 'xml' && /<html[\s>]/i.test(text.slice(0, 4096)));
    if (!html && options.rejectData && (s.kind === 'json' || s.kind === 'xml') && type !== 'text/plain')
      throw new DmonError(
        'INPUT_BINARY',
        `${name}: the response is ${s.kind.toUpperCase()} (${type ?? 'no content type'}), not an article (HTML, PDF or text); feeds go in \`dmon feeds add\``,
      );
    if (html) {
      const h = htmlToDocument(text, options.url ? { url: options.url } : {});
      doc = { ...blank('html', h.text, h.lang), title: h.title, published: h.published, url: h.url };
    } else {
      // Windows line ends become \n so that sentence rules and offsets see one kind of break.
      doc = blank('text', text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
    }
  }
  if (doc.text.trim() === '') {
    const what =
      doc.kind === 'pdf'
        ? 'no text found in this PDF (scanned pages without a text layer need OCR first)'
        : doc.kind === 'html'
          ? 'no text found in this HTML page'
          : 'the input is empty; nothing to read';
    throw new DmonError('INPUT_EMPTY', `${name}: ${what}`);
  }
  return warnings.length ? { ...doc, warnings } : doc;
}

/** The warning for a text read as UTF-8 with bad sequences replaced. */
export function replacedWarning(name: string, count: number): string {
  return `${name}: ${count} invalid UTF-8 ${count === 1 ? 'sequence' : 'sequences'} replaced with U+FFFD (\ufffd)`;
}

function blank(kind: BytesDocument['kind'], text: string, lang?: string | null): BytesDocument {
  return {
    kind,
    text,
    title: null,
    published: null,
    lang: lang === undefined ? detectLanguage(text) : lang,
    url: null,
    source: null,
    attribution: null,
  };
}
