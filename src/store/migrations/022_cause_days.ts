// 022: the per-country summary over a date range with a cause or a hazard from a summary table.
// Migration 017 answers /api/countries?from=…&to=… from its month and article-day tables, keyed by
// term only; with a cause or a hazard as well (the dashboard's map with dates and a cause set) the
// summary still read the facts: 2.1-2.9 s of API per new filter at 1,000,000 facts. One table,
// summary_cause_days (022_cause_days_sql.ts), holds each article's counted facts with a cause or a
// hazard per cause x day x hazard x term x country, with their largest figure: what a range needs
// (facts, largest figure, first and last dates, facts per term, distinct articles) is read from it
// in one pass over the range's rows, whole months or not. It is its own primary key (WITHOUT ROWID
// on SQLite), so a cause's days are read in order from it; a second index serves a hazard alone.
// Kept as 018 and 019 keep the others: on PostgreSQL statement triggers over the inserted or
// deleted rows and a row trigger for updates; on SQLite row triggers that skip while
// summary_deferred holds a row, the batch writer running the grouped statements itself.
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../engine.js';
import { SUMMARY_COLUMNS, summaryDialect } from './010_summary_sql.js';
import {
  addCauseDayFact,
  addCauseDayRows,
  backfillCauseDays,
  removeCauseDayFact,
  removeCauseDayRows,
} from './022_cause_days_sql.js';

const body = (statements: string[]) => statements.map((s) => `${s};`).join('\n');

export function up022(engine: Engine) {
  return async (db: Kysely<unknown>): Promise<void> => {
    const d = summaryDialect(engine);
    const pg = engine === 'postgres';
    await sql
      .raw(
        `CREATE TABLE summary_cause_days (
           cause text NOT NULL, day text NOT NULL, hazard text NOT NULL, term text NOT NULL,
           country text NOT NULL, article_id integer NOT NULL, n integer NOT NULL, max_people bigint,
           CONSTRAINT summary_cause_days_pk PRIMARY KEY (cause, day, hazard, term, country, article_id)
         )${pg ? '' : ' WITHOUT ROWID'}`,
      )
      .execute(db);
    await sql
      .raw(
        pg
          ? `CREATE INDEX summary_cause_days_hazard ON summary_cause_days (hazard, day, cause, term, country, article_id) INCLUDE (n, max_people)`
          : `CREATE INDEX summary_cause_days_hazard ON summary_cause_days (hazard, day, cause, term, country, article_id, n, max_people)`,
      )
      .execute(db);
    for (const statement of backfillCauseDays()) await sql.raw(statement).execute(db);

    const columns = SUMMARY_COLUMNS.join(', ');
    if (pg) {
      await sql
        .raw(
          `CREATE FUNCTION summary_cause_days_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  ${body(removeCauseDayFact())}
  ${body(addCauseDayFact(d))}
  RETURN NULL;
END $$`,
        )
        .execute(db);
      await sql
        .raw(
          `CREATE TRIGGER summary_cause_days AFTER UPDATE OF ${columns} ON facts
           FOR EACH ROW EXECUTE FUNCTION summary_cause_days_change()`,
        )
        .execute(db);
      for (const [event, name, table, statements] of [
        ['INSERT', 'inserted', 'NEW TABLE AS new_facts', addCauseDayRows(d, 'new_facts')],
        ['DELETE', 'deleted', 'OLD TABLE AS old_facts', removeCauseDayRows('old_facts')],
      ] as const) {
        await sql
          .raw(
            `CREATE FUNCTION summary_cause_days_${name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  ${body(statements)}
  RETURN NULL;
END $$`,
          )
          .execute(db);
        await sql
          .raw(
            `CREATE TRIGGER summary_cause_days_${event.toLowerCase()} AFTER ${event} ON facts REFERENCING ${table}
             FOR EACH STATEMENT EXECUTE FUNCTION summary_cause_days_${name}()`,
          )
          .execute(db);
      }
      return;
    }
    for (const [event, statements] of [
      ['insert', addCauseDayFact(d)],
      ['delete', removeCauseDayFact()],
    ] as const)
      await sql
        .raw(
          `CREATE TRIGGER summary_cause_days_${event} AFTER ${event.toUpperCase()} ON facts
           WHEN NOT EXISTS (SELECT 1 FROM summary_deferred) BEGIN ${body(statements)} END`,
        )
        .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER summary_cause_days_update AFTER UPDATE OF ${columns} ON facts
         BEGIN ${body([...removeCauseDayFact(), ...addCauseDayFact(d)])} END`,
      )
      .execute(db);
  };
}

export function down022(engine: Engine) {
  return async (db: Kysely<unknown>): Promise<void> => {
    if (engine === 'postgres') {
      for (const [event, name] of [
        ['insert', 'inserted'],
        ['delete', 'deleted'],
      ]) {
        await sql.raw(`DROP TRIGGER IF EXISTS summary_cause_days_${event} ON facts`).execute(db);
        await sql.raw(`DROP FUNCTION IF EXISTS summary_cause_days_${name}()`).execute(db);
      }
      await sql`DROP TRIGGER IF EXISTS summary_cause_days ON facts`.execute(db);
      await sql`DROP FUNCTION IF EXISTS summary_cause_days_change()`.execute(db);
    } else
      for (const t of ['insert', 'delete', 'update'])
        await sql.raw(`DROP TRIGGER IF EXISTS summary_cause_days_${t}`).execute(db);
    await sql`DROP TABLE IF EXISTS summary_cause_days`.execute(db);
  };
}
