// 001: sources, articles, facts, places, jobs, tokens.
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../engine.js';
import { idColumn } from './columns.js';

export function up001(engine: Engine) {
  return async (db: Kysely<unknown>): Promise<void> => {
    await idColumn(engine, db.schema.createTable('sources'))
      .addColumn('url', 'text', (c) => c.notNull().unique())
      .addColumn('title', 'text')
      .addColumn('etag', 'text')
      .addColumn('last_modified', 'text')
      .addColumn('interval_s', 'integer', (c) => c.notNull().defaultTo(900))
      .addColumn('next_poll_at', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('last_polled_at', 'bigint')
      .addColumn('last_status', 'text')
      .addColumn('last_error', 'text')
      .addColumn('error_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('item_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();

    await idColumn(engine, db.schema.createTable('articles'))
      .addColumn('url', 'text', (c) => c.unique())
      .addColumn('original_url', 'text')
      .addColumn('title', 'text')
      .addColumn('published', 'text')
      .addColumn('language', 'text')
      .addColumn('source_id', 'integer', (c) => c.references('sources.id').onDelete('set null'))
      .addColumn('origin', 'text', (c) => c.notNull())
      .addColumn('external_id', 'text')
      .addColumn('attribution', 'text')
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('simhash', 'text')
      .addColumn('sh0', 'integer')
      .addColumn('sh1', 'integer')
      .addColumn('sh2', 'integer')
      .addColumn('sh3', 'integer')
      .addColumn('duplicate_of', 'integer', (c) => c.references('articles.id').onDelete('set null'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('error', 'text')
      .addColumn('fetch_status', 'integer')
      .addColumn('relevance', 'double precision')
      .addColumn('cause', 'text')
      .addColumn('hazard', 'text')
      .addColumn('doc_type', 'text')
      .addColumn('extractor_version', 'text')
      .addColumn('fact_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('extracted_at', 'bigint')
      .execute();
    await db.schema.createIndex('articles_content_hash').on('articles').column('content_hash').execute();
    // A text without a URL is keyed by its content: the same text imported twice is one row.
    await db.schema
      .createIndex('articles_text_key')
      .on('articles')
      .column('content_hash')
      .unique()
      .where(sql.ref('url'), 'is', null)
      .where(sql.ref('duplicate_of'), 'is', null)
      .where(sql.ref('status'), '!=', 'failed')
      .execute();
    for (const b of ['sh0', 'sh1', 'sh2', 'sh3'])
      await db.schema.createIndex(`articles_${b}`).on('articles').column(b).execute();
    await db.schema.createIndex('articles_published').on('articles').columns(['published', 'id']).execute();

    await idColumn(engine, db.schema.createTable('facts'))
      .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('ordinal', 'integer', (c) => c.notNull())
      .addColumn('term', 'text', (c) => c.notNull())
      .addColumn('figure', 'bigint')
      .addColumn('vague', 'text')
      .addColumn('range_lo', 'bigint')
      .addColumn('range_hi', 'bigint')
      .addColumn('qualifier', 'text', (c) => c.notNull())
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('people', 'bigint')
      .addColumn('household_size', 'double precision')
      .addColumn('cause', 'text')
      .addColumn('hazard', 'text')
      .addColumn('country', 'text')
      .addColumn('admin1', 'text')
      .addColumn('location', 'text')
      .addColumn('lat', 'double precision')
      .addColumn('lon', 'double precision')
      .addColumn('fact_date', 'text')
      .addColumn('date_start', 'text')
      .addColumn('date_end', 'text')
      .addColumn('date_text', 'text')
      .addColumn('date_year_stated', 'integer')
      .addColumn('date_span_start', 'integer')
      .addColumn('date_span_end', 'integer')
      .addColumn('stock_or_flow', 'text', (c) => c.notNull())
      .addColumn('span_start', 'integer', (c) => c.notNull())
      .addColumn('span_end', 'integer', (c) => c.notNull())
      .addColumn('quantity_start', 'integer', (c) => c.notNull())
      .addColumn('quantity_end', 'integer', (c) => c.notNull())
      .addColumn('term_start', 'integer', (c) => c.notNull())
      .addColumn('term_end', 'integer', (c) => c.notNull())
      .addColumn('evidence', 'text', (c) => c.notNull())
      .addColumn('confidence', 'double precision', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('implied', 'text', (c) => c.notNull())
      .addColumn('extractor_version', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('facts_article_ordinal', ['article_id', 'ordinal'])
      .execute();
    // Facet indexes: each leading filter, then the default sort (date desc, id desc).
    await db.schema.createIndex('facts_date').on('facts').columns(['fact_date', 'id']).execute();
    await db.schema
      .createIndex('facts_country_date')
      .on('facts')
      .columns(['country', 'fact_date', 'id'])
      .execute();
    await db.schema.createIndex('facts_term_date').on('facts').columns(['term', 'fact_date', 'id']).execute();
    await db.schema
      .createIndex('facts_cause_date')
      .on('facts')
      .columns(['cause', 'fact_date', 'id'])
      .execute();
    await db.schema.createIndex('facts_figure').on('facts').columns(['figure', 'id']).execute();
    await db.schema
      .createIndex('facts_admin1')
      .on('facts')
      .columns(['country', 'admin1', 'fact_date'])
      .execute();

    await idColumn(engine, db.schema.createTable('places'))
      .addColumn('fact_id', 'integer', (c) => c.notNull().references('facts.id').onDelete('cascade'))
      .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('ordinal', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('start', 'integer', (c) => c.notNull())
      .addColumn('end', 'integer', (c) => c.notNull())
      .addColumn('lat', 'double precision')
      .addColumn('lon', 'double precision')
      .addColumn('country', 'text')
      .addColumn('admin1', 'text')
      .addColumn('geoname_id', 'integer')
      .addColumn('kind', 'text')
      .execute();
    await db.schema.createIndex('places_fact').on('places').columns(['fact_id', 'ordinal']).execute();
    await db.schema.createIndex('places_article').on('places').column('article_id').execute();

    await idColumn(engine, db.schema.createTable('jobs'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull().unique())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(5))
      .addColumn('run_after', 'bigint', (c) => c.notNull())
      .addColumn('locked_by', 'text')
      .addColumn('locked_at', 'bigint')
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('finished_at', 'bigint')
      .execute();
    await db.schema.createIndex('jobs_ready').on('jobs').columns(['status', 'run_after', 'id']).execute();

    await idColumn(engine, db.schema.createTable('tokens'))
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('last_used_at', 'bigint')
      .addColumn('revoked_at', 'bigint')
      .execute();
  };
}

export async function down001(db: Kysely<unknown>): Promise<void> {
  for (const t of ['tokens', 'jobs', 'places', 'facts', 'articles', 'sources'])
    await db.schema.dropTable(t).ifExists().execute();
}
