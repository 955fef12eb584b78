// The stored rows of claims and events, as clustering writes them, and a stored claim read
// back for clustering (without its facts: the replay reads the claim's own columns).
import { sql, type Kysely } from 'kysely';
import type { Claim } from '../../claims/types.js';
import { claimHazardName } from '../../events/cluster.js';
import type { DisplacementEvent } from '../../events/types.js';
import { EventTally } from '../../events/tally.js';
import type { ClaimRow } from '../claimsSchema.js';
import type { Database } from '../schema.js';
import { UNKNOWN_SPAN_DAYS } from '../migrations/015_events_list_indexes.js';
import { loadClaimFacts } from './claimFacts.js';
import { rowToClaim } from './claimViews.js';
import { insertRows } from './rowsInsert.js';

type Trx = Kysely<Database>;
export const CHUNK = 400;

/** What clustering knows of a claim besides its row: the hazard name its texts give and its
 * number of facts (computed from the facts when they are at hand). */
export interface ClaimExtras {
  hazardName: string | null;
  factCount: number;
}

export function claimRow(c: Claim, eventId: string | null, now: number, extras: ClaimExtras) {
  return {
    id: c.id,
    event_id: eventId,
    term_class: c.termClass,
    term: c.term,
    figure: c.figure,
    vague: c.vague,
    range_lo: c.range?.[0] ?? null,
    range_hi: c.range?.[1] ?? null,
    qualifier: c.qualifier,
    unit: c.unit,
    people: c.people,
    household_size: c.householdSize,
    stock_or_flow: c.stockOrFlow,
    cause: c.cause,
    hazard: c.hazard,
    country: c.country,
    admin1: c.admin1,
    location: c.location,
    lat: c.lat,
    lon: c.lon,
    first_date: c.firstDate,
    last_date: c.lastDate,
    first_reported: c.firstReported,
    last_reported: c.lastReported,
    independent_sources: c.independentSources,
    reports: c.reports,
    confidence: c.confidence,
    lead_fact_id: c.leadFactId,
    evidence: c.evidence,
    updated_at: now,
    hazard_name: extras.hazardName ?? '',
    fact_count: extras.factCount,
  };
}

/** The event's row; `extras` gives each claim's hazard name and number of facts (a claim read
 * back from the store has no facts). */
export function eventRow(e: DisplacementEvent, now: number, extras: (c: Claim) => ClaimExtras) {
  const tally = new EventTally();
  for (const c of e.claims) {
    const x = extras(c);
    tally.add(c, x.hazardName, x.factCount);
  }
  return tallyRow(e.id, tally, now);
}

/** The row of the event whose claims make the tally. */
export function tallyRow(id: string, t: EventTally, now: number) {
  const figures = t.figureChoices();
  const r = figures.recommended;
  return {
    id,
    name: t.name(),
    hazard_name: t.hazardName,
    cause: t.cause,
    hazard: t.hazard,
    countries: JSON.stringify([...t.countries.keys()].filter(Boolean)),
    places: JSON.stringify(t.placeList()),
    first_date: t.firstDate,
    last_date: t.lastDate,
    claim_count: t.claims,
    fact_count: t.facts,
    figure: r?.figure ?? null,
    figure_unit: r?.unit ?? null,
    figure_people: r?.people ?? null,
    figure_term_class: r?.termClass ?? null,
    figure_stock_or_flow: r?.stockOrFlow ?? null,
    figure_claim_id: r?.claimId ?? null,
    figure_reason: r?.reason ?? null,
    figures: JSON.stringify(figures.byKind),
    span_days: spanDays(t.firstDate, t.lastDate),
    updated_at: now,
  };
}

export type EventRowValues = ReturnType<typeof tallyRow>;

/** Points each event's claims at it: one statement per chunk of claims (joined to a list of
 * (claim, event) pairs, as the extracted articles' update in facts.ts), not one per event.
 * Each claim is in one event's list. */
