// The import front door: a file, a directory of files, or standard input, read as a stream of
// articles and per-record errors. Formats by extension: .jsonl/.ndjson, .json (JSON Lines, or
// one array of records), .csv/.tsv, .html/.htm/.xhtml, .txt/.text/.md, .pdf. Directories are
// walked recursively in name order (hidden entries and symbolic links skipped). Nothing here
// stops the stream except a missing top-level path: every bad record, file or row becomes an
// ImportError and the rest goes on.
import { createReadStream } from 'node:fs';
import { lstat, open, readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { sniff } from '../document/sniff.js';
import { DmonError } from '../errors.js';
import { readCsv } from './csv.js';
import { fileItem, recordItem, type DocumentFormat } from './items.js';
import { readJsonl } from './jsonl.js';
import { IMPORT_DEFAULTS, type ImportItem, type ImportOptions } from './types.js';

export type ImportFormat = 'jsonl' | 'json' | 'csv' | 'tsv' | DocumentFormat;

export const EXTENSIONS: Readonly<Record<string, ImportFormat>> = {
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.json': 'json',
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'txt',
  '.pdf': 'pdf',
};

function fail(origin: string, error: DmonError): ImportItem {
  return { origin, error };
}

/** Reads a whole file, refusing it past the size limit. */
async function readCapped(path: string, max: number): Promise<Uint8Array | DmonError> {
  const handle = await open(path, 'r');
  try {
    const size = (await handle.stat()).size;
    if (size > max)
      return new DmonError(
        'INPUT_TOO_LARGE',
        `${path}: ${size} bytes exceeds the ${max}-byte limit per file; split it or raise the limit`,
      );
    return new Uint8Array(await handle.readFile());
  } finally {
    await handle.close();
  }
}

/** The format of a file: by extension, else by sniffing its first bytes. */
async function formatOf(path: string): Promise<ImportFormat | DmonError> {
  const byExt = EXTENSIONS[extname(path).toLowerCase()];
  if (byExt) return byExt;
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(8192), 0, 8192, 0);
    const s = sniff(buffer.subarray(0, bytesRead));
    if (s.kind === 'binary')
      return new DmonError(
        'INPUT_BINARY',
        `${path}: looks like ${s.detail ?? 'binary data'}; supported: ${Object.keys(EXTENSIONS).join(', ')}`,
      );
    return s.kind === 'json'
      ? 'jsonl'
      : s.kind === 'html'
        ? 'html'
        : s.kind === 'pdf'
          ? 'pdf'
          : s.kind === 'xml'
            ? 'html'
            : 'txt';
  } finally {
    await handle.close();
  }
}

async function* once(text: string): AsyncGenerator<string> {
  yield text;
}

/** JSON text: an array of records, else JSON Lines (a single object is a one-line file). */
async function* readJsonText(
  text: string,
  name: string,
  o: Required<ImportOptions>,
): AsyncGenerator<ImportItem> {
  const body = text.replace(/^\uFEFF/, '');
  if (!/^\s*\[/.test(body)) return yield* readJsonl(once(body), name, o.maxRecordBytes);
  let records: unknown;
  try {
    records = JSON.parse(body);
  } catch (e) {
    return yield fail(
      name,
      new DmonError('JSONL_INVALID', `${name}: not valid JSON (${(e as Error).message})`),
    );
  }
  const list = records as unknown[];
  for (let i = 0; i < list.length; i++) {
    const origin = `${name}#${i}`;
    const rec = list[i];
    if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) {
      yield fail(
        origin,
        new DmonError('JSONL_INVALID', `${origin}: array element ${i} must be an object like {"text": "…"}`),
      );
      continue;
    }
    yield recordItem(rec as Record<string, unknown>, origin, 'JSONL_INVALID');
  }
}

async function* readFile(path: string, o: Required<ImportOptions>): AsyncGenerator<ImportItem> {
  try {
    const format = await formatOf(path);
    if (format instanceof DmonError) return yield fail(path, format);
    const size = (await stat(path)).size;
    if (size > o.maxFileBytes) {
      return yield fail(
        path,
        new DmonError(
          'INPUT_TOO_LARGE',
          `${path}: ${size} bytes exceeds the ${o.maxFileBytes}-byte limit per file; split it or raise the limit`,
        ),
      );
    }
    if (size === 0) return yield fail(path, new DmonError('INPUT_EMPTY', `${path}: the file is empty`));
    if (format === 'jsonl' || format === 'csv' || format === 'tsv') {
      const head = await readHead(path);
      const s = sniff(head);
      if (s.kind === 'binary' || s.kind === 'pdf') {
        return yield fail(
          path,
          new DmonError(
            'INPUT_BINARY',
            `${path}: looks like ${s.kind === 'pdf' ? 'a PDF' : (s.detail ?? 'binary data')}, not ${format.toUpperCase()} text`,
          ),
        );
      }
      const stream = createReadStream(path);
      if (format === 'jsonl') yield* readJsonl(stream, path, o.maxRecordBytes);
      else yield* readCsv(stream, path, o.maxRecordBytes, format === 'tsv' ? { delimiter: '\t' } : {});
      return;
    }
    if (format === 'json') {
      const bytes = await readCapped(path, o.maxFileBytes);
      if (bytes instanceof DmonError) return yield fail(path, bytes);
      return yield* readJsonText(Buffer.from(bytes).toString('utf8'), path, o);
    }
    const bytes = await readCapped(path, o.maxFileBytes);
    if (bytes instanceof DmonError) return yield fail(path, bytes);
    yield await fileItem(bytes, path, format);
  } catch (e) {
    yield fail(
      path,
      e instanceof DmonError
        ? e
        : new DmonError('INPUT_UNREADABLE', `${path}: cannot be read (${(e as Error).message})`),
    );
  }
}

