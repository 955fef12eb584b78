export { guessDelimiter } from './csv.js';
export { FIELD_ALIASES } from '../document/fromRecord.js';
export { EXTENSIONS, readImportSource, readImportStream, type ImportFormat } from './readImportSource.js';
export {
  IMPORT_DEFAULTS,
  isImportError,
  type ImportError,
  type ImportItem,
  type ImportOptions,
  type ImportedArticle,
} from './types.js';
