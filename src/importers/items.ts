// Records and whole files → import items, through the one document entry (src/document/).
// Nothing here throws: what cannot be read becomes an ImportError naming its origin, and the
// rest of the source goes on.
import { documentFromBytes, type BytesFormat } from '../document/fromBytes.js';
import { documentFromRecord } from '../document/fromRecord.js';
import { DmonError, type ErrorCode } from '../errors.js';
import type { ImportItem } from './types.js';

/** The whole-file formats: an HTML page, a plain-text file or a PDF is one article. */
export type DocumentFormat = 'html' | 'txt' | 'pdf';

export function recordItem(rec: Record<string, unknown>, origin: string, code: ErrorCode): ImportItem {
  const doc = documentFromRecord(rec, origin, code);
  return doc instanceof DmonError ? { origin, error: doc } : { ...doc, origin };
}

export async function fileItem(
  bytes: Uint8Array,
  origin: string,
  format: DocumentFormat,
): Promise<ImportItem> {
  const as: BytesFormat = format === 'txt' ? 'text' : format;
  try {
    const { kind: _kind, ...doc } = await documentFromBytes(bytes, { name: origin, format: as });
    return { ...doc, origin };
  } catch (e) {
    const error =
      e instanceof DmonError ? e : new DmonError('INPUT_UNREADABLE', `${origin}: ${(e as Error).message}`);
    return { origin, error };
  }
}
