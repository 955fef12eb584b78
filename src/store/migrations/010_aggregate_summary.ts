// 010: summary tables for the dashboard's aggregates. On 1,000,000 facts the per-country summary
// and the time series scanned every matching fact (0.3-3 s for each new filter), which made a
// filter change on the map page take seconds. These tables hold the answers per
// country x term x cause x hazard (with '*' roll-ups) and per week or month x term x stock/flow
// x cause x hazard, kept exact by triggers on facts, so every write path (extraction, re-extraction,
// deletes, reviews, the benchmark generator) keeps them current without knowing of them.
// Distinct articles do not add up across cells, so summary_article_cells counts each article's
// facts per finest cell: an article joins or leaves a roll-up when its first or last fact in
// it comes or goes. The routes read them when the filters are ones the tables are keyed by
// (summary.ts); any other filter reads the facts as before.
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../engine.js';
import { addFact, backfill, removeFact, SUMMARY_COLUMNS, summaryDialect } from './010_summary_sql.js';

export function up010(engine: Engine) {
  return async (db: Kysely<unknown>): Promise<void> => {
    const d = summaryDialect(engine);
    await db.schema
      .createTable('summary_article_cells')
      .addColumn('country', 'text', (c) => c.notNull())
      .addColumn('article_id', 'integer', (c) => c.notNull())
      .addColumn('term', 'text', (c) => c.notNull())
      .addColumn('cause', 'text', (c) => c.notNull())
      .addColumn('hazard', 'text', (c) => c.notNull())
      .addColumn('n', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('summary_article_cells_pk', [
        'country',
        'article_id',
        'term',
        'cause',
        'hazard',
      ])
      .execute();
    await db.schema
      .createTable('summary_countries')
      .addColumn('term', 'text', (c) => c.notNull())
      .addColumn('cause', 'text', (c) => c.notNull())
      .addColumn('hazard', 'text', (c) => c.notNull())
      .addColumn('country', 'text', (c) => c.notNull())
      .addColumn('facts', 'bigint', (c) => c.notNull())
      .addColumn('articles', 'bigint', (c) => c.notNull())
      .addColumn('max_people', 'bigint')
      .addColumn('first_date', 'text')
      .addColumn('last_date', 'text')
      .addPrimaryKeyConstraint('summary_countries_pk', ['term', 'cause', 'hazard', 'country'])
      .execute();
    await db.schema
      .createTable('summary_timeseries')
      .addColumn('grain', 'text', (c) => c.notNull())
      .addColumn('cause', 'text', (c) => c.notNull())
      .addColumn('hazard', 'text', (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('term', 'text', (c) => c.notNull())
      .addColumn('stock_or_flow', 'text', (c) => c.notNull())
      .addColumn('facts', 'bigint', (c) => c.notNull())
      /** How many of the facts have a figure in people: the sum is NULL when none has. */
      .addColumn('people_n', 'bigint', (c) => c.notNull())
      .addColumn('sum_people', 'bigint', (c) => c.notNull())
      .addColumn('max_people', 'bigint')
      .addPrimaryKeyConstraint('summary_timeseries_pk', [
        'grain',
        'cause',
        'hazard',
        'period',
        'term',
        'stock_or_flow',
      ])
      .execute();
    for (const statement of backfill(d)) await sql.raw(statement).execute(db);

    const add = addFact(d);
    const remove = removeFact(d);
    const columns = SUMMARY_COLUMNS.join(', ');
    if (engine === 'postgres') {
      await sql
        .raw(
          `CREATE FUNCTION summary_facts_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    ${remove.join(';\n    ')};
  END IF;
  IF TG_OP <> 'DELETE' THEN
    ${add.join(';\n    ')};
  END IF;
  RETURN NULL;
END $$`,
        )
        .execute(db);
      await sql
        .raw(
          `CREATE TRIGGER summary_facts AFTER INSERT OR DELETE OR UPDATE OF ${columns} ON facts
           FOR EACH ROW EXECUTE FUNCTION summary_facts_change()`,
        )
        .execute(db);
      return;
    }
    const body = (statements: string[]) => statements.map((s) => `${s};`).join('\n');
    await sql
      .raw(`CREATE TRIGGER summary_facts_insert AFTER INSERT ON facts BEGIN ${body(add)} END`)
      .execute(db);
    await sql
      .raw(`CREATE TRIGGER summary_facts_delete AFTER DELETE ON facts BEGIN ${body(remove)} END`)
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER summary_facts_update AFTER UPDATE OF ${columns} ON facts BEGIN ${body([...remove, ...add])} END`,
      )
      .execute(db);
  };
}

export function down010(engine: Engine) {
  return async (db: Kysely<unknown>): Promise<void> => {
    if (engine === 'postgres') {
      await sql`DROP TRIGGER IF EXISTS summary_facts ON facts`.execute(db);
      await sql`DROP FUNCTION IF EXISTS summary_facts_change()`.execute(db);
    } else
      for (const t of ['insert', 'delete', 'update'])
        await sql.raw(`DROP TRIGGER IF EXISTS summary_facts_${t}`).execute(db);
    for (const t of ['summary_timeseries', 'summary_countries', 'summary_article_cells'])
      await db.schema.dropTable(t).ifExists().execute();
  };
}
