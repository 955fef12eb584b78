// 026: the dashboard's map over a date range with a cause (`/api/countries?from=…&to=…&cause=…`)
// counts each country's distinct articles. Migration 022's summary_cause_days has a row per term of
// an article's facts, so at 1,000,000 facts a year of conflict is 37,960 rows for 18,582 articles,
// and SQLite's count(DISTINCT) over them (a sort of the rows by country, then of the articles)
// took 12-15 CPU-ms of the slowest filter change. summary_cause_articles (026_cause_articles_sql.ts)
// keeps the same cells without the term: one row per cause x hazard x day x country x article
// while it has a counted fact, which is what the distinct articles of a filter without a term
// read (countryTables.ts). Its primary key leads with cause and hazard, so a cause, a cause and a
// hazard, or a hazard alone is a few ranges of days.
// Kept as 022 keeps its table: on PostgreSQL statement triggers over the inserted or deleted rows
// and a row trigger for updates; on SQLite row triggers that skip while summary_deferred holds a
// row, the batch writer (summaryBatch.ts) running the grouped statements itself.
//
// And on SQLite an index on summary_country_months ordered by term, country and month with the
// columns the summary reads: the per-country summary over a year (no cause) grouped ~10,000 month
// rows by sorting them; from this index they come in group order (skipping ahead over terms and
// countries), 8-9 -> ~4 CPU-ms at 1 M facts. PostgreSQL groups by hashing: not created there.
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../engine.js';
import { SUMMARY_COLUMNS } from './010_summary_sql.js';
import {
  addCauseArticleFact,
  addCauseArticleRows,
  backfillCauseArticles,
  removeCauseArticleFact,
  removeCauseArticleRows,
} from './026_cause_articles_sql.js';

const body = (statements: string[]) => statements.map((s) => `${s};`).join('\n');
const MONTHS_INDEX = 'summary_country_months_term';

export function up026(engine: Engine) {
  return async (db: Kysely<unknown>): Promise<void> => {
    const pg = engine === 'postgres';
    await sql
      .raw(
        `CREATE TABLE summary_cause_articles (
           cause text NOT NULL, hazard text NOT NULL, day text NOT NULL, country text NOT NULL,
           article_id integer NOT NULL, n integer NOT NULL,
           CONSTRAINT summary_cause_articles_pk PRIMARY KEY (cause, hazard, day, country, article_id)
         )${pg ? '' : ' WITHOUT ROWID'}`,
      )
      .execute(db);
    for (const statement of backfillCauseArticles()) await sql.raw(statement).execute(db);

    const columns = SUMMARY_COLUMNS.join(', ');
    if (pg) {
      await sql
        .raw(
          `CREATE FUNCTION summary_cause_articles_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  ${body(removeCauseArticleFact())}
  ${body(addCauseArticleFact())}
  RETURN NULL;
END $$`,
        )
        .execute(db);
      await sql
        .raw(
          `CREATE TRIGGER summary_cause_articles AFTER UPDATE OF ${columns} ON facts
           FOR EACH ROW EXECUTE FUNCTION summary_cause_articles_change()`,
        )
        .execute(db);
      for (const [event, name, table, statements] of [
        ['INSERT', 'inserted', 'NEW TABLE AS new_facts', addCauseArticleRows('new_facts')],
        ['DELETE', 'deleted', 'OLD TABLE AS old_facts', removeCauseArticleRows('old_facts')],
      ] as const) {
        await sql
          .raw(
            `CREATE FUNCTION summary_cause_articles_${name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  ${body(statements)}
  RETURN NULL;
END $$`,
          )
          .execute(db);
        await sql
          .raw(
            `CREATE TRIGGER summary_cause_articles_${event.toLowerCase()} AFTER ${event} ON facts REFERENCING ${table}
             FOR EACH STATEMENT EXECUTE FUNCTION summary_cause_articles_${name}()`,
          )
          .execute(db);
      }
      return;
    }
    for (const [event, statements] of [
      ['insert', addCauseArticleFact()],
      ['delete', removeCauseArticleFact()],
    ] as const)
      await sql
        .raw(
          `CREATE TRIGGER summary_cause_articles_${event} AFTER ${event.toUpperCase()} ON facts
           WHEN NOT EXISTS (SELECT 1 FROM summary_deferred) BEGIN ${body(statements)} END`,
        )
        .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER summary_cause_articles_update AFTER UPDATE OF ${columns} ON facts
         BEGIN ${body([...removeCauseArticleFact(), ...addCauseArticleFact()])} END`,
      )
      .execute(db);
    await db.schema
      .createIndex(MONTHS_INDEX)
      .on('summary_country_months')
      .columns(['term', 'country', 'month', 'facts', 'max_people', 'first_date', 'last_date'])
      .execute();
    // A store analyzed before (the benchmark generator does) needs statistics for both (see 024).
    const analyzed = await sql<{ n: number }>`
      SELECT count(*) AS n FROM sqlite_master WHERE name = 'sqlite_stat1'`.execute(db);
    if (Number(analyzed.rows[0]?.n ?? 0) > 0) {
      await sql`ANALYZE summary_cause_articles`.execute(db);
      await sql`ANALYZE ${sql.id(MONTHS_INDEX)}`.execute(db);
    }
  };
}

export function down026(engine: Engine) {
  return async (db: Kysely<unknown>): Promise<void> => {
    if (engine === 'postgres') {
      for (const [event, name] of [
        ['insert', 'inserted'],
        ['delete', 'deleted'],
      ]) {
        await sql.raw(`DROP TRIGGER IF EXISTS summary_cause_articles_${event} ON facts`).execute(db);
        await sql.raw(`DROP FUNCTION IF EXISTS summary_cause_articles_${name}()`).execute(db);
      }
      await sql`DROP TRIGGER IF EXISTS summary_cause_articles ON facts`.execute(db);
      await sql`DROP FUNCTION IF EXISTS summary_cause_articles_change()`.execute(db);
    } else {
      for (const t of ['insert', 'delete', 'update'])
        await sql.raw(`DROP TRIGGER IF EXISTS summary_cause_articles_${t}`).execute(db);
      await db.schema.dropIndex(MONTHS_INDEX).ifExists().execute();
    }
    await sql`DROP TABLE IF EXISTS summary_cause_articles`.execute(db);
  };
}
