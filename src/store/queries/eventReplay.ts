// Event clustering again from the earliest changed claim on. Clustering takes claims in order
// (claimKey) and each joins the first event, in creation order, that it fits; so the events as
// they stood before the cut are what a full clustering has there too. Those that could still
// take a claim (their last date within the longest time window of the cut) are the starting
// drafts: an event none of whose claims comes after the cut stands for itself (its stored row
// gives its state), an event with claims after the cut is cut back to its earlier claims. The
// places of their claims are read once, so every place test is done in memory.
//
// The claims from the cut on are then clustered again in order, and beside them the former
// clustering is followed (each former claim into its stored event). Once past the last changed
// claim, the claims ahead are the same in both; when, in addition, every event still open is
// the same in both (same first claim, dates, countries, cause, hazard, name and places), each
// claim ahead joins the same event as before, so the replay stops there: the claims ahead keep
// their events. Events whose row comes out as stored are not written again.
import { sql, type Kysely } from 'kysely';
import { dayNumber, shiftDate } from '../../claims/dates.js';
import { pushTo } from '../../claims/groupBy.js';
import { stableId } from '../../claims/stableId.js';
import type { Claim } from '../../claims/types.js';
import {
  addToEvent,
  claimKey,
  endedBy,
  finishEvent,
  fitsEvent,
  LONGEST_WINDOW_DAYS,
  newDraft,
  OpenEvents,
  type EventState,
} from '../../events/cluster.js';
import type { Cause, Hazard } from '../../types.js';
import type { Database } from '../schema.js';
import type { ClaimReplay } from './claimReplay.js';
import {
  CHUNK,
  eventCountryRows,
  eventRow,
  insertChunks,
  readClaims,
  type StoredClaim,
} from './clusterRows.js';

type Trx = Kysely<Database>;
type Placed = Pick<Claim, 'country' | 'admin1' | 'lat' | 'lon'>;

/** An event as the replay builds it: its state, the places of all its claims, and the claims
 * the replay gave it. */
interface ReplayDraft extends EventState {
  id: string;
  places: Placed[];
  placeKeys: Set<string>;
  /** Claims from the cut on, in order (the earlier ones stay in the store). */
  added: StoredClaim[];
}

/** Claims are read in spans of this many days, until the replay stops. */
const SPAN_DAYS = 30;

const placeKey = (p: Placed) => `${p.country}|${p.admin1}|${p.lat}|${p.lon}`;

function addPlace(d: ReplayDraft, p: Placed): void {
  const key = placeKey(p);
  if (d.placeKeys.has(key)) return;
  d.placeKeys.add(key);
  d.places.push({ country: p.country, admin1: p.admin1, lat: p.lat, lon: p.lon });
}

function join(d: ReplayDraft, s: StoredClaim): void {
  addToEvent(d, s.claim, s.hazardName);
  addPlace(d, s.claim);
  d.added.push(s);
}

function emptyDraft(id: string): ReplayDraft {
  const { claims: _c, ...state } = newDraft();
  return { ...state, id, places: [], placeKeys: new Set(), added: [] };
}

function copyDraft(d: ReplayDraft): ReplayDraft {
  return {
    ...d,
    countries: new Set(d.countries),
    places: [...d.places],
    placeKeys: new Set(d.placeKeys),
    added: [],
  };
}

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>) =>
  a.size === b.size && [...a].every((x) => b.has(x));

