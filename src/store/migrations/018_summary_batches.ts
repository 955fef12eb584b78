// 018: migration 010's summaries kept per batch of inserted or deleted facts instead of per fact.
// 010's trigger ran 17 statements for every fact written or removed: 2.3 ms a fact inserted and
// 4.8 ms a fact deleted on PostgreSQL (3,000 facts: 7.4 s to insert, 14.5 s to delete, against
// 0.5 s and 0.1 s without it), 0.1 and 0.6 ms on SQLite; the largest cost of writing an extracted
// batch on PostgreSQL, and of re-extraction on both. Inserts and deletes now run the grouped
// statements of 018_summary_batch_sql.ts once for many rows:
// - PostgreSQL: statement triggers over the inserted or deleted rows (transition tables), for
//   every writer. 010's row trigger stays for updates (reviews).
// - SQLite has no statement triggers: 010's insert and delete triggers stay, for every other
//   writer, but skip while summary_deferred holds a row; the batch writer
//   (Facts.replaceForArticles) puts one there inside its transaction, writes, runs the grouped
//   statements itself, and takes the row out before the transaction ends (queries/summaryBatch.ts).
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../engine.js';
import { addFact, removeFact, SUMMARY_COLUMNS, summaryDialect } from './010_summary_sql.js';
import { addFactRows, removeFactRows } from './018_summary_batch_sql.js';

const body = (statements: string[]) => statements.map((s) => `${s};`).join('\n');

export function up018(engine: Engine) {
  return async (db: Kysely<unknown>): Promise<void> => {
    const d = summaryDialect(engine);
    const columns = SUMMARY_COLUMNS.join(', ');
    if (engine === 'postgres') {
      await sql`DROP TRIGGER summary_facts ON facts`.execute(db);
      await sql
        .raw(
          `CREATE TRIGGER summary_facts AFTER UPDATE OF ${columns} ON facts
           FOR EACH ROW EXECUTE FUNCTION summary_facts_change()`,
        )
        .execute(db);
      for (const [event, name, table, statements] of [
        ['INSERT', 'inserted', 'NEW TABLE AS new_facts', addFactRows(d, 'new_facts')],
        ['DELETE', 'deleted', 'OLD TABLE AS old_facts', removeFactRows(d, 'old_facts')],
      ] as const) {
        await sql
          .raw(
            `CREATE FUNCTION summary_facts_${name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  ${body(statements)}
  RETURN NULL;
END $$`,
          )
          .execute(db);
        await sql
          .raw(
            `CREATE TRIGGER summary_facts_${event.toLowerCase()} AFTER ${event} ON facts REFERENCING ${table}
             FOR EACH STATEMENT EXECUTE FUNCTION summary_facts_${name}()`,
          )
          .execute(db);
      }
      return;
    }
    await db.schema
      .createTable('summary_deferred')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .execute();
    for (const [event, statements] of [
      ['insert', addFact(d)],
      ['delete', removeFact(d)],
    ] as const) {
      await sql.raw(`DROP TRIGGER summary_facts_${event}`).execute(db);
      await sql
        .raw(
          `CREATE TRIGGER summary_facts_${event} AFTER ${event.toUpperCase()} ON facts
           WHEN NOT EXISTS (SELECT 1 FROM summary_deferred) BEGIN ${body(statements)} END`,
        )
        .execute(db);
    }
  };
}

export function down018(engine: Engine) {
  return async (db: Kysely<unknown>): Promise<void> => {
    const d = summaryDialect(engine);
    if (engine === 'postgres') {
      for (const [event, name] of [
        ['insert', 'inserted'],
        ['delete', 'deleted'],
      ]) {
        await sql.raw(`DROP TRIGGER IF EXISTS summary_facts_${event} ON facts`).execute(db);
        await sql.raw(`DROP FUNCTION IF EXISTS summary_facts_${name}()`).execute(db);
      }
      await sql`DROP TRIGGER IF EXISTS summary_facts ON facts`.execute(db);
      await sql
        .raw(
          `CREATE TRIGGER summary_facts AFTER INSERT OR DELETE OR UPDATE OF ${SUMMARY_COLUMNS.join(', ')} ON facts
           FOR EACH ROW EXECUTE FUNCTION summary_facts_change()`,
        )
        .execute(db);
      return;
    }
    for (const [event, statements] of [
      ['insert', addFact(d)],
      ['delete', removeFact(d)],
    ] as const) {
      await sql.raw(`DROP TRIGGER IF EXISTS summary_facts_${event}`).execute(db);
      await sql
        .raw(
          `CREATE TRIGGER summary_facts_${event} AFTER ${event.toUpperCase()} ON facts BEGIN ${body(statements)} END`,
        )
        .execute(db);
    }
    await db.schema.dropTable('summary_deferred').ifExists().execute();
  };
}
