// Streaming writers: each turns an async stream of rows (facts, claims or events) into a stream of
// chunks (text, or bytes for XLSX), so an export of a million rows holds one page of rows in
// memory at a time.
import type { FactListItem } from '../store/index.js';
import type { Term } from '../types.js';
import type { Admin1Coder } from './admin1Code.js';
import { exportColumns, type ExportColumn } from './hxl.js';
import { factRows } from './row.js';
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

/** Rows of any level (facts, claims, events) in chunks of `batch` lines. */
async function* batched<R>(
  rows: AsyncIterable<R>,
  batch: number,
  line: (r: R) => string,
): AsyncGenerator<string> {
  let buf: string[] = [];
  for await (const r of rows) {
    buf.push(line(r));
    if (buf.length >= batch) {
      yield buf.join('');
      buf = [];
    }
  }
  if (buf.length) yield buf.join('');
}

/** CSV: a byte order mark, the header row, the HXL hashtag row, then one line per row. */
export async function* rowsToCsv<R>(
  rows: AsyncIterable<R>,
  cols: readonly ExportColumn<R>[],
  batch = 200,
): AsyncGenerator<string> {
  yield (
    BOM + cols.map((c) => csvCell(c.header)).join(',') + '\r\n' + cols.map((c) => c.tag).join(',') + '\r\n'
  );
  yield* batched(rows, batch, (r) => cols.map((c) => csvCell(c.value(r))).join(',') + '\r\n');
}

export async function* rowsToJsonl<R>(rows: AsyncIterable<R>, batch = 200): AsyncGenerator<string> {
  yield* batched(rows, batch, (r) => JSON.stringify(r) + '\n');
}

export type Geometry =
  { type: 'Point'; coordinates: [number, number] } | { type: 'MultiPoint'; coordinates: [number, number][] };

/** A GeoJSON FeatureCollection: each row a feature with `split`'s geometry and properties. */
export async function* rowsToGeoJson<R>(
  rows: AsyncIterable<R>,
  split: (r: R) => { id: string | number; geometry: Geometry | null; properties: object },
  batch = 200,
): AsyncGenerator<string> {
  yield '{"type":"FeatureCollection","features":[\n';
  let first = true;
  yield* batched(rows, batch, (r) => {
    const s = (first ? '' : ',\n') + JSON.stringify({ type: 'Feature', ...split(r) });
    first = false;
    return s;
  });
  yield '\n]}\n';
}

/** A point where both coordinates are known. */
export function point(lat: number | null, lon: number | null): Geometry | null {
  return lat !== null && lon !== null ? { type: 'Point', coordinates: [lon, lat] } : null;
}

export function toCsv(
  facts: AsyncIterable<FactListItem>,
  options: ExportOptions = {},
): AsyncGenerator<string> {
  return rowsToCsv(factRows(facts, options.admin1Code), exportColumns(options.terms), options.batch);
}

export function toJsonl(
  facts: AsyncIterable<FactListItem>,
  options: ExportOptions = {},
): AsyncGenerator<string> {
  return rowsToJsonl(factRows(facts, options.admin1Code), options.batch);
}

export function toGeoJson(
  facts: AsyncIterable<FactListItem>,
  options: ExportOptions = {},
): AsyncGenerator<string> {
  return rowsToGeoJson(
    factRows(facts, options.admin1Code),
    (r) => {
      const { lat, lon, ...properties } = r;
      return { id: r.id, geometry: point(lat, lon), properties };
    },
    options.batch,
  );
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
