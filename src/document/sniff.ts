// Content sniffing: tells text (HTML, XML, JSON, plain) from PDF and from binary junk by the
// bytes themselves, and decodes text with the right character set. Callers use it to reject
// binary input with DmonError 'INPUT_BINARY' before any parser sees it.
import { TextDecoder } from 'node:util';
import { DmonError } from '../errors.js';

export type ContentKind = 'pdf' | 'html' | 'xml' | 'json' | 'text' | 'binary';

export interface Sniffed {
  kind: ContentKind;
  /** For binary content, what it looks like ('gzip', 'PNG image', 'NUL bytes', …). */
  detail: string | null;
}

/** How many leading bytes are examined. */
export const SNIFF_BYTES = 8192;
/** Share of control characters (other than tab, newline, CR, form feed, escape) that marks binary. */
export const MAX_CONTROL_SHARE = 0.02;

const MAGIC: [number[], string][] = [
  [[0x1f, 0x8b], 'gzip data'],
  [[0x50, 0x4b, 0x03, 0x04], 'ZIP archive (or DOCX/XLSX/ODT)'],
  [[0x89, 0x50, 0x4e, 0x47], 'PNG image'],
  [[0xff, 0xd8, 0xff], 'JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'GIF image'],
  [[0x52, 0x49, 0x46, 0x46], 'RIFF media (WebP/WAV/AVI)'],
  [[0x7f, 0x45, 0x4c, 0x46], 'ELF executable'],
  [[0x4d, 0x5a, 0x90, 0x00], 'Windows executable'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'legacy Office document'],
  [[0x42, 0x5a, 0x68], 'bzip2 data'],
  [[0xfd, 0x37, 0x7a, 0x58, 0x5a], 'xz data'],
  [[0x28, 0xb5, 0x2f, 0xfd], 'zstd data'],
  [[...Buffer.from('SQLite format 3\0', 'latin1')], 'SQLite database'],
  [[0x00, 0x00, 0x00], 'binary data (leading NUL bytes)'],
];

function startsWith(bytes: Uint8Array, magic: number[], at = 0): boolean {
  if (bytes.length < at + magic.length) return false;
  return magic.every((b, i) => bytes[at + i] === b);
}

function bom(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', length: 3 };
  if (startsWith(bytes, [0xff, 0xfe])) return { encoding: 'utf-16le', length: 2 };
  if (startsWith(bytes, [0xfe, 0xff])) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** Classifies the text kind of a decoded prefix. */
function textKind(head: string): ContentKind {
  const s = head.replace(/^\uFEFF/, '').trimStart();
  if (/^[{[]/.test(s)) return 'json';
  const lower = s.slice(0, 2048).toLowerCase();
  if (/^<!doctype\s+html|^<html[\s>]/.test(lower)) return 'html';
  if (/^<\?xml|^<(rss|feed|rdf:rdf|opml|urlset|sitemapindex)[\s>]/.test(lower)) {
    return /<html[\s>]/.test(lower) && !/<(rss|feed|rdf:rdf)[\s>]/.test(lower) ? 'html' : 'xml';
  }
  if (/^<(!--|head|body|meta|title|div|p|article|section|table|h[1-6]|span|a)[\s>/]/.test(lower))
    return 'html';
  return 'text';
}

/** Looks at the first bytes and says what the content is. */
export function sniff(bytes: Uint8Array): Sniffed {
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (head.length === 0) return { kind: 'text', detail: null };
  // A PDF header may follow a little junk (some servers prepend whitespace or a BOM).
  const pdfAt = Buffer.from(head.subarray(0, 1024)).indexOf('%PDF-');
  if (pdfAt >= 0) return { kind: 'pdf', detail: null };
  const b = bom(head);
  if (b && b.encoding !== 'utf-8') {
    return { kind: textKind(new TextDecoder(b.encoding).decode(head.subarray(b.length))), detail: null };
  }
  for (const [magic, what] of MAGIC) if (startsWith(head, magic)) return { kind: 'binary', detail: what };
  let control = 0;
  for (const c of head) {
    if (c === 0) return { kind: 'binary', detail: 'NUL bytes' };
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1b) || c === 0x7f)
      control++;
  }
  if (control / head.length > MAX_CONTROL_SHARE) return { kind: 'binary', detail: 'control characters' };
  // Bytes that are neither UTF-8 nor plausibly a single-byte text encoding: most high bytes
  // in an invalid UTF-8 sequence, with few letters around them.
  // Letters of any script count, so a short Cyrillic or Arabic text with a few bad bytes is
  // still text (decodeText replaces them and says so).
  const decoded = new TextDecoder('utf-8').decode(head);
  const replaced = (decoded.match(/\uFFFD/g) ?? []).length;
  if (replaced > 0) {
    const letters = (decoded.match(/[\p{L}\p{N}\s]/gu) ?? []).length;
    if (letters / decoded.length < 0.5 && replaced / decoded.length > 0.1) {
      return { kind: 'binary', detail: 'undecodable bytes' };
    }
  }
  return { kind: textKind(decoded), detail: null };
}

/** Throws DmonError 'INPUT_BINARY' unless the bytes are text (HTML, XML, JSON, plain) or, when allowed, a PDF. */
export function assertTextual(
  bytes: Uint8Array,
  name: string,
  options: { allowPdf?: boolean } = {},
): Sniffed {
  const s = sniff(bytes);
  if (s.kind === 'binary' || (s.kind === 'pdf' && !options.allowPdf)) {
    const what = s.kind === 'pdf' ? 'a PDF' : (s.detail ?? 'binary data');
    throw new DmonError(
      'INPUT_BINARY',
      `${name}: looks like ${what}, not text; give an HTML, text${options.allowPdf ? ', PDF' : ''} or JSON file`,
    );
  }
  return s;
}

// Node 20's TextDecoder decodes 'windows-1252' (and its aliases 'latin1', 'iso-8859-1') as
// ISO-8859-1, leaving 0x80–0x9F as C1 controls. Browsers, and the WHATWG Encoding standard,
// map them to these characters (undefined positions stay as they are).
const CP1252_HIGH =
  '\u20ac\x81\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\x8d\u017d\x8f\x90\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\x9d\u017e\u0178';

function decode(decoder: TextDecoder, bytes: Uint8Array): string {
  const text = decoder.decode(bytes);
  if (decoder.encoding !== 'windows-1252') return text;
  return text.replace(/[\x80-\x9f]/g, (c: string) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

function labelFrom(prefix: string): string | null {
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(prefix) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']/i.exec(prefix);
  return m ? m[1]!.toLowerCase() : null;
}

function decoderFor(label: string | null | undefined): TextDecoder | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim().toLowerCase());
  } catch {
    return null;
  }
}

/** Text decoded from bytes, with what it took. */
export interface DecodedText {
  text: string;
  /** The encoding used: 'utf-8', 'windows-1252', 'utf-16le', … (WHATWG names). */
  encoding: string;
  /** Invalid UTF-8 sequences replaced with U+FFFD; 0 when the bytes were valid or read as another encoding. */
  replaced: number;
}

/** How often the byte sequence EF BF BD (a U+FFFD written in the text itself) occurs. */
function literalReplacements(bytes: Uint8Array): number {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let n = 0;
  for (let i = buf.indexOf(LITERAL_FFFD); i >= 0; i = buf.indexOf(LITERAL_FFFD, i + 3)) n++;
  return n;
}
const LITERAL_FFFD = Buffer.from([0xef, 0xbf, 0xbd]);

/**
 * Decodes text bytes: a byte-order mark wins, then the charset the caller was told (an HTTP
 * Content-Type), then a <meta charset> or <?xml encoding> in the first 1,024 bytes, then UTF-8.
 * Bytes that are not valid UTF-8 are still read as UTF-8, each bad sequence replaced with U+FFFD
 * and counted, when they were declared UTF-8 or hold at least as many valid multi-byte
 * characters as bad sequences (a UTF-8 text with a few damaged bytes); otherwise they are read
 * as windows-1252 (a legacy Western page: high bytes and no UTF-8 at all), as browsers do.
 */
export function decodeTextDetailed(
  bytes: Uint8Array,
  options: { charset?: string | null } = {},
): DecodedText {
  const b = bom(bytes);
  if (b)
    return {
      text: new TextDecoder(b.encoding).decode(bytes.subarray(b.length)),
      encoding: b.encoding,
      replaced: 0,
    };
  const declared =
    decoderFor(options.charset) ??
    decoderFor(labelFrom(Buffer.from(bytes.subarray(0, 1024)).toString('latin1')));
  if (declared && declared.encoding !== 'utf-8')
    return { text: decode(declared, bytes), encoding: declared.encoding, replaced: 0 };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', replaced: 0 };
  } catch {
    // Not valid UTF-8: count the bad sequences and the good multi-byte characters.
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  let high = 0;
  let fffd = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) fffd++;
    else if (c >= 0x80 && !(c >= 0xdc00 && c <= 0xdfff)) high++;
  }
  const literal = literalReplacements(bytes);
  const replaced = fffd - literal;
  const multibyte = high + literal;
  if (declared || multibyte >= replaced) return { text, encoding: 'utf-8', replaced };
  return { text: decode(new TextDecoder('windows-1252'), bytes), encoding: 'windows-1252', replaced: 0 };
}

/** decodeTextDetailed's text alone. */
export function decodeText(bytes: Uint8Array, options: { charset?: string | null } = {}): string {
  return decodeTextDetailed(bytes, options).text;
}
