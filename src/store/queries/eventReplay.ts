// Event clustering again from the earliest changed claim on. Clustering takes claims in order
// (claimKey) and each joins the first event, in creation order, that it fits; so the events as
// they stood before the cut are what a full clustering has there too. Those that could still
// take a claim (their last date within the longest time window of the cut) are the starting
// drafts. An event none of whose claims comes after the cut stands for itself: its stored row
// gives its state, and its claims' places are asked of the store only when a rule needs them.
// An event with claims after the cut is read whole and cut back to its earlier claims. The
// claims from the cut on are then clustered again in order, and the events they touch written.
import { sql, type Kysely } from 'kysely';
import { shiftDate } from '../../claims/dates.js';
import type { Claim } from '../../claims/types.js';
import { distanceKm } from '../../events/distance.js';
import {
  addToEvent,
  claimKey,
  finishEvent,
  fitsBeforePlaces,
  LONGEST_WINDOW_DAYS,
  newDraft,
  placesFit,
  type Draft,
  type PlaceTest,
} from '../../events/cluster.js';
import type { Cause, Hazard } from '../../types.js';
import type { EventPlace } from '../../events/types.js';
import type { Database } from '../schema.js';
import {
  CHUNK,
  eventCountryRows,
  eventRow,
  insertChunks,
  readClaims,
  type StoredClaim,
} from './clusterRows.js';

type Trx = Kysely<Database>;

interface ReplayDraft extends Draft {
  /** The stored event it continues, when its earlier claims are left in the store. */
  storedId: string | null;
  firstKey: string;
  /** Whether the event is rewritten. */
  touched: boolean;
}

const KM_PER_DEGREE = 111.2;

/** Whether some stored claim of the event passes the place test (its claims in the store are
 * all before the cut). */
async function storedPlacesFit(trx: Trx, eventId: string, c: Claim, test: PlaceTest): Promise<boolean> {
  if ('near' in test) {
    const q = trx.selectFrom('claims').select('id').where('event_id', '=', eventId);
    const same = await (
      c.country === null ? q.where('country', 'is', null) : q.where('country', '=', c.country)
    )
      .where((eb) => eb.or([eb('admin1', 'is', null), eb('admin1', '=', c.admin1)]))
      .limit(1)
      .executeTakeFirst();
    if (same) return true;
  }
  if (c.lat === null || c.lon === null) return false;
  const km = 'near' in test ? test.near : test.storm;
  let q = trx
    .selectFrom('claims')
    .select(['country', 'admin1', 'lat', 'lon'])
    .where('event_id', '=', eventId)
    .where('lat', '>=', c.lat - km / KM_PER_DEGREE)
    .where('lat', '<=', c.lat + km / KM_PER_DEGREE);
  if ('near' in test)
    q = c.country === null ? q.where('country', 'is', null) : q.where('country', '=', c.country);
  const rows = await q.execute();
  return rows.some((m) => {
    const d = distanceKm(m, c);
    return d !== null && d <= km;
  });
}

async function fitsDraft(trx: Trx, d: ReplayDraft, c: Claim, name: string | null): Promise<boolean> {
  const r = fitsBeforePlaces(d, c, name);
  if (typeof r === 'boolean') return r;
  if (placesFit(d.claims, c, r)) return true;
  return d.storedId !== null && storedPlacesFit(trx, d.storedId, c, r);
}

async function claimsWhere(trx: Trx, column: 'event_id' | 'id', values: string[]): Promise<StoredClaim[]> {
  const out: StoredClaim[] = [];
  for (let i = 0; i < values.length; i += CHUNK)
    out.push(
      ...(await readClaims(
        trx,
        await trx
          .selectFrom('claims')
          .selectAll()
          .where(column, 'in', values.slice(i, i + CHUNK))
          .execute(),
      )),
    );
  return out;
}

const byKey = (a: StoredClaim, b: StoredClaim) => (claimKey(a.claim) < claimKey(b.claim) ? -1 : 1);

