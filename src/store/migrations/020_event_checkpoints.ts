// 020: checkpoints of long events (src/store/queries/eventCheckpoints.ts): an event's running
// tally after its claims up to the end of a month, so that clustering new claims into an event
// of thousands does not read all of them again. Filled here for the events of a store that
// already has them (their claims are read once, in order).
import type { Kysely } from 'kysely';
import { fillCheckpoints } from '../queries/eventCheckpoints.js';
import type { Database } from '../schema.js';

export async function up020(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('event_checkpoints')
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_checkpoints_pk', ['event_id', 'month'])
    .execute();
  await fillCheckpoints(db as unknown as Kysely<Database>);
}

export async function down020(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('event_checkpoints').execute();
}
