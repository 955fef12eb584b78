// 012: clustering replays only what comes after the earliest change (src/store/queries/
// claimReplay.ts, eventReplay.ts), reading the stored claims instead of their facts. A claim
// keeps the hazard name its texts give and its number of facts, which were computed from the
// facts before; NULL in both means "not yet computed" (claims from before this migration), and
// the replay computes them from the claim's facts. The indexes serve the replay's lookups: the
// claims from a date on, an event's claims in clustering order, and an event's claims in one
// country and first-level area (is a new claim near the event?).
import type { Kysely } from 'kysely';

export async function up012(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('claims').addColumn('hazard_name', 'text').execute();
  await db.schema.alterTable('claims').addColumn('fact_count', 'integer').execute();
  // (event_id, first_date) is a prefix of the order index below.
  await db.schema.dropIndex('claims_event').execute();
  await db.schema.createIndex('claims_first_date').on('claims').columns(['first_date', 'id']).execute();
  await db.schema
    .createIndex('claims_event_order')
    .on('claims')
    .columns(['event_id', 'first_date', 'id'])
    .execute();
  await db.schema
    .createIndex('claims_event_place')
    .on('claims')
    .columns(['event_id', 'country', 'admin1'])
    .execute();
}

export async function down012(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('claims_event_place').execute();
  await db.schema.dropIndex('claims_event_order').execute();
  await db.schema.dropIndex('claims_first_date').execute();
  await db.schema.createIndex('claims_event').on('claims').columns(['event_id', 'first_date']).execute();
  await db.schema.alterTable('claims').dropColumn('fact_count').execute();
  await db.schema.alterTable('claims').dropColumn('hazard_name').execute();
}
