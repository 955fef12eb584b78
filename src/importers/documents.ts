// Whole-file documents: an HTML page, a plain-text file or a PDF is one article.
import { htmlToDocument } from '../document/html.js';
import { detectLanguage } from '../document/language.js';
import { pdfToText } from '../document/pdf.js';
import { decodeText, sniff } from '../document/sniff.js';
import { DmonError } from '../errors.js';
import type { ImportItem } from './types.js';

export type DocumentFormat = 'html' | 'txt' | 'pdf';

function empty(origin: string, what: string): ImportItem {
  return { origin, error: new DmonError('INPUT_EMPTY', `${origin}: no text found in this ${what}`) };
}

/** Turns one file's bytes into an article (or an ImportError). Never throws. */
export async function readDocument(
  bytes: Uint8Array,
  origin: string,
  format: DocumentFormat,
): Promise<ImportItem> {
  if (bytes.length === 0)
    return { origin, error: new DmonError('INPUT_EMPTY', `${origin}: the file is empty`) };
  const kind = sniff(bytes);
  if (kind.kind === 'binary') {
    return {
      origin,
      error: new DmonError(
        'INPUT_BINARY',
        `${origin}: looks like ${kind.detail ?? 'binary data'}, not ${format === 'pdf' ? 'a PDF' : 'text'}`,
      ),
    };
  }
  if (format === 'pdf' || kind.kind === 'pdf') {
    if (kind.kind !== 'pdf')
      return {
        origin,
        error: new DmonError(
          'INPUT_UNREADABLE',
          `${origin}: has a .pdf name but is not a PDF (no %PDF- header)`,
        ),
      };
    try {
      const pdf = await pdfToText(bytes, { name: origin });
      if (pdf.text.trim() === '')
        return empty(origin, 'PDF (scanned pages without a text layer need OCR first)');
      return {
        url: null,
        title: pdf.title,
        text: pdf.text,
        published: pdf.published,
        lang: detectLanguage(pdf.text),
        source: null,
        attribution: null,
        origin,
      };
    } catch (e) {
      return {
        origin,
        error:
          e instanceof DmonError
            ? e
            : new DmonError('INPUT_UNREADABLE', `${origin}: ${(e as Error).message}`),
      };
    }
  }
  const text = decodeText(bytes);
  if (format === 'html') {
    const doc = htmlToDocument(text);
    if (doc.text.trim() === '') return empty(origin, 'HTML page');
    return {
      url: doc.url,
      title: doc.title,
      text: doc.text,
      published: doc.published,
      lang: doc.lang,
      source: null,
      attribution: null,
      origin,
    };
  }
  const plain = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (plain.trim() === '') return empty(origin, 'text file');
  return {
    url: null,
    title: null,
    text: plain,
    published: null,
    lang: detectLanguage(plain),
    source: null,
    attribution: null,
    origin,
  };
}
