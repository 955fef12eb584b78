// 025: the per-country summary with a cause (`/api/countries?from=…&to=…&cause=conflict`, the
// dashboard's map legend and table) grouped the rows of summary_cause_days by country and term. The
// primary key (022) is ordered by cause and day, so over a year of ten SQLite read 37,960 rows at
// 1,000,000 facts and sorted them for the grouping: ~45 of the request's ~50 CPU-ms, the slowest
// filter change of the dashboard benchmark. This index is ordered by cause, country, term and day
// and holds the other columns the summary reads: the (country, term) pairs of a cause are listed
// from it by skipping ahead, and each pair's days in the range are one index range, read in
// group order (countryTables.ts, withCause). PostgreSQL groups by hashing and gains nothing from
// it, so there it is not created (each fact write would maintain it for no read).
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../engine.js';

const NAME = 'summary_cause_days_country';
const COLUMNS = ['cause', 'country', 'term', 'day', 'hazard', 'n', 'max_people'];

export function up025(engine: Engine) {
  return async (db: Kysely<unknown>): Promise<void> => {
    if (engine !== 'sqlite') return;
    await db.schema.createIndex(NAME).on('summary_cause_days').columns(COLUMNS).execute();
    // A store analyzed before (the benchmark generator does) needs statistics for it too (see 024).
    const analyzed = await sql<{ n: number }>`
      SELECT count(*) AS n FROM sqlite_master WHERE name = 'sqlite_stat1'`.execute(db);
    if (Number(analyzed.rows[0]?.n ?? 0) > 0) await sql`ANALYZE ${sql.id(NAME)}`.execute(db);
  };
}

export async function down025(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex(NAME).ifExists().execute();
}
