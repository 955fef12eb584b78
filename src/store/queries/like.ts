// Case-insensitive substring match that behaves the same on both engines (SQLite's LIKE is
// case-insensitive for ASCII; PostgreSQL needs ILIKE). Wildcards in the needle are escaped.
import { sql, type RawBuilder } from 'kysely';
import type { Engine } from '../engine.js';

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function containsText(engine: Engine, column: string, needle: string): RawBuilder<boolean> {
  const op = engine === 'postgres' ? sql`ilike` : sql`like`;
  return sql<boolean>`${sql.ref(column)} ${op} ${`%${escapeLike(needle)}%`} escape '\\'`;
}
