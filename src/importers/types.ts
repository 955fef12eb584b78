import type { DmonError } from '../errors.js';

/** One article read from an import source, ready for the pipeline. */
export interface ImportedArticle {
  url: string | null;
  title: string | null;
  /** The article text; never empty. */
  text: string;
  /** YYYY-MM-DD. */
  published: string | null;
  /** ISO 639-1 (or 639-3 when no 639-1 code exists). */
  lang: string | null;
  source: string | null;
  /** The credit line the text's licence asks for ("Mehr News Agency; CC BY 4.0"), when given. */
  attribution: string | null;
  /** Where it came from: 'path:line' for JSONL and CSV rows, 'path' for whole files, 'stdin:line' for piped input. */
  origin: string;
  /** The record's own id, when the JSONL/CSV row has one. */
  id?: string;
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
