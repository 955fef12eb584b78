// 024: the dashboard's map over a date range (`/api/facts/points?from=…&to=…&cause=…&sort=-figure`)
// read the figure indexes of 002, 009 and 011 in figure order and looked up each row in the table
// to test its date (and the term, cause or hazard the index did not hold): over one year of ten,
// thousands of random table reads per filter (100–260 ms of a cold filter change at 1,000,000
// facts). These indexes have the same leading columns, so they serve every query the old ones
// did, and carry the date and the other facet columns after them: a row is tested from the index
// and the table is read only for the rows listed. They replace the old ones (same keys plus more),
// so a fact write maintains as many indexes as before.
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../engine.js';

/** [old index, new index, columns of the new one]. */
const REPLACED: [string, string, string[]][] = [
  ['facts_figure_key', 'facts_figure_dated', ['figure_key', 'id', 'fact_date', 'term', 'cause', 'hazard']],
  [
    'facts_term_figure',
    'facts_term_figure_dated',
    ['term', 'figure_key', 'id', 'fact_date', 'cause', 'hazard'],
  ],
  [
    'facts_cause_figure',
    'facts_cause_figure_dated',
    ['cause', 'figure_key', 'id', 'fact_date', 'term', 'hazard'],
  ],
  [
    'facts_hazard_figure',
    'facts_hazard_figure_dated',
    ['hazard', 'figure_key', 'id', 'fact_date', 'term', 'cause'],
  ],
  [
    'facts_cause_hazard_figure',
    'facts_cause_hazard_figure_dated',
    ['cause', 'hazard', 'figure_key', 'id', 'fact_date', 'term'],
  ],
];

/** The old indexes' columns, for down. */
const OLD: Record<string, string[]> = {
  facts_figure_key: ['figure_key', 'id'],
  facts_term_figure: ['term', 'figure_key', 'id'],
  facts_cause_figure: ['cause', 'figure_key', 'id'],
  facts_hazard_figure: ['hazard', 'figure_key', 'id'],
  facts_cause_hazard_figure: ['cause', 'hazard', 'figure_key', 'id'],
};

export function up024(engine: Engine) {
  return async (db: Kysely<unknown>): Promise<void> => {
    for (const [old, name, columns] of REPLACED) {
      await db.schema.createIndex(name).on('facts').columns(columns).execute();
      await db.schema.dropIndex(old).execute();
    }
    if (engine !== 'sqlite') return;
    // A store analyzed before (the benchmark generator does) needs statistics for the new indexes
    // too, or SQLite takes them for very selective (see 011).
    const analyzed = await sql<{ n: number }>`
      SELECT count(*) AS n FROM sqlite_master WHERE name = 'sqlite_stat1'`.execute(db);
    if (Number(analyzed.rows[0]?.n ?? 0) > 0)
      for (const [, name] of REPLACED) await sql`ANALYZE ${sql.id(name)}`.execute(db);
  };
}

export async function down024(db: Kysely<unknown>): Promise<void> {
  for (const [old, name] of REPLACED) {
    await db.schema.createIndex(old).on('facts').columns(OLD[old]!).execute();
    await db.schema.dropIndex(name).execute();
  }
}
