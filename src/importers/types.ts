import type { RecordDocument } from '../document/fromRecord.js';
import type { DmonError } from '../errors.js';

/** One article read from an import source: a document and where it came from. */
export interface ImportedArticle extends RecordDocument {
  /** 'path:line' for JSONL and CSV rows, 'path' for whole files, 'stdin:line' for piped input. */
  origin: string;
}

/** A record or file that could not be imported; the rest of the source goes on. */
export interface ImportError {
  origin: string;
  error: DmonError;
}

export type ImportItem = ImportedArticle | ImportError;

export function isImportError(item: ImportItem): item is ImportError {
  return 'error' in item;
}

export interface ImportOptions {
  /** Files larger than this are refused (one ImportError each); default 50 MB. */
  maxFileBytes?: number;
  /** JSONL lines and CSV records longer than this are refused; default 10 MB. */
  maxRecordBytes?: number;
}

export const IMPORT_DEFAULTS = {
  maxFileBytes: 50 * 1024 * 1024,
  maxRecordBytes: 10 * 1024 * 1024,
} as const;
