// 019: migration 017's country summaries kept per batch of inserted or deleted facts, as 018 does
// for 010's tables: 017's row triggers ran 5 statements for every fact inserted and 6 for every
// fact deleted, most of what was left of writing facts on PostgreSQL after 018. The same scheme:
// statement triggers over transition tables on PostgreSQL (017's row trigger stays for updates);
// on SQLite 017's insert and delete triggers skip while summary_deferred (018) holds a row, and
// the batch writer runs the grouped statements of 019_country_batch_sql.ts itself.
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../engine.js';
import { SUMMARY_COLUMNS, summaryDialect } from './010_summary_sql.js';
import { addCountryFact, removeCountryFact } from './017_country_summary_sql.js';
import { addCountryRows, removeCountryRows } from './019_country_batch_sql.js';

const body = (statements: string[]) => statements.map((s) => `${s};`).join('\n');

export function up019(engine: Engine) {
  return async (db: Kysely<unknown>): Promise<void> => {
    const d = summaryDialect(engine);
    const columns = SUMMARY_COLUMNS.join(', ');
    if (engine === 'postgres') {
      await sql`DROP TRIGGER summary_country_facts ON facts`.execute(db);
      await sql
        .raw(
          `CREATE TRIGGER summary_country_facts AFTER UPDATE OF ${columns} ON facts
           FOR EACH ROW EXECUTE FUNCTION summary_country_facts_change()`,
        )
        .execute(db);
      for (const [event, name, table, statements] of [
        ['INSERT', 'inserted', 'NEW TABLE AS new_facts', addCountryRows(d, 'new_facts')],
        ['DELETE', 'deleted', 'OLD TABLE AS old_facts', removeCountryRows(d, 'old_facts')],
      ] as const) {
        await sql
          .raw(
            `CREATE FUNCTION summary_country_facts_${name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  ${body(statements)}
  RETURN NULL;
END $$`,
          )
          .execute(db);
        await sql
          .raw(
            `CREATE TRIGGER summary_country_facts_${event.toLowerCase()} AFTER ${event} ON facts REFERENCING ${table}
             FOR EACH STATEMENT EXECUTE FUNCTION summary_country_facts_${name}()`,
          )
          .execute(db);
      }
      return;
    }
    for (const [event, statements] of [
      ['insert', addCountryFact(d)],
      ['delete', removeCountryFact(d)],
    ] as const) {
      await sql.raw(`DROP TRIGGER summary_country_facts_${event}`).execute(db);
      await sql
        .raw(
          `CREATE TRIGGER summary_country_facts_${event} AFTER ${event.toUpperCase()} ON facts
           WHEN NOT EXISTS (SELECT 1 FROM summary_deferred) BEGIN ${body(statements)} END`,
        )
        .execute(db);
    }
  };
}

export function down019(engine: Engine) {
  return async (db: Kysely<unknown>): Promise<void> => {
    const d = summaryDialect(engine);
    if (engine === 'postgres') {
      for (const [event, name] of [
        ['insert', 'inserted'],
        ['delete', 'deleted'],
      ]) {
        await sql.raw(`DROP TRIGGER IF EXISTS summary_country_facts_${event} ON facts`).execute(db);
        await sql.raw(`DROP FUNCTION IF EXISTS summary_country_facts_${name}()`).execute(db);
      }
      await sql`DROP TRIGGER IF EXISTS summary_country_facts ON facts`.execute(db);
      await sql
        .raw(
          `CREATE TRIGGER summary_country_facts AFTER INSERT OR DELETE OR UPDATE OF ${SUMMARY_COLUMNS.join(', ')} ON facts
           FOR EACH ROW EXECUTE FUNCTION summary_country_facts_change()`,
        )
        .execute(db);
      return;
    }
    for (const [event, statements] of [
      ['insert', addCountryFact(d)],
      ['delete', removeCountryFact(d)],
    ] as const) {
      await sql.raw(`DROP TRIGGER IF EXISTS summary_country_facts_${event}`).execute(db);
      await sql
        .raw(
          `CREATE TRIGGER summary_country_facts_${event} AFTER ${event.toUpperCase()} ON facts BEGIN ${body(statements)} END`,
        )
        .execute(db);
    }
  };
}