async function readHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(8192), 0, 8192, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function* walk(dir: string, o: Required<ImportOptions>): AsyncGenerator<ImportItem> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    return yield fail(
      dir,
      new DmonError('INPUT_UNREADABLE', `${dir}: cannot list the directory (${(e as Error).message})`),
    );
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.isSymbolicLink()) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) yield* walk(path, o);
    else if (e.isFile()) {
      if (!EXTENSIONS[extname(e.name).toLowerCase()]) {
        yield fail(
          path,
          new DmonError(
            'USAGE',
            `${path}: skipped, not an importable file type; supported: ${Object.keys(EXTENSIONS).join(', ')}`,
          ),
        );
        continue;
      }
      yield* readFile(path, o);
    }
  }
}

/**
 * Reads articles from a file or a directory. Throws DmonError 'INPUT_NOT_FOUND' (on the first
 * iteration) when the path does not exist; everything else wrong is yielded as an ImportError.
 */
export async function* readImportSource(
  pathOrDir: string,
  options: ImportOptions = {},
): AsyncGenerator<ImportItem> {
  const o = { ...IMPORT_DEFAULTS, ...options };
  let info;
  try {
    info = await lstat(pathOrDir);
    if (info.isSymbolicLink()) info = await stat(pathOrDir);
  } catch {
    throw new DmonError('INPUT_NOT_FOUND', `${pathOrDir}: no such file or directory`);
  }
  if (info.isDirectory()) yield* walk(pathOrDir, o);
  else yield* readFile(pathOrDir, o);
}

/**
 * Reads articles from a stream (standard input). JSONL and CSV are read record by record;
 * HTML, text and PDF are buffered up to maxFileBytes. Without a format, the first bytes decide
 * between JSONL, HTML, PDF and plain text (CSV must be named). Origins read 'stdin:line'.
 */
export async function* readImportStream(
  input: AsyncIterable<Uint8Array | string>,
  options: ImportOptions & { format?: ImportFormat; name?: string } = {},
): AsyncGenerator<ImportItem> {
  const o = { ...IMPORT_DEFAULTS, ...options };
  const name = options.name ?? 'stdin';
  const iterator = input[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headSize = 0;
  let done = false;
  while (headSize < 8192 && !done) {
    const next = await iterator.next();
    if (next.done) done = true;
    else {
      const b = typeof next.value === 'string' ? Buffer.from(next.value) : Buffer.from(next.value);
      head.push(b);
      headSize += b.length;
    }
  }
  async function* rest(): AsyncGenerator<Buffer> {
    yield* head;
    while (!done) {
      const next = await iterator.next();
      if (next.done) return;
      yield typeof next.value === 'string' ? Buffer.from(next.value) : Buffer.from(next.value);
    }
  }
  const first = Buffer.concat(head);
  if (first.length === 0) return yield fail(name, new DmonError('INPUT_EMPTY', `${name}: no input`));
  const s = sniff(first);
  if (s.kind === 'binary')
    return yield fail(
      name,
      new DmonError('INPUT_BINARY', `${name}: looks like ${s.detail ?? 'binary data'}, not text`),
    );
  const format: ImportFormat =
    options.format ??
    (s.kind === 'json'
      ? 'jsonl'
      : s.kind === 'html' || s.kind === 'xml'
        ? 'html'
        : s.kind === 'pdf'
          ? 'pdf'
          : 'txt');
  const jsonArray = /^\s*\[/.test(first.toString('utf8').replace(/^\uFEFF/, ''));
  if ((format === 'jsonl' || format === 'json') && !jsonArray)
    return yield* readJsonl(rest(), name, o.maxRecordBytes);
  if (format === 'csv' || format === 'tsv')
    return yield* readCsv(rest(), name, o.maxRecordBytes, format === 'tsv' ? { delimiter: '\t' } : {});
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of rest()) {
    size += chunk.length;
    if (size > o.maxFileBytes) {
      return yield fail(
        name,
        new DmonError('INPUT_TOO_LARGE', `${name}: input exceeds the ${o.maxFileBytes}-byte limit`),
      );
    }
    parts.push(chunk);
  }
  const all = new Uint8Array(Buffer.concat(parts));
  if (format === 'jsonl' || format === 'json')
    return yield* readJsonText(Buffer.from(all).toString('utf8'), name, o);
  yield await fileItem(all, name, format);
}
