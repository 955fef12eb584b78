// Bytes of unknown kind (a fetched response, an uploaded file) → a document: the content type
// and the bytes themselves decide between HTML, PDF and plain text; binary data is refused.
import { DmonError } from '../errors.js';
import { htmlToDocument } from './html.js';
import { detectLanguage } from './language.js';
import { pdfToText } from './pdf.js';
import { decodeText, sniff } from './sniff.js';

export interface ExtractedDocument {
  kind: 'html' | 'pdf' | 'text';
  title: string | null;
  text: string;
  published: string | null;
  lang: string | null;
  byline: string | null;
  /** The document's own canonical address (HTML only), else null. */
  url: string | null;
}

export interface FromBytesOptions {
  /** Media type as sent by the server ('text/html'), without parameters. */
  contentType?: string | null;
  charset?: string | null;
  /** Where the bytes came from: the base for relative links and the name in error messages. */
  url?: string;
}

/**
 * Turns bytes into a document. Throws DmonError 'INPUT_BINARY' for binary data,
 * 'INPUT_UNREADABLE' for a broken PDF and 'INPUT_EMPTY' when no text is found.
 */
export async function documentFromBytes(
  bytes: Uint8Array,
  options: FromBytesOptions = {},
): Promise<ExtractedDocument> {
  const name = options.url ?? 'input';
  const s = sniff(bytes);
  const type = options.contentType?.toLowerCase() ?? null;
  if (s.kind === 'binary') {
    throw new DmonError(
      'INPUT_BINARY',
      `${name}: looks like ${s.detail ?? 'binary data'}${type ? ` (${type})` : ''}, not a page or a PDF`,
    );
  }
  let doc: ExtractedDocument;
  if (s.kind === 'pdf') {
    const pdf = await pdfToText(bytes, { name });
    doc = {
      kind: 'pdf',
      title: pdf.title,
      text: pdf.text,
      published: pdf.published,
      lang: detectLanguage(pdf.text),
      byline: null,
      url: null,
    };
  } else {
    const text = decodeText(bytes, { charset: options.charset ?? null });
    const html =
      s.kind === 'html' ||
      type === 'text/html' ||
      type === 'application/xhtml+xml' ||
      (s.kind === 'xml' && /<html[\s>]/i.test(text.slice(0, 4096)));
    if (html) {
      const h = htmlToDocument(text, options.url ? { url: options.url } : {});
      doc = { kind: 'html', ...h };
    } else {
      const plain = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
      doc = {
        kind: 'text',
        title: null,
        text: plain,
        published: null,
        lang: detectLanguage(plain),
        byline: null,
        url: null,
      };
    }
  }
  if (doc.text.trim() === '') {
    throw new DmonError(
      'INPUT_EMPTY',
      `${name}: no text found in this ${doc.kind === 'pdf' ? 'PDF (scanned pages need OCR first)' : doc.kind === 'html' ? 'page' : 'file'}`,
    );
  }
  return doc;
}
