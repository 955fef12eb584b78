// What the alert rules read from the store, as the plain data of src/alerts/types.ts: daily
// flows from facts for the country rule; events and their claims for the event rules.
//
// Daily flows come from facts: per country, cause and day, the LARGEST figure among the
// displacement flow terms — never the sum. The same figure copied by forty outlets, or the
// same people reported as "evacuated" and "displaced", is counted once. (Two separate events
// in one country on one day are then under-counted; a rule that alerts on the conservative
// number is the safer mistake.) Copies of an article are never extracted, so they add nothing.
import type { Kysely } from 'kysely';
import { DISPLACEMENT_FLOW_TERMS } from '../../alerts/rules.js';
import type { AlertEvent, DailyFlow, EventReport, WatchedCause } from '../../alerts/types.js';
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

/** Events with their recommended figure and every claim's figure, for the event rules. */
export async function alertEvents(db: Kysely<Database>): Promise<AlertEvent[]> {
  const events = await db
    .selectFrom('events')
    .select([
      'id',
      'name',
      'countries',
      'cause',
      'hazard',
      'first_date',
      'last_date',
      'figure_people',
      'figure_reason',
    ])
    .execute();
  const claims = await db
    .selectFrom('claims')
    .select(['id', 'event_id', 'first_date', 'people', 'term_class', 'stock_or_flow'])
    .where('event_id', 'is not', null)
    .execute();
  const reports = new Map<string, EventReport[]>();
  for (const c of claims)
    reports.set(c.event_id!, [
      ...(reports.get(c.event_id!) ?? []),
      {
        claimId: c.id,
        date: c.first_date,
        people: c.people === null ? null : Number(c.people),
        kind: `${c.term_class}:${c.stock_or_flow}`,
      },
    ]);
  return events.map((e) => ({
    id: e.id,
    name: e.name,
    countries: JSON.parse(e.countries) as string[],
    cause: e.cause,
    hazard: e.hazard,
    firstDate: e.first_date,
    lastDate: e.last_date,
    figure: e.figure_people === null ? null : { people: Number(e.figure_people), reason: e.figure_reason },
    reports: reports.get(e.id) ?? [],
  }));
}
