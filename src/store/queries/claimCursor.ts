// Keyset cursors for claims and events, whose ids are text: base64url of [date, id].
import { DmonError } from '../../errors.js';

export function encodeTextCursor(date: string | null, id: string): string {
  return Buffer.from(JSON.stringify([date ?? '', id])).toString('base64url');
}

export function decodeTextCursor(cursor: string | null | undefined): [string, string] | null {
  if (!cursor) return null;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string')
      return [v[0], v[1]];
  } catch {
    // fall through
  }
  throw new DmonError(
    'USAGE',
    `cursor ${JSON.stringify(cursor.slice(0, 40))} is not valid; pass the "next" value of a previous page.`,
  );
}