export async function setClaimEvents(
  trx: Trx,
  claimsByEvent: ReadonlyMap<string, readonly string[]>,
): Promise<void> {
  const pairs: [string, string][] = [];
  for (const [id, claims] of claimsByEvent) for (const c of claims) pairs.push([c, id]);
  for (let i = 0; i < pairs.length; i += CHUNK) {
    // The first row's casts type the columns (PostgreSQL types the others after it).
    const rows = pairs
      .slice(i, i + CHUNK)
      .map(([c, e], k) =>
        k === 0 ? sql`select cast(${c} as text) as c, cast(${e} as text) as e` : sql`select ${c}, ${e}`,
      );
    await sql`update claims set event_id = v.e
      from (${sql.join(rows, sql` union all `)}) as v where claims.id = v.c`.execute(trx);
  }
}

/** The event's rows in event_countries ('' for claims without a country), with its list key. */
export function tallyCountryRows(
  id: string,
  t: EventTally,
): { event_id: string; country: string; last_key: string }[] {
  const last_key = t.lastDate ?? '';
  return [...t.countries.keys()].map((country) => ({ event_id: id, country, last_key }));
}

/** Days from the first to the last date (the list's `to` filter bounds its scan with the
 * longest); UNKNOWN_SPAN_DAYS when a date does not read as a day, as migration 015 fills it. */
export function spanDays(first: string | null, last: string | null): number | null {
  if (first === null || last === null) return null;
  const days = (Date.parse(last.slice(0, 10)) - Date.parse(first.slice(0, 10))) / 86_400_000;
  return Number.isFinite(days) ? Math.trunc(days) : UNKNOWN_SPAN_DAYS;
}

/** A stored claim as the replay reads it. */
export interface StoredClaim extends ClaimExtras {
  claim: Claim;
  eventId: string | null;
}

/** The stored claims with their hazard names and fact counts; computed from their facts for
 * claims stored before these columns existed. */
export async function readClaims(trx: Trx, rows: readonly ClaimRow[]): Promise<StoredClaim[]> {
  const missing = rows.filter((r) => r.hazard_name === null || r.fact_count === null).map((r) => r.id);
  const factsOf = new Map<string, Claim['facts']>();
  for (let i = 0; i < missing.length; i += CHUNK) {
    const links = await trx
      .selectFrom('claim_facts')
      .select(['fact_id', 'claim_id'])
      .where('claim_id', 'in', missing.slice(i, i + CHUNK))
      .execute();
    const claimOf = new Map(links.map((l) => [l.fact_id, l.claim_id]));
    const facts = await loadClaimFacts(trx, null, [...claimOf.keys()]);
    for (const f of facts) {
      const id = claimOf.get(f.factId)!;
      factsOf.set(id, [...(factsOf.get(id) ?? []), f]);
    }
  }
  return rows.map((r) => {
    const claim = rowToClaim(r);
    const facts = factsOf.get(r.id);
    return {
      claim,
      eventId: r.event_id,
      hazardName: facts ? claimHazardName({ ...claim, facts }) : r.hazard_name || null,
      factCount: facts ? facts.length : r.fact_count!,
    };
  });
}

/** Inserts rows in chunks that stay under the engines' limits on bound parameters. */
export async function insertChunks(
  trx: Trx,
  table: 'claims' | 'claim_facts' | 'events' | 'event_countries',
  rows: readonly object[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await insertRows(trx, table, chunk, {}, () =>
      trx
        .insertInto(table)
        .values(chunk as never)
        .execute(),
    );
  }
}

/** The event's rows in event_countries ('' for claims without a country), with its list key. */
export function eventCountryRows(
  e: DisplacementEvent,
): { event_id: string; country: string; last_key: string }[] {
  const last_key = e.lastDate ?? '';
  return [...new Set(e.claims.map((c) => c.country ?? ''))].map((country) => ({
    event_id: e.id,
    country,
    last_key,
  }));
}
