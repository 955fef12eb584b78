// Exports of facts (CSV and XLSX with HXL hashtags, GeoJSON, JSON Lines), streamed from the
// store with the same filters as the API.
import type { FactFilter, Store } from '../store/index.js';
import type { Term } from '../types.js';
import { admin1Coder } from './admin1Code.js';
import { exportFacts, type ExportFormat } from './formats.js';

export {
  CONTENT_TYPES,
  EXPORT_FORMATS,
  exportFacts,
  type ExportFormat,
  type ExportOptions,
} from './formats.js';
export { TERM_ATTRIBUTES, PEOPLE_TERMS, exportColumns, type ExportColumn } from './hxl.js';
export type { ExportRow } from './row.js';

/** Streams every fact matching `filter` in `format`, as chunks of text (bytes for XLSX). */
export function streamExport(
  store: Store,
  filter: FactFilter,
  format: ExportFormat,
): AsyncIterable<string | Buffer> {
  const terms = (filter.term ?? null) as Term[] | null;
  return exportFacts(store.facts.iterate(filter), format, { terms, admin1Code: admin1Coder() });
}
