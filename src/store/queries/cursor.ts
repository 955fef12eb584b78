// Opaque keyset cursors: base64url of a JSON pair [sort value, id].
import { DmonError } from '../../errors.js';

export type CursorValue = [string | number | null, number];

/** Row ids are 32-bit on PostgreSQL; a larger one in a cursor was forged. */
const ID_MAX = 2_147_483_647;

/** A sort value the database can compare without a type error: a safe integer, a finite
 * number of the same range, or a short string without NUL (PostgreSQL refuses NUL in text). */
function sortValueOk(v: unknown): boolean {
  if (typeof v === 'number') return Number.isFinite(v) && Math.abs(v) <= Number.MAX_SAFE_INTEGER;
  return typeof v === 'string' && v.length <= 64 && !v.includes('\u0000');
}

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
      v[1] >= 0 &&
      v[1] <= ID_MAX &&
      sortValueOk(v[0])
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
