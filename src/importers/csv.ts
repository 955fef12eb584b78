// CSV (and TSV) with a header row naming the columns: text or html, and optionally id, url,
// title, published, lang, source. Parsed by csv-parse (RFC 4180 quoting, multi-line fields);
// the delimiter (comma, semicolon or tab) is taken from the header line. A malformed row yields
// an ImportError naming its line and the parse goes on.
import { Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import { DmonError } from '../errors.js';
import { canonicalField } from '../document/fromRecord.js';
import { recordItem } from './items.js';
import type { ImportItem } from './types.js';

/** The delimiter that splits the header line into the most fields. */
export function guessDelimiter(headerLine: string): string {
  let best = ',';
  let most = 0;
  for (const d of [',', ';', '\t', '|']) {
    const n = headerLine.split(d).length - 1;
    if (n > most) {
      best = d;
      most = n;
    }
  }
  return best;
}

/** Reads the first line (to choose the delimiter) and returns it with the rest of the stream. */
async function peekHeader(
  source: AsyncIterable<Uint8Array | string>,
): Promise<{ header: string; stream: AsyncIterable<Buffer> }> {
  const iterator = source[Symbol.asyncIterator]();
  const seen: Buffer[] = [];
  let header: string | null = null;
  while (header === null) {
    const next = await iterator.next();
    if (next.done) break;
    const b = typeof next.value === 'string' ? Buffer.from(next.value) : Buffer.from(next.value);
    seen.push(b);
    const all = Buffer.concat(seen);
    const nl = all.indexOf(0x0a);
    if (nl >= 0 || all.length > 65536) header = all.subarray(0, nl >= 0 ? nl : 65536).toString('utf8');
  }
  async function* stream(): AsyncGenerator<Buffer> {
    yield* seen;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield typeof next.value === 'string' ? Buffer.from(next.value) : Buffer.from(next.value);
    }
  }
  return { header: header ?? Buffer.concat(seen).toString('utf8'), stream: stream() };
}

export async function* readCsv(
  source: AsyncIterable<Uint8Array | string>,
  name: string,
  maxRecordBytes: number,
  options: { delimiter?: string } = {},
): AsyncGenerator<ImportItem> {
  const { header, stream } = await peekHeader(source);
  const delimiter = options.delimiter ?? guessDelimiter(header);
  const skipped: ImportItem[] = [];
  const parser = parse({
    delimiter,
    bom: true,
    columns: (names: string[]) => {
      const fields = names.map((n) => canonicalField(n));
      if (!fields.includes('text') && !fields.includes('html')) {
        throw new DmonError(
          'INPUT_UNREADABLE',
          `${name}: the header row has no 'text' or 'html' column (found: ${names.slice(0, 12).join(', ')}); name the article column 'text'`,
        );
      }
      return fields;
    },
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: maxRecordBytes,
    info: true,
    on_skip: (err: CsvError | undefined) => {
      const line = typeof err?.['lines'] === 'number' ? err['lines'] : '?';
      const origin = `${name}:${line}`;
      skipped.push({
        origin,
        error: new DmonError(
          'INPUT_UNREADABLE',
          `${origin}: malformed CSV row (${err?.message ?? 'unknown error'})`,
        ),
      });
      return undefined;
    },
  });
  const input = Readable.from(stream);
  input.on('error', (e) => parser.destroy(e));
  input.pipe(parser);
  try {
    for await (const item of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      while (skipped.length > 0) yield skipped.shift()!;
      const origin = `${name}:${item.info.lines}`;
      yield recordItem(item.record, origin, 'INPUT_UNREADABLE');
    }
  } catch (e) {
    while (skipped.length > 0) yield skipped.shift()!;
    if (e instanceof DmonError) return yield { origin: name, error: e };
    const err = e as CsvError;
    const line = typeof err['lines'] === 'number' ? err['lines'] : '?';
    const origin = `${name}:${line}`;
    yield {
      origin,
      error: new DmonError(
        'INPUT_UNREADABLE',
        `${origin}: CSV cannot be read past this point (${err.message})`,
      ),
    };
    return;
  }
  while (skipped.length > 0) yield skipped.shift()!;
}
