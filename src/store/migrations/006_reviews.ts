// 006: review. The current review of each fact, claim or event (one per target key), the
// anchors that find a reviewed figure again after re-extraction, the audit log of every
// change, token scopes, and on each fact the review applied to it with the values it replaced.
import type { Kysely } from 'kysely';
import type { Engine } from '../engine.js';
import { idColumn } from './columns.js';

export function up006(engine: Engine) {
  return async (db: Kysely<unknown>): Promise<void> => {
    await idColumn(engine, db.schema.createTable('reviews'))
      // fact:<article>:<quantity start>:<term> | claim:<id> | merge:<event>:<event> | split:<event>:<claims>
      .addColumn('key', 'text', (c) => c.notNull().unique())
      .addColumn('target_kind', 'text', (c) => c.notNull())
      .addColumn('target_id', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      /** JSON: the corrections, or for merge/split the claims they name. */
      .addColumn('changes', 'text')
      .addColumn('note', 'text')
      .addColumn('reviewer', 'text', (c) => c.notNull())
      /** JSON: the target as it was when first reviewed (rule, confidence, figure…). */
      .addColumn('snapshot', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('reviews_updated').on('reviews').columns(['updated_at', 'id']).execute();
    await db.schema
      .createIndex('reviews_target')
      .on('reviews')
      .columns(['target_kind', 'target_id'])
      .execute();

    await db.schema
      .createTable('review_anchors')
      .addColumn('review_id', 'integer', (c) => c.notNull())
      .addColumn('article_id', 'integer', (c) => c.notNull())
      .addColumn('quantity_start', 'integer', (c) => c.notNull())
      .addColumn('quantity_end', 'integer', (c) => c.notNull())
      .addColumn('quantity', 'text', (c) => c.notNull())
      .addColumn('term', 'text', (c) => c.notNull())
      .addColumn('figure', 'bigint')
      .addColumn('vague', 'text')
      .addColumn('quote_key', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('review_anchors_review').on('review_anchors').column('review_id').execute();
    await db.schema.createIndex('review_anchors_article').on('review_anchors').column('article_id').execute();
    await db.schema.createIndex('review_anchors_quote').on('review_anchors').column('quote_key').execute();

    // Append-only: who (the token's name), when, what, and the target before and after.
    await idColumn(engine, db.schema.createTable('audit_log'))
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target_kind', 'text', (c) => c.notNull())
      .addColumn('target_id', 'text', (c) => c.notNull())
      .addColumn('review_id', 'integer')
      .addColumn('before', 'text')
      .addColumn('after', 'text')
      .execute();
    await db.schema
      .createIndex('audit_log_target')
      .on('audit_log')
      .columns(['target_kind', 'target_id'])
      .execute();

    // Tokens made before scopes could do every write: they keep that as 'admin'.
    await db.schema
      .alterTable('tokens')
      .addColumn('scope', 'text', (c) => c.notNull().defaultTo('admin'))
      .execute();

    await db.schema.alterTable('facts').addColumn('review_id', 'integer').execute();
    await db.schema.alterTable('facts').addColumn('review_status', 'text').execute();
    /** JSON: the extracted values a correction replaced. */
    await db.schema.alterTable('facts').addColumn('review_original', 'text').execute();
    await db.schema.createIndex('facts_review').on('facts').column('review_id').execute();
  };
}

export async function down006(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('facts_review').ifExists().execute();
  for (const c of ['review_original', 'review_status', 'review_id'])
    await db.schema.alterTable('facts').dropColumn(c).execute();
  await db.schema.alterTable('tokens').dropColumn('scope').execute();
  for (const t of ['audit_log', 'review_anchors', 'reviews'])
    await db.schema.dropTable(t).ifExists().execute();
}
