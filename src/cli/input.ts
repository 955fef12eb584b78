// Reads the documents a command works on: HTML, text or PDF files named on the command line,
// standard input, or JSON Lines (`--jsonl`, the records `dmon import` reads, one per line).
// Bytes and records go through the one document entry (src/document/), so `extract` reads
// what `import` and the fetcher read. Every problem becomes a DmonError naming the input and
// what was wrong; with `keepGoing` a bad JSON line is reported through `onSkip` and the rest
// still flows.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { documentFromBytes } from '../document/fromBytes.js';
import { DmonError } from '../errors.js';
import { readJsonl } from '../importers/jsonl.js';
import { isImportError } from '../importers/types.js';
import type { DocumentInput } from '../types.js';

export interface InputOptions {
  jsonl?: boolean;
  /** Skip invalid JSON lines and unreadable files instead of stopping (reported through onSkip). */
  keepGoing?: boolean;
  /** Largest accepted document (a file, or one JSON line), in bytes. */
  maxBytes?: number;
  /** Force the format of file/stdin input; default guesses from name and content. */
  format?: 'text' | 'html' | 'pdf';
  onSkip?: (error: DmonError) => void;
  stdin?: Readable;
}

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export interface InputDocument extends DocumentInput {
  id: string;
  /** What was repaired while reading it (bad bytes replaced), to show the user. */
  warnings?: string[];
}

/** Yields the documents named by `paths` (or stdin when there are none / the path is "-"). */
export async function* readDocuments(
  paths: string[],
  options: InputOptions = {},
): AsyncGenerator<InputDocument> {
  const sources = paths.length > 0 ? paths : ['-'];
  for (const source of sources) {
    if (options.jsonl) yield* readJsonLines(source, options);
    else if (!options.keepGoing) yield await readWhole(source, options);
    else {
      // With keepGoing a file that cannot be read (binary, empty, too large, missing) is
      // reported like a bad line and the other files are still read.
      let doc: InputDocument;
      try {
        doc = await readWhole(source, options);
      } catch (e) {
        if (!(e instanceof DmonError)) throw e;
        options.onSkip?.(e);
        continue;
      }
      yield doc;
    }
  }
}

async function readWhole(source: string, options: InputOptions): Promise<InputDocument> {
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const name = source === '-' ? 'standard input' : source;
  let bytes: Buffer;
  if (source === '-') {
    bytes = await readStreamCapped(options.stdin ?? process.stdin, max, name);
  } else {
    const info = await statInput(source);
    if (info.isDirectory())
      throw new DmonError('INPUT_UNREADABLE', `${name}: is a directory; name the files to read`);
    if (info.size > max) throw tooLarge(name, info.size, max);
    bytes = await readFile(source);
  }
  const format =
    options.format ?? (/\.x?html?$/i.test(source) ? 'html' : /\.pdf$/i.test(source) ? 'pdf' : undefined);
  const doc = await documentFromBytes(bytes, { name, ...(format ? { format } : {}) });
  const id = source === '-' ? 'stdin' : basename(source);
  return {
    id,
    text: doc.text,
    published: doc.published,
    lang: doc.lang,
    title: doc.title,
    ...(doc.warnings ? { warnings: doc.warnings } : {}),
  };
}

async function* readJsonLines(source: string, options: InputOptions): AsyncGenerator<InputDocument> {
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const name = source === '-' ? 'standard input' : source;
  let stream: Readable;
  if (source === '-') stream = options.stdin ?? process.stdin;
  else {
    await statInput(source);
    stream = createReadStream(source);
  }
  const seen = new Set<string>();
  for await (const item of readJsonl(stream, name, max)) {
    const line = item.origin.slice(item.origin.lastIndexOf(':') + 1);
    let error: DmonError | null = null;
    let doc: InputDocument | null = null;
    if (isImportError(item)) error = item.error;
    else {
      doc = {
        id: item.id ?? `line-${line}`,
        ...pick(item),
        ...(item.warnings ? { warnings: item.warnings } : {}),
      };
      if (seen.has(doc.id))
        error = new DmonError(
          'JSONL_INVALID',
          `${item.origin}: the id "${doc.id}" was already used on an earlier line`,
        );
      seen.add(doc.id);
    }
    if (!error) {
      yield doc!;
      continue;
    }
    if (!options.keepGoing)
      throw new DmonError(error.code, `${error.message} (use --keep-going to skip bad lines)`, {
        cause: error,
      });
    options.onSkip?.(error);
  }
}

function pick(d: DocumentInput): Omit<DocumentInput, 'id'> {
  return { text: d.text, published: d.published ?? null, lang: d.lang ?? null, title: d.title ?? null };
}

async function statInput(path: string) {
  try {
    return await stat(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new DmonError(
      code === 'ENOENT' ? 'INPUT_NOT_FOUND' : 'INPUT_UNREADABLE',
      `${path}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
    );
  }
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
