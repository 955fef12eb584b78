// Streaming writers: each turns an async stream of facts into a stream of chunks (text, or bytes
// for XLSX), so an export of a million rows holds one page of rows in memory at a time.
import type { FactListItem } from '../store/index.js';
import type { Term } from '../types.js';
import type { Admin1Coder } from './admin1Code.js';
import { exportColumns } from './hxl.js';
import { toExportRow, type ExportRow } from './row.js';
import { toXlsx } from './xlsx.js';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'geojson', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  geojson: 'application/geo+json',
  jsonl: 'application/x-ndjson',
};

export interface ExportOptions {
  /** The terms the export is filtered to, if any: the tabular formats get people and households
   * columns for these terms only. */
  terms?: readonly Term[] | null;
  /** Rows per chunk written (default 200). */
  batch?: number;
  /** Finds the `#adm1+code` of an area (none: the column stays empty). */
  admin1Code?: Admin1Coder;
}

/** Byte order mark: Excel reads a CSV as UTF-8 (accents, Arabic) only when the file starts with it. */
const BOM = '\uFEFF';

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  // Quote when needed; neutralise spreadsheet formulas in text cells.
  const safe = /^[=+\-@\t\r]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

async function* batched(
  facts: AsyncIterable<FactListItem>,
  options: ExportOptions,
  line: (r: ExportRow) => string,
): AsyncGenerator<string> {
  const batch = options.batch ?? 200;
  let buf: string[] = [];
  for await (const f of facts) {
    buf.push(line(toExportRow(f, options.admin1Code)));
    if (buf.length >= batch) {
      yield buf.join('');
      buf = [];
    }
  }
  if (buf.length) yield buf.join('');
}

export async function* toCsv(
  facts: AsyncIterable<FactListItem>,
  options: ExportOptions = {},
): AsyncGenerator<string> {
  const cols = exportColumns(options.terms);
  yield (
    BOM + cols.map((c) => csvCell(c.header)).join(',') + '\r\n' + cols.map((c) => c.tag).join(',') + '\r\n'
  );
  yield* batched(facts, options, (r) => cols.map((c) => csvCell(c.value(r))).join(',') + '\r\n');
}

export async function* toJsonl(
  facts: AsyncIterable<FactListItem>,
  options: ExportOptions = {},
): AsyncGenerator<string> {
  yield* batched(facts, options, (r) => JSON.stringify(r) + '\n');
}

export async function* toGeoJson(
  facts: AsyncIterable<FactListItem>,
  options: ExportOptions = {},
): AsyncGenerator<string> {
  yield '{"type":"FeatureCollection","features":[\n';
  let first = true;
  yield* batched(facts, options, (r) => {
    const { lat, lon, ...properties } = r;
    const geometry = lat !== null && lon !== null ? { type: 'Point', coordinates: [lon, lat] } : null;
    const s = (first ? '' : ',\n') + JSON.stringify({ type: 'Feature', id: r.id, geometry, properties });
    first = false;
    return s;
  });
  yield '\n]}\n';
}

/** The export as a stream of chunks: strings for the text formats, bytes for XLSX. */
export function exportFacts(
  facts: AsyncIterable<FactListItem>,
  format: ExportFormat,
  options: ExportOptions = {},
): AsyncIterable<string | Buffer> {
  if (format === 'csv') return toCsv(facts, options);
  if (format === 'xlsx') return toXlsx(facts, options);
  if (format === 'geojson') return toGeoJson(facts, options);
  return toJsonl(facts, options);
}
