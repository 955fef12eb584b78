// What the alert rules read from the store, as the plain data of src/alerts/types.ts.
//
// Daily flows come from facts: per country, cause and day, the LARGEST figure among the
// displacement flow terms — never the sum. The same figure copied by forty outlets, or the
// same people reported as "evacuated" and "displaced", is counted once. (Two separate events
// in one country on one day are then under-counted; a rule that alerts on the conservative
// number is the safer mistake.) Copies of an article are never extracted, so they add nothing.
import type { Kysely } from 'kysely';
import { DISPLACEMENT_FLOW_TERMS } from '../../alerts/rules.js';
import type { DailyFlow, WatchedCause } from '../../alerts/types.js';
import type { Database } from '../schema.js';

export async function dailyFlows(db: Kysely<Database>): Promise<DailyFlow[]> {
  const rows = await db
    .selectFrom('facts')
    .select(['country', 'cause', 'fact_date', (eb) => eb.fn.max('people').as('people')])
    .where('stock_or_flow', '=', 'flow')
    .where('term', 'in', [...DISPLACEMENT_FLOW_TERMS])
    .where('cause', 'in', ['conflict', 'disaster'])
    .where('country', 'is not', null)
    .where('people', 'is not', null)
    .where('fact_date', 'is not', null)
    .where('fact_date', '!=', '')
    .groupBy(['country', 'cause', 'fact_date'])
    .execute();
  return rows
    .filter((r) => /^\d{4}-\d{2}-\d{2}$/.test(r.fact_date ?? ''))
    .map((r) => ({
      country: r.country!,
      cause: r.cause as WatchedCause,
      date: r.fact_date!,
      people: Number(r.people),
    }));
}
