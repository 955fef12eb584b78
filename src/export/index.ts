// Exports of facts, claims or events (CSV and XLSX with HXL hashtags, GeoJSON, JSON Lines),
// streamed from the store with the same filters as the API.
import type { FactFilter, Store } from '../store/index.js';
import type { Term } from '../types.js';
import { admin1Coder } from './admin1Code.js';
import {
  exportFacts,
  point,
  rowsToCsv,
  rowsToGeoJson,
  rowsToJsonl,
  type ExportFormat,
  type Geometry,
} from './formats.js';
import type { ExportColumn } from './hxl.js';
import {
  claimColumns,
  claimFilterOf,
  eventColumns,
  eventFilterOf,
  eventGeometry,
  iterateClaims,
  iterateEvents,
  toClaimExportRow,
  toEventExportRow,
  type ExportLevel,
} from './levels.js';
import { rowsToXlsx } from './xlsx.js';

export {
  CONTENT_TYPES,
  EXPORT_FORMATS,
  exportFacts,
  type ExportFormat,
  type ExportOptions,
} from './formats.js';
export { TERM_ATTRIBUTES, PEOPLE_TERMS, exportColumns, type ExportColumn } from './hxl.js';
export {
  EXPORT_LEVELS,
  claimColumns,
  eventColumns,
  type ClaimExportRow,
  type EventExportRow,
  type ExportLevel,
} from './levels.js';
export type { ExportRow } from './row.js';

async function* mapRows<A, B>(src: AsyncIterable<A>, f: (a: A) => B): AsyncGenerator<B> {
  for await (const a of src) yield f(a);
}

/** One level's rows in one format; `split` gives a GeoJSON feature's geometry and properties. */
function writeRows<S, R>(
  source: AsyncIterable<S>,
  toRow: (s: S) => R,
  cols: readonly ExportColumn<R>[],
  sheet: string,
  format: ExportFormat,
  split: (s: S) => { id: string | number; geometry: Geometry | null; properties: object },
): AsyncIterable<string | Buffer> {
  if (format === 'geojson') return rowsToGeoJson(source, split);
  const rows = mapRows(source, toRow);
  if (format === 'csv') return rowsToCsv(rows, cols);
  if (format === 'xlsx') return rowsToXlsx(rows, cols, sheet);
  return rowsToJsonl(rows);
}

/** The file name an export is offered under: dmon-facts.csv, dmon-events.geojson, … */
export function exportFileName(level: ExportLevel, format: ExportFormat): string {
  return `dmon-${level}s.${format}`;
}

/**
 * Streams every fact, claim or event matching `filter` in `format`, as chunks of text (bytes
 * for XLSX). At the claim and event levels a filter that only facts have (admin1, min,
 * min_confidence, q; term for events) is refused with a usage error, before anything is written.
 */
export function streamExport(
  store: Store,
  filter: FactFilter,
  format: ExportFormat,
  level: ExportLevel = 'fact',
): AsyncIterable<string | Buffer> {
  const terms = (filter.term ?? null) as Term[] | null;
  if (level === 'fact')
    return exportFacts(store.facts.iterate(filter), format, { terms, admin1Code: admin1Coder() });
  if (level === 'claim') {
    const coder = admin1Coder();
    return writeRows(
      iterateClaims(store, claimFilterOf(filter)),
      (c) => toClaimExportRow(c, coder),
      claimColumns(terms),
      'claims',
      format,
      (c) => {
        const { lat, lon, ...properties } = toClaimExportRow(c, coder);
        return { id: c.id, geometry: point(lat, lon), properties };
      },
    );
  }
  return writeRows(
    iterateEvents(store, eventFilterOf(filter)),
    toEventExportRow,
    eventColumns(),
    'events',
    format,
    (e) => {
      const { lat: _lat, lon: _lon, ...properties } = toEventExportRow(e);
      return { id: e.id, geometry: eventGeometry(e.places), properties };
    },
  );
}
