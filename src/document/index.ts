export { normaliseDate } from './date.js';
export type { SourceDocument } from './document.js';
export {
  documentFromBytes,
  type BytesDocument,
  type BytesFormat,
  type FromBytesOptions,
} from './fromBytes.js';
export { FIELD_ALIASES, canonicalField, documentFromRecord, type RecordDocument } from './fromRecord.js';
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