/** Replays event clustering from the claim key `cut` on; returns the number of events written. */
export async function replayEvents(trx: Trx, cut: string): Promise<number> {
  const cutDate = cut.slice(0, 10);
  const from = shiftDate(cutDate, -LONGEST_WINDOW_DAYS);
  const firstKey = sql<
    string | null
  >`(select c.first_date || ' ' || c.id from claims c where c.event_id = events.id order by c.first_date, c.id limit 1)`;
  const lastKey = sql<
    string | null
  >`(select c.first_date || ' ' || c.id from claims c where c.event_id = events.id order by c.first_date desc, c.id desc limit 1)`;
  const stored = await trx
    .selectFrom('events')
    .selectAll()
    .select([firstKey.as('first_key'), lastKey.as('last_key')])
    .where('last_date', '>=', from)
    .execute();
  const gone: string[] = [];
  const drafts: ReplayDraft[] = [];
  const whole: string[] = [];
  for (const e of stored) {
    if (e.first_key === null || e.first_key >= cut) gone.push(e.id);
    else if (e.last_key! >= cut) whole.push(e.id);
    else {
      const countries = await trx
        .selectFrom('event_countries')
        .select('country')
        .where('event_id', '=', e.id)
        .execute();
      drafts.push({
        storedId: e.id,
        firstKey: e.first_key,
        touched: false,
        claims: [],
        countries: new Set(countries.map((r) => r.country)),
        cause: e.cause as Cause | null,
        hazard: e.hazard as Hazard | null,
        hazardName: e.hazard_name,
        firstDate: e.first_date,
        lastDate: e.last_date,
        anyAdmin1: (JSON.parse(e.places) as EventPlace[]).some((p) => p.admin1 !== null),
      });
    }
  }
  // Events with claims on both sides of the cut: their earlier claims make the draft.
  const extras = new Map<string, StoredClaim>();
  const earlier = new Map<string, StoredClaim[]>();
  for (const s of (await claimsWhere(trx, 'event_id', whole)).sort(byKey)) {
    extras.set(s.claim.id, s);
    if (claimKey(s.claim) < cut) earlier.set(s.eventId!, [...(earlier.get(s.eventId!) ?? []), s]);
  }
  for (const id of whole) {
    const prior = earlier.get(id)!;
    const d: ReplayDraft = {
      ...newDraft(),
      storedId: null,
      firstKey: claimKey(prior[0]!.claim),
      touched: true,
    };
    for (const s of prior) addToEvent(d, s.claim, s.hazardName);
    drafts.push(d);
    gone.push(id);
  }
  drafts.sort((a, b) => (a.firstKey < b.firstKey ? -1 : 1));

  // The claims from the cut on, in order.
  const later = (
    await readClaims(
      trx,
      await trx.selectFrom('claims').selectAll().where('first_date', '>=', cutDate).execute(),
    )
  )
    .filter((s) => claimKey(s.claim) >= cut)
    .sort(byKey);
  for (const s of later) extras.set(s.claim.id, s);
  const eventOf = new Map<string, ReplayDraft>();
  for (const s of later) {
    let home: ReplayDraft | undefined;
    for (const d of drafts)
      if (await fitsDraft(trx, d, s.claim, s.hazardName)) {
        home = d;
        break;
      }
    if (!home) {
      home = { ...newDraft(), storedId: null, firstKey: claimKey(s.claim), touched: true };
      drafts.push(home);
    }
    home.touched = true;
    addToEvent(home, s.claim, s.hazardName);
    eventOf.set(s.claim.id, home);
  }

  // Write the touched events whole: a stored event's earlier claims are read back for it.
  const touched = drafts.filter((d) => d.touched);
  const continued = touched.filter((d) => d.storedId !== null).map((d) => d.storedId!);
  const prior = new Map<string, StoredClaim[]>();
  for (const s of (await claimsWhere(trx, 'event_id', continued)).sort(byKey)) {
    extras.set(s.claim.id, s);
    prior.set(s.eventId!, [...(prior.get(s.eventId!) ?? []), s]);
  }
  const now = Date.now();
  const factCount = (c: Claim) => extras.get(c.id)!.factCount;
  const events = touched.map((d) => {
    if (d.storedId === null) return finishEvent(d);
    const full = newDraft();
    for (const s of prior.get(d.storedId) ?? []) addToEvent(full, s.claim, s.hazardName);
    for (const c of d.claims) addToEvent(full, c, extras.get(c.id)!.hazardName);
    return finishEvent(full);
  });
  const rewritten = [...new Set([...gone, ...continued, ...events.map((e) => e.id)])];
  for (let i = 0; i < rewritten.length; i += CHUNK) {
    const part = rewritten.slice(i, i + CHUNK);
    await trx.deleteFrom('event_countries').where('event_id', 'in', part).execute();
    await trx.deleteFrom('events').where('id', 'in', part).execute();
  }
  await insertChunks(
    trx,
    'events',
    events.map((e) => eventRow(e, now, factCount)),
  );
  await insertChunks(trx, 'event_countries', events.flatMap(eventCountryRows));
  // Each later claim's event (a new draft's id is its first claim's).
  const idOf = new Map(touched.map((d, i) => [d, events[i]!.id]));
  const moves = new Map<string, string[]>();
  for (const s of later) {
    const id = idOf.get(eventOf.get(s.claim.id)!)!;
    if (s.eventId !== id) moves.set(id, [...(moves.get(id) ?? []), s.claim.id]);
  }
  for (const [id, claims] of moves)
    for (let i = 0; i < claims.length; i += CHUNK)
      await trx
        .updateTable('claims')
        .set({ event_id: id })
        .where('id', 'in', claims.slice(i, i + CHUNK))
        .execute();
  return events.length;
}
