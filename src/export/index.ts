// Exports of facts (CSV with HXL hashtags, GeoJSON, JSON Lines), streamed from the store with
// the same filters as the API.
import type { FactFilter, Store } from '../store/index.js';
import type { Term } from '../types.js';
import { exportFacts, type ExportFormat } from './formats.js';

export {
  CONTENT_TYPES,
  EXPORT_FORMATS,
  exportFacts,
  type ExportFormat,
  type ExportOptions,
} from './formats.js';
export { TERM_TAGS, hxlColumns } from './hxl.js';
export type { ExportRow } from './row.js';

/** Streams every fact matching `filter` in `format`, as text chunks. */
export function streamExport(store: Store, filter: FactFilter, format: ExportFormat): AsyncGenerator<string> {
  const term = filter.term?.length === 1 ? (filter.term[0] as Term) : null;
  return exportFacts(store.facts.iterate(filter), format, { term });
}
