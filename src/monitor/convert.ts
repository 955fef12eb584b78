// A fetched resource → the document to store: PDF through pdf.js, HTML through Readability,
// plain text as is; anything else is refused with INPUT_BINARY.
import { DmonError } from '../errors.js';
import { htmlToDocument } from '../document/html.js';
import { detectLanguage } from '../document/language.js';
import { pdfToText } from '../document/pdf.js';
import { decodeText, sniff } from '../document/sniff.js';
import type { FetchedResource, ParsedDocument } from './deps.js';

export async function resourceToDocument(res: FetchedResource): Promise<ParsedDocument> {
  const s = sniff(res.body);
  const type = (res.contentType ?? '').toLowerCase();
  if (s.kind === 'pdf') {
    const pdf = await pdfToText(res.body, { name: res.url });
    return { title: pdf.title, text: pdf.text, published: pdf.published, lang: detectLanguage(pdf.text) };
  }
  if (s.kind === 'binary')
    throw new DmonError(
      'INPUT_BINARY',
      `${res.url}: the response is ${s.detail ?? 'binary data'}, not an article (HTML, PDF or text)`,
    );
  const raw = decodeText(res.body, { charset: res.charset });
  if (s.kind === 'html' || type.includes('html')) {
    const doc = htmlToDocument(raw, { url: res.url });
    return { title: doc.title, text: doc.text, published: doc.published, lang: doc.lang };
  }
  if (s.kind === 'text' || type.startsWith('text/plain'))
    return { title: null, text: raw.trim(), published: null, lang: detectLanguage(raw) };
  throw new DmonError(
    'INPUT_BINARY',
    `${res.url}: the response is ${s.kind.toUpperCase()} (${res.contentType ?? 'no content type'}), not an article; feeds go in \`dmon feeds add\``,
  );
}
