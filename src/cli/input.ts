// Reads the documents a command works on: text or HTML files named on the command line,
// standard input, or JSON Lines (`--jsonl`, one {id, text, published, lang, title} per line).
// Every problem becomes a DmonError naming the input and what was wrong; with `keepGoing`
// a bad JSON line is reported through `onSkip` and the rest still flows.
import { createReadStream } from 'node:fs';
import { stat, readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { DmonError } from '../errors.js';
import { htmlToDocument } from '../document/html.js';
import type { DocumentInput } from '../types.js';

export interface InputOptions {
  jsonl?: boolean;
  /** Skip invalid JSON lines instead of stopping (they are reported through onSkip). */
  keepGoing?: boolean;
  /** Largest accepted document (a file, or one JSON line), in bytes. */
  maxBytes?: number;
  /** Force the format of file/stdin input: text or HTML; default guesses from name and content. */
  format?: 'text' | 'html';
  onSkip?: (error: DmonError) => void;
  stdin?: Readable;
}

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export interface InputDocument extends DocumentInput {
  id: string;
}

/** Yields the documents named by `paths` (or stdin when there are none / the path is "-"). */
export async function* readDocuments(
  paths: string[],
  options: InputOptions = {},
): AsyncGenerator<InputDocument> {
  const sources = paths.length > 0 ? paths : ['-'];
  for (const source of sources) {
    if (options.jsonl) yield* readJsonl(source, options);
    else yield await readWhole(source, options);
  }
}

async function readWhole(source: string, options: InputOptions): Promise<InputDocument> {
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const name = source === '-' ? 'standard input' : source;
  let bytes: Buffer;
  if (source === '-') {
    bytes = await readStreamCapped(options.stdin ?? process.stdin, max, name);
  } else {
    const info = await stat(source).catch((e: NodeJS.ErrnoException) => {
      throw new DmonError(
        e.code === 'ENOENT' ? 'INPUT_NOT_FOUND' : 'INPUT_UNREADABLE',
        `${name}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`,
      );
    });
    if (info.isDirectory())
      throw new DmonError('INPUT_UNREADABLE', `${name}: is a directory; name the files to read`);
    if (info.size > max) throw tooLarge(name, info.size, max);
    bytes = await readFile(source);
  }
  checkText(bytes, name);
  const raw = bytes.toString('utf8');
  if (raw.trim() === '') throw new DmonError('INPUT_EMPTY', `${name}: the input is empty; nothing to read`);
  const id = source === '-' ? 'stdin' : basename(source);
  const isHtml = options.format
    ? options.format === 'html'
    : /\.x?html?$/i.test(source) || looksLikeHtml(raw);
  if (!isHtml) return { id, text: raw, published: null, lang: null, title: null };
  const doc = htmlToDocument(raw);
  if (doc.text.trim() === '') throw new DmonError('INPUT_EMPTY', `${name}: the HTML holds no readable text`);
  return { id, text: doc.text, published: doc.published, lang: doc.lang, title: doc.title };
}

async function* readJsonl(source: string, options: InputOptions): AsyncGenerator<InputDocument> {
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const name = source === '-' ? 'standard input' : source;
  let stream: Readable;
  if (source === '-') stream = options.stdin ?? process.stdin;
  else {
    await stat(source).catch((e: NodeJS.ErrnoException) => {
      throw new DmonError(
        e.code === 'ENOENT' ? 'INPUT_NOT_FOUND' : 'INPUT_UNREADABLE',
        `${name}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`,
      );
    });
    stream = createReadStream(source);
  }
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let lineNo = 0;
  const seen = new Set<string>();
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') continue;
    try {
      const doc = parseJsonLine(line, lineNo, name, max);
      if (seen.has(doc.id))
        throw lineError(name, lineNo, `the id "${doc.id}" was already used on an earlier line`);
      seen.add(doc.id);
      yield doc;
    } catch (e) {
      if (!(e instanceof DmonError) || !options.keepGoing) throw e;
      options.onSkip?.(e);
    }
  }
}

export function parseJsonLine(line: string, lineNo: number, name: string, maxBytes: number): InputDocument {
  if (Buffer.byteLength(line) > maxBytes)
    throw tooLarge(`${name} line ${lineNo}`, Buffer.byteLength(line), maxBytes);
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    throw lineError(name, lineNo, `not valid JSON (${(e as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw lineError(name, lineNo, 'expected a JSON object like {"id": "...", "text": "..."}');
  const o = value as Record<string, unknown>;
  if (typeof o.text !== 'string')
    throw lineError(name, lineNo, 'the field "text" is missing or not a string');
  if (o.id !== undefined && typeof o.id !== 'string' && typeof o.id !== 'number')
    throw lineError(name, lineNo, 'the field "id" must be a string');
  for (const f of ['published', 'lang', 'title'] as const) {
    if (o[f] !== undefined && o[f] !== null && typeof o[f] !== 'string')
      throw lineError(name, lineNo, `the field "${f}" must be a string or null`);
  }
  const published = (o.published as string | null | undefined) ?? null;
  if (published !== null && !/^\d{4}-\d{2}-\d{2}$/.test(published))
    throw lineError(name, lineNo, `the field "published" must be YYYY-MM-DD, got "${published}"`);
  return {
    id: o.id === undefined ? `line-${lineNo}` : String(o.id),
    text: o.text,
    published,
    lang: (o.lang as string | null | undefined) ?? null,
    title: (o.title as string | null | undefined) ?? null,
  };
}

function lineError(name: string, lineNo: number, what: string): DmonError {
  return new DmonError(
    'JSONL_INVALID',
    `${name} line ${lineNo}: ${what} (use --keep-going to skip bad lines)`,
  );
}

function tooLarge(name: string, size: number, max: number): DmonError {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return new DmonError(
    'INPUT_TOO_LARGE',
    `${name}: ${mb(size)} is larger than the limit of ${mb(max)}; split it or raise --max-bytes`,
  );
}

async function readStreamCapped(stream: Readable, max: number, name: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += b.length;
    if (size > max) {
      stream.destroy();
      throw tooLarge(name, size, max);
    }
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

/** Refuses bytes that are not text: NUL bytes, or many control characters / invalid UTF-8. */
export function checkText(bytes: Buffer, name: string): void {
  const sample = bytes.subarray(0, 64 * 1024);
  if (sample.includes(0)) throw binary(name);
  let control = 0;
  for (const b of sample) if (b < 9 || (b > 13 && b < 32) || b === 127) control++;
  const text = sample.toString('utf8');
  let replacement = 0;
  for (const ch of text) if (ch === '\ufffd') replacement++;
  // A few stray bytes are common in scraped text; binary files have them everywhere.
  if (sample.length > 0 && (control + replacement) / sample.length > 0.1) throw binary(name);
}

function binary(name: string): DmonError {
  return new DmonError(
    'INPUT_BINARY',
    `${name}: looks like binary data, not text or HTML; give a UTF-8 text, HTML or JSONL file`,
  );
}

function looksLikeHtml(raw: string): boolean {
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(raw.slice(0, 1024));
}
