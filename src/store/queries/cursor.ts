// Opaque keyset cursors: base64url of a JSON pair [sort value, id].
import { DmonError } from '../../errors.js';

export type CursorValue = [string | number | null, number];

export function encodeCursor(value: CursorValue): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): CursorValue | null {
  if (!cursor) return null;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(v) &&
      v.length === 2 &&
      Number.isInteger(v[1]) &&
      ['string', 'number'].includes(typeof v[0])
    )
      return v as CursorValue;
  } catch {
    // fall through
  }
  throw new DmonError(
    'USAGE',
    `cursor ${JSON.stringify(cursor.slice(0, 40))} is not valid; pass the "next" value of a previous page.`,
  );
}
