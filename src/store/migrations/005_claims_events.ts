// 005: claims (facts that report one figure) and events (claims about one episode), computed
// from facts by src/store/queries/clustering.ts. Their ids are stable text keys computed from
// content (see src/claims/stableId.ts), so a re-clustered event keeps its id and its URL.
import type { Kysely } from 'kysely';

export async function up005(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('claims')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text')
    .addColumn('term_class', 'text', (c) => c.notNull())
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('figure', 'bigint')
    .addColumn('vague', 'text')
    .addColumn('range_lo', 'bigint')
    .addColumn('range_hi', 'bigint')
    .addColumn('qualifier', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('people', 'bigint')
    .addColumn('household_size', 'double precision')
    .addColumn('stock_or_flow', 'text', (c) => c.notNull())
    .addColumn('cause', 'text')
    .addColumn('hazard', 'text')
    .addColumn('country', 'text')
    .addColumn('admin1', 'text')
    .addColumn('location', 'text')
    .addColumn('lat', 'double precision')
    .addColumn('lon', 'double precision')
    .addColumn('first_date', 'text')
    .addColumn('last_date', 'text')
    .addColumn('first_reported', 'text')
    .addColumn('last_reported', 'text')
    .addColumn('independent_sources', 'integer', (c) => c.notNull())
    .addColumn('reports', 'integer', (c) => c.notNull())
    .addColumn('confidence', 'double precision', (c) => c.notNull())
    .addColumn('lead_fact_id', 'integer', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('claims_event').on('claims').columns(['event_id', 'first_date']).execute();
  await db.schema
    .createIndex('claims_country_date')
    .on('claims')
    .columns(['country', 'last_date', 'id'])
    .execute();
  await db.schema.createIndex('claims_date').on('claims').columns(['last_date', 'id']).execute();

  // Which facts a claim stands on. No foreign key to facts: re-extraction replaces an article's
  // facts, and the rows left behind tell the next clustering which claims to recompute.
  await db.schema
    .createTable('claim_facts')
    .addColumn('fact_id', 'integer', (c) => c.primaryKey())
    .addColumn('claim_id', 'text', (c) => c.notNull())
    .addColumn('article_id', 'integer', (c) => c.notNull())
    .addColumn('country', 'text')
    .execute();
  await db.schema.createIndex('claim_facts_claim').on('claim_facts').column('claim_id').execute();
  await db.schema.createIndex('claim_facts_article').on('claim_facts').column('article_id').execute();

  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('hazard_name', 'text')
    .addColumn('cause', 'text')
    .addColumn('hazard', 'text')
    /** JSON arrays: the ISO3 codes, and {country, admin1, location, lat, lon} places. */
    .addColumn('countries', 'text', (c) => c.notNull())
    .addColumn('places', 'text', (c) => c.notNull())
    .addColumn('first_date', 'text')
    .addColumn('last_date', 'text')
    .addColumn('claim_count', 'integer', (c) => c.notNull())
    .addColumn('fact_count', 'integer', (c) => c.notNull())
    .addColumn('figure', 'bigint')
    .addColumn('figure_unit', 'text')
    .addColumn('figure_people', 'bigint')
    .addColumn('figure_term_class', 'text')
    .addColumn('figure_stock_or_flow', 'text')
    .addColumn('figure_claim_id', 'text')
    .addColumn('figure_reason', 'text')
    /** JSON: the choice for every kind of figure the event has (src/figures/recommend.ts). */
    .addColumn('figures', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_date').on('events').columns(['last_date', 'id']).execute();
  await db.schema
    .createTable('event_countries')
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_countries_pk', ['country', 'event_id'])
    .execute();
  await db.schema.createIndex('event_countries_event').on('event_countries').column('event_id').execute();
}

export async function down005(db: Kysely<unknown>): Promise<void> {
  for (const t of ['event_countries', 'events', 'claim_facts', 'claims'])
    await db.schema.dropTable(t).ifExists().execute();
}
