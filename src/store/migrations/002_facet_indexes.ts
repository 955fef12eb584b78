// 002: indexes for the facet queries and country summaries measured in bench/store.mjs, and
// figure_key (the figure, or -1 for a vague one) so "sort by figure" pages through an index
// the same way on both engines (they order NULLs differently).
import { sql, type Kysely } from 'kysely';

export async function up002(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('facts')
    .addColumn('figure_key', 'bigint', (c) => c.notNull().defaultTo(-1))
    .execute();
  await sql`UPDATE facts SET figure_key = figure WHERE figure IS NOT NULL`.execute(db);
  await db.schema.dropIndex('facts_figure').execute();
  await db.schema.createIndex('facts_figure_key').on('facts').columns(['figure_key', 'id']).execute();
  await db.schema
    .createIndex('facts_country_figure')
    .on('facts')
    .columns(['country', 'figure_key', 'id'])
    .execute();
  await db.schema
    .createIndex('facts_country_term_date')
    .on('facts')
    .columns(['country', 'term', 'fact_date', 'id'])
    .execute();
  // Covering index for GET /api/countries: the per-country aggregate reads only the index.
  await db.schema
    .createIndex('facts_country_summary')
    .on('facts')
    .columns(['country', 'article_id', 'people', 'fact_date'])
    .execute();
}

export async function down002(db: Kysely<unknown>): Promise<void> {
  for (const i of [
    'facts_country_summary',
    'facts_country_term_date',
    'facts_country_figure',
    'facts_figure_key',
  ])
    await db.schema.dropIndex(i).execute();
  await db.schema.createIndex('facts_figure').on('facts').columns(['figure', 'id']).execute();
  await db.schema.alterTable('facts').dropColumn('figure_key').execute();
}
