// Writing many facts with the summaries (migrations 010, 017, 022 and 026) updated a few statements at a time
// instead of once per fact (migrations 018, 019 and 022). On PostgreSQL statement triggers already do it
// for every insert and delete; on SQLite the writer defers the row triggers and runs the same grouped
// statements itself, over the ids it inserted or a copy of the rows it deletes, inside its
// transaction.
import { CompiledQuery, sql, type Kysely } from 'kysely';
import type { Engine } from '../engine.js';
import { summaryDialect } from '../migrations/010_summary_sql.js';
import { addFactRows, removeFactRows } from '../migrations/018_summary_batch_sql.js';
import { addCountryRows, removeCountryRows } from '../migrations/019_country_batch_sql.js';
import { addCauseDayRows, removeCauseDayRows } from '../migrations/022_cause_days_sql.js';
import { addCauseArticleRows, removeCauseArticleRows } from '../migrations/026_cause_articles_sql.js';
import type { Database } from '../schema.js';

/** The inserted rows, by a JSON array of ids (one parameter, so the statement text never changes). */
const SQLITE_ADDED = '(SELECT * FROM facts WHERE id IN (SELECT value FROM json_each(?)))';
/** The deleted rows: copied here before they go (a table of this connection only). */
const SQLITE_REMOVED = 'temp.summary_removed_facts';
let sqlite: { add: string[]; remove: string[] } | null = null;

export interface SummaryWrites {
  /** Deletes every fact of these articles. */
  deleteFactsOf(articleIds: number[]): Promise<void>;
  /** To be called with the ids of the facts just inserted, before anything else writes facts. */
  added(ids: number[]): Promise<void>;
}

/**
 * Runs `write`, which deletes facts with `deleteFactsOf` and inserts facts through `trx`, then
 * reports their ids to `added`, with the summaries kept a few statements per call. `trx` must be
 * a transaction: on SQLite the deferral is a row that only this transaction sees and that is
 * gone when it ends.
 */
export async function withGroupedSummaries<T>(
  trx: Kysely<Database>,
  engine: Engine,
  write: (w: SummaryWrites) => Promise<T>,
): Promise<T> {
  const deleteFacts = (ids: number[]) => trx.deleteFrom('facts').where('article_id', 'in', ids).execute();
  if (engine === 'postgres')
    return write({ deleteFactsOf: async (ids) => void (await deleteFacts(ids)), added: async () => {} });
  const d = summaryDialect('sqlite');
  const statements = (sqlite ??= {
    add: [
      ...addFactRows(d, SQLITE_ADDED),
      ...addCountryRows(d, SQLITE_ADDED),
      ...addCauseDayRows(d, SQLITE_ADDED),
      ...addCauseArticleRows(SQLITE_ADDED),
    ],
    remove: [
      ...removeFactRows(d, SQLITE_REMOVED),
      ...removeCountryRows(d, SQLITE_REMOVED),
      ...removeCauseDayRows(SQLITE_REMOVED),
      ...removeCauseArticleRows(SQLITE_REMOVED),
    ],
  });
  const run = async (list: string[], params: unknown[]) => {
    for (const s of list) await trx.executeQuery(CompiledQuery.raw(s, params));
  };
  await trx.insertInto('summary_deferred').values({ id: 1 }).execute();
  try {
    return await write({
      deleteFactsOf: async (ids) => {
        if (ids.length === 0) return;
        await sql`CREATE TEMP TABLE IF NOT EXISTS summary_removed_facts AS SELECT * FROM main.facts WHERE 0`.execute(
          trx,
        );
        await sql`DELETE FROM temp.summary_removed_facts`.execute(trx);
        const json = JSON.stringify(ids);
        const copied = await sql`INSERT INTO temp.summary_removed_facts
          SELECT * FROM main.facts WHERE article_id IN (SELECT value FROM json_each(${json}))`.execute(trx);
        // Articles extracted for the first time have no facts to delete: the removal statements
        // (each scoped to the copied rows, some scanning a summary table for emptied rows) are
        // skipped then.
        if (copied.numAffectedRows === 0n) return;
        await deleteFacts(ids);
        await run(statements.remove, []);
        await sql`DELETE FROM temp.summary_removed_facts`.execute(trx);
      },
      added: async (ids) => {
        if (ids.length) await run(statements.add, [JSON.stringify(ids)]);
      },
    });
  } finally {
    await trx.deleteFrom('summary_deferred').execute();
  }
}
