// 017: the country summaries the tables of migration 010 could not give. At 1,000,000 facts the
// time series of one country (/api/timeseries?country=…, the country page) and the per-country
// summary over a date range (/api/countries?from=…&to=…, the map with dates set) still read the
// facts: 40-130 ms and 0.3-1.1 s of CPU for each new filter. Three tables, kept exact by
// triggers on facts as 010's are:
// - summary_country_series: the time series per country, at its finest (week or month x country
//   x period x term x stock/flow x cause x hazard); its sums and maxima add up across cells, so a
//   read sums the cells of the countries, terms, cause and hazard asked for.
// - summary_country_months: per term (and '*', any term) x month x country, the facts, largest
//   figure and first and last dates, which add up across months.
// - summary_article_days: each article's counted facts per term (and '*') x country x day, so that
//   the distinct articles of any date range (which do not add up across months) are counted exactly.
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../engine.js';
import { SUMMARY_COLUMNS, summaryDialect } from './010_summary_sql.js';
import { addCountryFact, backfillCountries, removeCountryFact } from './017_country_summary_sql.js';

export function up017(engine: Engine) {
  return async (db: Kysely<unknown>): Promise<void> => {
    const d = summaryDialect(engine);
    await db.schema
      .createTable('summary_country_series')
      .addColumn('grain', 'text', (c) => c.notNull())
      .addColumn('country', 'text', (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('term', 'text', (c) => c.notNull())
      .addColumn('stock_or_flow', 'text', (c) => c.notNull())
      .addColumn('cause', 'text', (c) => c.notNull())
      .addColumn('hazard', 'text', (c) => c.notNull())
      .addColumn('facts', 'bigint', (c) => c.notNull())
      .addColumn('people_n', 'bigint', (c) => c.notNull())
      .addColumn('sum_people', 'bigint', (c) => c.notNull())
      .addColumn('max_people', 'bigint')
      .addPrimaryKeyConstraint('summary_country_series_pk', [
        'grain',
        'country',
        'period',
        'term',
        'stock_or_flow',
        'cause',
        'hazard',
      ])
      .execute();
    await db.schema
      .createTable('summary_country_months')
      .addColumn('term', 'text', (c) => c.notNull())
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('country', 'text', (c) => c.notNull())
      .addColumn('facts', 'bigint', (c) => c.notNull())
      .addColumn('max_people', 'bigint')
      .addColumn('first_date', 'text')
      .addColumn('last_date', 'text')
      .addPrimaryKeyConstraint('summary_country_months_pk', ['month', 'country', 'term'])
      .execute();
    await db.schema
      .createTable('summary_article_days')
      .addColumn('term', 'text', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('country', 'text', (c) => c.notNull())
      .addColumn('article_id', 'integer', (c) => c.notNull())
      .addColumn('n', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('summary_article_days_pk', ['term', 'day', 'country', 'article_id'])
      .execute();
    for (const statement of backfillCountries(d)) await sql.raw(statement).execute(db);

    const add = addCountryFact(d);
    const remove = removeCountryFact(d);
    const columns = SUMMARY_COLUMNS.join(', ');
    if (engine === 'postgres') {
      await sql
        .raw(
          `CREATE FUNCTION summary_country_facts_change() RETURNS trigger LANGUAGE plpgsql AS $$
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
          `CREATE TRIGGER summary_country_facts AFTER INSERT OR DELETE OR UPDATE OF ${columns} ON facts
           FOR EACH ROW EXECUTE FUNCTION summary_country_facts_change()`,
        )
        .execute(db);
      return;
    }
    const body = (statements: string[]) => statements.map((s) => `${s};`).join('\n');
    await sql
      .raw(`CREATE TRIGGER summary_country_facts_insert AFTER INSERT ON facts BEGIN ${body(add)} END`)
      .execute(db);
    await sql
      .raw(`CREATE TRIGGER summary_country_facts_delete AFTER DELETE ON facts BEGIN ${body(remove)} END`)
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER summary_country_facts_update AFTER UPDATE OF ${columns} ON facts BEGIN ${body([...remove, ...add])} END`,
      )
      .execute(db);
  };
}

export function down017(engine: Engine) {
  return async (db: Kysely<unknown>): Promise<void> => {
    if (engine === 'postgres') {
      await sql`DROP TRIGGER IF EXISTS summary_country_facts ON facts`.execute(db);
      await sql`DROP FUNCTION IF EXISTS summary_country_facts_change()`.execute(db);
    } else
      for (const t of ['insert', 'delete', 'update'])
        await sql.raw(`DROP TRIGGER IF EXISTS summary_country_facts_${t}`).execute(db);
    for (const t of ['summary_article_days', 'summary_country_months', 'summary_country_series'])
      await db.schema.dropTable(t).ifExists().execute();
  };
}
