// Streaming writers: each turns an async stream of facts into an async stream of text chunks,
// so an export of a million rows holds one page of rows in memory at a time.
import type { FactListItem } from '../store/index.js';
import type { Term } from '../types.js';
import { hxlColumns } from './hxl.js';
import { toExportRow, type ExportRow } from './row.js';

export const EXPORT_FORMATS = ['csv', 'geojson', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  geojson: 'application/geo+json',
  jsonl: 'application/x-ndjson',
};

export interface ExportOptions {
  /** The single term the export is filtered to, if any: names the figure's HXL tag. */
  term?: Term | null;
  /** Rows per chunk written (default 200). */
  batch?: number;
}

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  // Quote when needed; neutralise spreadsheet formulas in text cells.
  const safe = /^[=+\-@\t\r]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

async function* batched(
  facts: AsyncIterable<FactListItem>,
  batch: number,
  line: (r: ExportRow) => string,
): AsyncGenerator<string> {
  let buf: string[] = [];
  for await (const f of facts) {
    buf.push(line(toExportRow(f)));
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
  const cols = hxlColumns(options.term ?? null);
  yield cols.map(([k]) => k).join(',') + '\r\n' + cols.map(([, tag]) => tag).join(',') + '\r\n';
  yield* batched(facts, options.batch ?? 200, (r) => cols.map(([k]) => csvCell(r[k])).join(',') + '\r\n');
}

export async function* toJsonl(
  facts: AsyncIterable<FactListItem>,
  options: ExportOptions = {},
): AsyncGenerator<string> {
  yield* batched(facts, options.batch ?? 200, (r) => JSON.stringify(r) + '\n');
}

export async function* toGeoJson(
  facts: AsyncIterable<FactListItem>,
  options: ExportOptions = {},
): AsyncGenerator<string> {
  yield '{"type":"FeatureCollection","features":[\n';
  let first = true;
  yield* batched(facts, options.batch ?? 200, (r) => {
    const { lat, lon, ...properties } = r;
    const geometry = lat !== null && lon !== null ? { type: 'Point', coordinates: [lon, lat] } : null;
    const s = (first ? '' : ',\n') + JSON.stringify({ type: 'Feature', id: r.id, geometry, properties });
    first = false;
    return s;
  });
  yield '\n]}\n';
}

export function exportFacts(
  facts: AsyncIterable<FactListItem>,
  format: ExportFormat,
  options: ExportOptions = {},
): AsyncGenerator<string> {
  if (format === 'csv') return toCsv(facts, options);
  if (format === 'geojson') return toGeoJson(facts, options);
  return toJsonl(facts, options);
}
