// 013: GET /api/events lists events newest first, `coalesce(last_date, '')` then id, with keyset
// pages on the same pair. An index on exactly that expression hands the rows out in order, so a
// page reads its 50 rows instead of sorting every event (20,000-fact store: first page ~250 ms
// p50 under load before; the plan is checked in events.test.ts). SQLite and PostgreSQL both
// index expressions; the query must spell the expression the same way.
import { sql, type Kysely } from 'kysely';

export async function up013(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX events_recent ON events ((coalesce(last_date, '')), id)`.execute(db);
}

export async function down013(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('events_recent').execute();
}
