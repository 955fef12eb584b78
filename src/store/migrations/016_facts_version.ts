// 016: a version of the facts, bumped by triggers on every insert, delete and relevant update of
// a fact, whichever code writes it (extraction, re-extraction that only removes facts, reviews,
// article deletes by cascade, the benchmark generator). The aggregate answers (/api/countries,
// /api/timeseries) and the map's points (/api/facts/points) are tagged with it (ETag, 304 on If-None-Match) and the in-process aggregate
// cache keys its entries by it. Before, the cache took max(facts.id) and the latest review as
// the facts' version, which a re-extraction that only removes facts does not change.
// SQLite bumps once per row (it has no statement triggers); PostgreSQL once per statement, so a
// batch of facts costs one update of the one row. The row is locked until the writing
// transaction ends, as the summary tables' roll-up rows already are (migration 010).
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../engine.js';

/** The fact columns that the aggregates, the map's points and their filters and sort read
 * (queries/filter.ts, summary.ts, facts.ts `points`). */
export const VERSIONED_COLUMNS = [
  'article_id',
  'country',
  'admin1',
  'term',
  'cause',
  'hazard',
  'people',
  'figure',
  'confidence',
  'evidence',
  'fact_date',
  'stock_or_flow',
  'review_id',
  'review_status',
  'lat',
  'lon',
  'figure_key',
];

export function up016(engine: Engine) {
  return async (db: Kysely<unknown>): Promise<void> => {
    await db.schema
      .createTable('facts_version')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('version', 'bigint', (c) => c.notNull())
      .execute();
    await sql`INSERT INTO facts_version (id, version) VALUES (1, 1)`.execute(db);
    const bump = 'UPDATE facts_version SET version = version + 1 WHERE id = 1';
    const columns = VERSIONED_COLUMNS.join(', ');
    if (engine === 'postgres') {
      await sql
        .raw(
          `CREATE FUNCTION facts_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  ${bump};
  RETURN NULL;
END $$`,
        )
        .execute(db);
      await sql
        .raw(
          `CREATE TRIGGER facts_version AFTER INSERT OR DELETE OR UPDATE OF ${columns} OR TRUNCATE ON facts
           FOR EACH STATEMENT EXECUTE FUNCTION facts_version_bump()`,
        )
        .execute(db);
      return;
    }
    for (const [name, event] of [
      ['insert', 'INSERT'],
      ['delete', 'DELETE'],
      ['update', `UPDATE OF ${columns}`],
    ])
      await sql
        .raw(`CREATE TRIGGER facts_version_${name} AFTER ${event} ON facts BEGIN ${bump}; END`)
        .execute(db);
  };
}

export function down016(engine: Engine) {
  return async (db: Kysely<unknown>): Promise<void> => {
    if (engine === 'postgres') {
      await sql`DROP TRIGGER IF EXISTS facts_version ON facts`.execute(db);
      await sql`DROP FUNCTION IF EXISTS facts_version_bump()`.execute(db);
    } else
      for (const t of ['insert', 'delete', 'update'])
        await sql.raw(`DROP TRIGGER IF EXISTS facts_version_${t}`).execute(db);
    await db.schema.dropTable('facts_version').ifExists().execute();
  };
}
