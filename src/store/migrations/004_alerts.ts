// 004: alerts (raised by src/alerts rules, triaged by analysts), the webhooks they are posted
// to, and the log of every delivery attempt.
import type { Kysely } from 'kysely';
import type { Engine } from '../engine.js';
import { idColumn } from './columns.js';

export function up004(engine: Engine) {
  return async (db: Kysely<unknown>): Promise<void> => {
    await idColumn(engine, db.schema.createTable('alerts'))
      // The rule's stable name for the alert: raising it again inserts nothing.
      .addColumn('key', 'text', (c) => c.notNull().unique())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('alert_date', 'text', (c) => c.notNull())
      .addColumn('country', 'text')
      .addColumn('cause', 'text')
      .addColumn('level', 'text')
      .addColumn('event_id', 'text')
      .addColumn('value', 'bigint', (c) => c.notNull())
      .addColumn('previous', 'bigint')
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('details', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('new'))
      .addColumn('triaged_by', 'text')
      .addColumn('triaged_at', 'bigint')
      .addColumn('note', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('alerts_status').on('alerts').columns(['status', 'id']).execute();
    await db.schema.createIndex('alerts_country').on('alerts').columns(['country', 'id']).execute();
    await db.schema.createIndex('alerts_kind').on('alerts').columns(['kind', 'id']).execute();

    await idColumn(engine, db.schema.createTable('webhooks'))
      .addColumn('url', 'text', (c) => c.notNull().unique())
      // Kept in clear: signing needs it. It is shown once, when the webhook is added.
      .addColumn('secret', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();

    // No foreign keys: the log outlives a removed webhook.
    await idColumn(engine, db.schema.createTable('webhook_deliveries'))
      .addColumn('webhook_id', 'integer', (c) => c.notNull())
      .addColumn('alert_id', 'integer', (c) => c.notNull())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('attempt', 'integer', (c) => c.notNull())
      // delivered | retrying | failed (the last attempt, given up)
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('http_status', 'integer')
      .addColumn('error', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('webhook_deliveries_pair')
      .on('webhook_deliveries')
      .columns(['webhook_id', 'alert_id'])
      .execute();
  };
}

export async function down004(db: Kysely<unknown>): Promise<void> {
  for (const t of ['webhook_deliveries', 'webhooks', 'alerts'])
    await db.schema.dropTable(t).ifExists().execute();
}
