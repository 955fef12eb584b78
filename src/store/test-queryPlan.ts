// The plan a query would run with, one line per step joined by " | ": SQLite's EXPLAIN QUERY PLAN
// details, or PostgreSQL's EXPLAIN with sequential and bitmap scans off (a test table is small
// enough that any planner reads it whole; this asks which index it would use).
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from './schema.js';

export async function queryPlan(
  db: Kysely<Database>,
  engine: string,
  query: RawBuilder<unknown>,
): Promise<string> {
  if (engine === 'sqlite') {
    const plan = await sql<{ detail: string }>`EXPLAIN QUERY PLAN ${query}`.execute(db);
    return plan.rows.map((r) => r.detail).join(' | ');
  }
  const plan = await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL enable_seqscan = off`.execute(trx);
    await sql`SET LOCAL enable_bitmapscan = off`.execute(trx);
    return sql<{ 'QUERY PLAN': string }>`EXPLAIN ${query}`.execute(trx);
  });
  return plan.rows.map((r) => r['QUERY PLAN']).join(' | ');
}
