// PDF → text with unpdf (a serverless build of Mozilla pdf.js bundled in the package: no
// worker, no network, no native code). Pages are separated by a blank line; the title and
// creation date come from the PDF's info dictionary.
import { getDocumentProxy, getMeta } from 'unpdf';
import { DmonError } from '../errors.js';
import { normaliseDate } from './date.js';

export interface PdfDocument {
  text: string;
  title: string | null;
  /** The PDF's creation date, YYYY-MM-DD; null when absent or unreadable. */
  published: string | null;
  pages: number;
}

export interface PdfOptions {
  /** Only this many leading pages are read; default 500. */
  maxPages?: number;
  /** Name of the input in error messages (a path or URL). */
  name?: string;
}

export const PDF_DEFAULT_MAX_PAGES = 500;

function clean(s: unknown): string | null {
  if (typeof s !== 'string') return null;
  const t = s.replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
}

/** Normalises pdf.js's page text: no trailing spaces, at most one blank line in a row. */
function tidy(page: string): string {
  return page
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Reads the text of a PDF. Throws DmonError 'INPUT_UNREADABLE' when the bytes are not a PDF
 * pdf.js can open (corrupt, truncated, password-protected).
 */
export async function pdfToText(bytes: Uint8Array, options: PdfOptions = {}): Promise<PdfDocument> {
  const name = options.name ?? 'PDF input';
  const maxPages = options.maxPages ?? PDF_DEFAULT_MAX_PAGES;
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const data = new Uint8Array(bytes);
  let proxy: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    proxy = await getDocumentProxy(data, { stopAtErrors: false, isEvalSupported: false, verbosity: 0 });
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new DmonError(
      'INPUT_UNREADABLE',
      `${name}: not a readable PDF (${reason}); give an unencrypted, complete PDF file`,
      {
        cause: e,
      },
    );
  }
  try {
    let title: string | null = null;
    let published: string | null = null;
    try {
      const meta = await getMeta(proxy);
      const info = meta.info as Record<string, unknown>;
      title = clean(info['Title']);
      published = normaliseDate(clean(info['CreationDate']));
    } catch {
      // A broken info dictionary leaves title and date unknown; the text still counts.
    }
    const pages: string[] = [];
    const count = Math.min(proxy.numPages, maxPages);
    for (let i = 1; i <= count; i++) {
      const page = await proxy.getPage(i);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str;
        if (item.hasEOL) text += '\n';
      }
      page.cleanup();
      const t = tidy(text);
      if (t !== '') pages.push(t);
    }
    return { text: pages.join('\n\n'), title, published, pages: proxy.numPages };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new DmonError('INPUT_UNREADABLE', `${name}: the PDF's pages could not be read (${reason})`, {
      cause: e,
    });
  } finally {
    await proxy.destroy().catch(() => undefined);
  }
}