/** Whether two events decide every later claim alike. */
function sameState(a: ReplayDraft, b: ReplayDraft): boolean {
  return (
    a.cause === b.cause &&
    a.hazard === b.hazard &&
    a.hazardName === b.hazardName &&
    a.firstDate === b.firstDate &&
    a.lastDate === b.lastDate &&
    a.anyAdmin1 === b.anyAdmin1 &&
    sameSet(a.countries, b.countries) &&
    sameSet(a.placeKeys, b.placeKeys)
  );
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

const keyOf = (s: StoredClaim) => claimKey(s.claim);
const byKey = (a: StoredClaim, b: StoredClaim) => (keyOf(a) < keyOf(b) ? -1 : 1);

/** The stored claims from the claim key `cut` on, in order, a span of dates at a time. */
async function* claimsFrom(trx: Trx, cut: string): AsyncGenerator<StoredClaim[]> {
  const last = await trx
    .selectFrom('claims')
    .select((eb) => eb.fn.max('first_date').as('d'))
    .executeTakeFirst();
  if (!last?.d) return;
  for (let from = cut.slice(0, 10); from <= last.d; from = shiftDate(from, SPAN_DAYS)) {
    const rows = await trx
      .selectFrom('claims')
      .selectAll()
      .where('first_date', '>=', from)
      .where('first_date', '<', shiftDate(from, SPAN_DAYS))
      .execute();
    yield (await readClaims(trx, rows)).filter((s) => keyOf(s) >= cut).sort(byKey);
  }
}

/** What an event row says, apart from when it was written. */
function rowContent(r: Record<string, unknown>, keys: readonly string[]): string {
  return JSON.stringify(keys.map((k) => (r[k] === null || r[k] === undefined ? null : String(r[k]))));
}

export interface EventReplay {
  /** Events written or removed. */
  events: number;
  /** Claims clustered again. */
  claims: number;
  /** Whether the replay stopped before the last claim, where it met the former events again. */
  stopped: boolean;
}

/** Replays event clustering from the earliest changed claim on. */
export async function replayEvents(trx: Trx, changes: ClaimReplay): Promise<EventReplay> {
  const keys = [...changes.changedKeys].sort();
  const cut = keys[0]!;
  const lastChange = keys[keys.length - 1]!;
  const changed = new Set(changes.changedIds);
  const former = (await readClaims(trx, changes.formerRows)).sort(byKey);
  // Events that had claims from the cut on, before these changes.
  const formerEvents = new Set<string>();
  for (const s of former) if (s.eventId !== null) formerEvents.add(s.eventId);

  const from = shiftDate(cut.slice(0, 10), -LONGEST_WINDOW_DAYS);
  const firstKey = sql<
    string | null
  >`(select c.first_date || ' ' || c.id from claims c where c.event_id = events.id order by c.first_date, c.id limit 1)`;
  const lastKey = sql<
    string | null
  >`(select c.first_date || ' ' || c.id from claims c where c.event_id = events.id order by c.first_date desc, c.id desc limit 1)`;
  const stored = await trx
    .selectFrom('events')
    .select(['id', 'cause', 'hazard', 'hazard_name', 'first_date', 'last_date'])
    .select([firstKey.as('first_key'), lastKey.as('last_key')])
    .where('last_date', '>=', from)
    .execute();
  const storedIds = new Set(stored.map((e) => e.id));
  const standing: (typeof stored)[number][] = [];
  const whole: string[] = [];
  const cutDay = dayNumber(cut.slice(0, 10));
  for (const e of stored) {
    if (e.first_key === null || e.first_key >= cut) continue; // begun from the cut on
    if (e.last_key! >= cut || formerEvents.has(e.id)) whole.push(e.id);
    else if (
      !endedBy(
        {
          cause: e.cause as Cause | null,
          hazardName: e.hazard_name,
          firstDate: e.first_date,
          lastDate: e.last_date,
        },
        cutDay,
      )
    )
      standing.push(e);
  }

  // The starting drafts, in order of their first claims.
  const starting: { firstKey: string; draft: ReplayDraft }[] = [];
  const countriesOf = new Map<string, string[]>();
  const placesOf = new Map<string, Placed[]>();
  const standingIds = standing.map((e) => e.id);
  for (let i = 0; i < standingIds.length; i += CHUNK) {
    const part = standingIds.slice(i, i + CHUNK);
    for (const r of await trx
      .selectFrom('event_countries')
      .select(['event_id', 'country'])
      .where('event_id', 'in', part)
      .execute())
      pushTo(countriesOf, r.event_id, r.country);
    for (const r of await trx
      .selectFrom('claims')
      .select(['event_id', 'country', 'admin1', 'lat', 'lon'])
      .distinct()
      .where('event_id', 'in', part)
      .execute())
      pushTo(placesOf, r.event_id!, r);
  }
  for (const e of standing) {
    const d: ReplayDraft = {
      ...emptyDraft(e.id),
      countries: new Set(countriesOf.get(e.id) ?? []),
      cause: e.cause as Cause | null,
      hazard: e.hazard as Hazard | null,
      hazardName: e.hazard_name,
      firstDate: e.first_date,
      lastDate: e.last_date,
      anyAdmin1: (placesOf.get(e.id) ?? []).some((p) => p.admin1 !== null),
    };
    for (const p of placesOf.get(e.id) ?? []) addPlace(d, p);
    starting.push({ firstKey: e.first_key!, draft: d });
  }
  // Events with claims on both sides of the cut: their earlier claims make the draft.
  const earlier = new Map<string, StoredClaim[]>();
  for (const s of (await claimsWhere(trx, 'event_id', whole)).sort(byKey))
    if (keyOf(s) < cut) pushTo(earlier, s.eventId!, s);
  for (const id of whole) {
    const prior = earlier.get(id)!;
    const d = emptyDraft(id);
    for (const s of prior) {
      addToEvent(d, s.claim, s.hazardName);
      addPlace(d, s.claim);
    }
    starting.push({ firstKey: keyOf(prior[0]!), draft: d });
  }
  starting.sort((a, b) => (a.firstKey < b.firstKey ? -1 : 1));

  // Both clusterings start from these drafts.
  const open = new OpenEvents<ReplayDraft>(true);
  const now = new Map<string, ReplayDraft>();
  const before = new Map<string, ReplayDraft>();
  for (const { draft } of starting) {
    open.push(draft);
    now.set(draft.id, draft);
    before.set(draft.id, copyDraft(draft));
  }
  /** Events that took a claim in either clustering, and those of them that may differ. */
  const touched = new Set<string>();
  const unsettled = new Set<string>();
  // The former clustering is followed only when each former claim's event is known.
  let follow = true;
  const followFormer = (s: StoredClaim) => {
    const id = s.eventId;
    if (id === null) return void (follow = false);
    let d = before.get(id);
    if (!d) {
      // A former event begun from the cut on: this is its first claim.
      if (id !== stableId('e', s.claim.id)) follow = false;
      d = emptyDraft(id);
      before.set(id, d);
    }
    join(d, s);
    touched.add(id);
    unsettled.add(id);
  };
  let f = 0;
  const formerUpTo = (key: string) => {
    for (; f < former.length && keyOf(former[f]!) < key; f++) followFormer(former[f]!);
  };
  /** Whether every event still open at `key` is the same in both clusterings. */
  const settled = (key: string): boolean => {
    const day = dayNumber(key.slice(0, 10));
    for (const id of unsettled) {
      const a = now.get(id);
      const b = before.get(id);
      const aOpen = a !== undefined && !endedBy(a, day);
      const bOpen = b !== undefined && !endedBy(b, day);
      if (aOpen || bOpen) {
        if (!aOpen || !bOpen || !sameState(a, b)) return false;
      }
      unsettled.delete(id);
    }
    return true;
  };

  const replayed: StoredClaim[] = [];
  const eventOf = new Map<string, string>();
  let stop: string | null = null;
  replay: for await (const page of claimsFrom(trx, cut))
    for (const s of page) {
      const key = keyOf(s);
      formerUpTo(key);
      if (follow && key > lastChange && settled(key)) {
        stop = key;
        break replay;
      }
      let home = open.find(s.claim, s.hazardName, (d) => fitsEvent(d, d.places, s.claim, s.hazardName));
      if (!home) {
        home = emptyDraft(stableId('e', s.claim.id));
        open.push(home);
        now.set(home.id, home);
      }
      open.add(home, s.claim, s.hazardName);
      addPlace(home, s.claim);
      home.added.push(s);
      touched.add(home.id);
      unsettled.add(home.id);
      replayed.push(s);
      eventOf.set(s.claim.id, home.id);
      if (!changed.has(s.claim.id)) followFormer(s);
    }
  formerUpTo('\uffff');

  // Each event either clustering touched, whole: its claims before the cut and (when the replay
  // stopped) from the stop on are those stored with it; the replay gave it those between.
  const ids = [...touched];
  const kept = new Map<string, StoredClaim[]>();
  for (const s of await claimsWhere(
    trx,
    'event_id',
    ids.filter((id) => now.has(id)),
  )) {
    const key = keyOf(s);
    if (key < cut || (stop !== null && key >= stop)) pushTo(kept, s.eventId!, s);
  }
  const storedRow = new Map<string, Record<string, unknown>>();
  const storedCountries = new Map<string, Set<string>>();
  const wasStored = ids.filter((id) => storedIds.has(id));
  for (let i = 0; i < wasStored.length; i += CHUNK) {
    const part = wasStored.slice(i, i + CHUNK);
    for (const r of await trx.selectFrom('events').selectAll().where('id', 'in', part).execute())
      storedRow.set(r.id, r);
    for (const r of await trx
      .selectFrom('event_countries')
      .select(['event_id', 'country'])
      .where('event_id', 'in', part)
      .execute())
      storedCountries.set(r.event_id, (storedCountries.get(r.event_id) ?? new Set()).add(r.country));
  }
  const stamp = Date.now();
  const written: string[] = [];
  const rows: ReturnType<typeof eventRow>[] = [];
  const countryRows: ReturnType<typeof eventCountryRows> = [];
  for (const id of ids) {
    const d = now.get(id);
    const old = storedRow.get(id);
    if (!d) {
      if (old) written.push(id);
      continue;
    }
    const claims = [...(kept.get(id) ?? []), ...d.added].sort(byKey);
    const full = newDraft();
    for (const s of claims) addToEvent(full, s.claim, s.hazardName);
    const event = finishEvent(full);
    const factCounts = new Map(claims.map((s) => [s.claim.id, s.factCount]));
    const row = eventRow(event, stamp, (c) => factCounts.get(c.id)!);
    const countries = eventCountryRows(event);
    if (old) {
      const columns = Object.keys(row).filter((k) => k !== 'updated_at');
      if (
        rowContent(row, columns) === rowContent(old, columns) &&
        sameSet(new Set(countries.map((r) => r.country)), storedCountries.get(id) ?? new Set())
      )
        continue;
    }
    written.push(id);
    rows.push(row);
    countryRows.push(...countries);
  }
  for (let i = 0; i < written.length; i += CHUNK) {
    const part = written.slice(i, i + CHUNK);
    await trx.deleteFrom('event_countries').where('event_id', 'in', part).execute();
    await trx.deleteFrom('events').where('id', 'in', part).execute();
  }
  await insertChunks(trx, 'events', rows);
  await insertChunks(trx, 'event_countries', countryRows);

  // Each replayed claim's event, where it moved.
  const moves = new Map<string, string[]>();
  for (const s of replayed) {
    const id = eventOf.get(s.claim.id)!;
    if (s.eventId !== id) moves.set(id, [...(moves.get(id) ?? []), s.claim.id]);
  }
  for (const [id, claims] of moves)
    for (let i = 0; i < claims.length; i += CHUNK)
      await trx
        .updateTable('claims')
        .set({ event_id: id })
        .where('id', 'in', claims.slice(i, i + CHUNK))
        .execute();
  return { events: written.length, claims: replayed.length, stopped: stop !== null };
}
