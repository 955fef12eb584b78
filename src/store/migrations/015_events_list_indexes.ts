// 015: GET /api/events with a filter reads its page from an index in list order (newest
// `coalesce(last_date, '')` first, then id), as the unfiltered list does since 013, instead of
// walking every event newest first until a page matches. Without them, a country, cause or
// hazard with few or no events, and a period years back, read every event on each request
// (about 600 µs of CPU per 1,000 events on SQLite).
// - event_countries keeps its event's list key (`last_key`), so a country's events come in
//   order from (country, last_key, event_id);
// - (cause, key, id) and (hazard, key, id) for the cause and hazard filters;
// - `span_days`, the days from an event's first to its last date: the longest span bounds how
//   far after `to` the last date of an event that began by `to` can lie, so `from`/`to` become a
//   range of the list key. NULL when a date is missing; 100000 when a date does not read as a
//   day, so the bound then covers everything.
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../engine.js';

/** The span written for dates that do not read as days: large enough to bound nothing. */
export const UNKNOWN_SPAN_DAYS = 100_000;

export function up015(engine: Engine) {
  return async (db: Kysely<unknown>): Promise<void> => {
    await db.schema
      .alterTable('event_countries')
      .addColumn('last_key', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await sql`UPDATE event_countries SET last_key =
      (SELECT coalesce(events.last_date, '') FROM events WHERE events.id = event_countries.event_id)
      WHERE EXISTS (SELECT 1 FROM events WHERE events.id = event_countries.event_id)`.execute(db);
    await db.schema
      .createIndex('event_countries_recent')
      .on('event_countries')
      .columns(['country', 'last_key', 'event_id'])
      .execute();
    await db.schema.alterTable('events').addColumn('span_days', 'integer').execute();
    if (engine === 'sqlite')
      await sql`UPDATE events SET span_days = coalesce(
        CAST(julianday(substr(last_date, 1, 10)) - julianday(substr(first_date, 1, 10)) AS integer),
        ${sql.lit(UNKNOWN_SPAN_DAYS)})
        WHERE first_date IS NOT NULL AND last_date IS NOT NULL`.execute(db);
    else
      await sql`UPDATE events SET span_days = CASE
        WHEN first_date ~ '^\\d{4}-\\d{2}-\\d{2}' AND last_date ~ '^\\d{4}-\\d{2}-\\d{2}'
        THEN substr(last_date, 1, 10)::date - substr(first_date, 1, 10)::date
        ELSE ${sql.lit(UNKNOWN_SPAN_DAYS)} END
        WHERE first_date IS NOT NULL AND last_date IS NOT NULL`.execute(db);
    await db.schema.createIndex('events_span').on('events').column('span_days').execute();
    await sql`CREATE INDEX events_cause_recent ON events (cause, (coalesce(last_date, '')), id)`.execute(db);
    await sql`CREATE INDEX events_hazard_recent ON events (hazard, (coalesce(last_date, '')), id)`.execute(
      db,
    );
    if (engine !== 'sqlite') return;
    // A store analyzed before (the benchmark generator does) needs statistics for the new
    // indexes too, or SQLite takes them for very selective (see 011).
    const analyzed = await sql<{ n: number }>`
      SELECT count(*) AS n FROM sqlite_master WHERE name = 'sqlite_stat1'`.execute(db);
    if (Number(analyzed.rows[0]?.n ?? 0) > 0) {
      await sql`ANALYZE events`.execute(db);
      await sql`ANALYZE event_countries`.execute(db);
    }
  };
}

export async function down015(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('events_hazard_recent').execute();
  await db.schema.dropIndex('events_cause_recent').execute();
  await db.schema.dropIndex('events_span').execute();
  await db.schema.alterTable('events').dropColumn('span_days').execute();
  await db.schema.dropIndex('event_countries_recent').execute();
  await db.schema.alterTable('event_countries').dropColumn('last_key').execute();
}
