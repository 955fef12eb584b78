export { normaliseDate } from './date.js';
export { documentFromBytes, type ExtractedDocument, type FromBytesOptions } from './fromBytes.js';
export {
  HTML_MAX_OPEN_ELEMENTS,
  READABILITY_MAX_DEPTH,
  READABILITY_MAX_ELEMENTS,
  htmlToDocument,
  htmlToPlainText,
  type HtmlDocument,
  type HtmlOptions,
} from './html.js';
export { LANGUAGE_SAMPLE_CHARS, MIN_LANGUAGE_CHARS, detectLanguage, primaryLanguage } from './language.js';
export { PDF_DEFAULT_MAX_PAGES, pdfToText, type PdfDocument, type PdfOptions } from './pdf.js';
export { assertTextual, decodeText, sniff, type ContentKind, type Sniffed } from './sniff.js';
