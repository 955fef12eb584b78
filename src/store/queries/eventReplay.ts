// Event clustering again from the earliest changed claim on. Clustering takes claims in order
// (claimKey) and each joins the first event, in creation order, that it fits; so the events as
// they stood before the cut are what a full clustering has there too. Those that could still
// take a claim (their last date within the longest time window of the cut) are the starting
// drafts: the tally of each one's claims before the cut (its last checkpoint, continued with the
// few claims after it: eventCheckpoints.ts), which gives its state and its first-level areas.
// Most place tests are decided by the areas; the places of an event's earlier claims are read
// only when a test needs their distances, once, and the test is then done in memory.
//
// The claims from the cut on are then clustered again in order, and beside them the former
// clustering is followed (each former claim into its stored event). Once past the last changed
// claim, the claims ahead are the same in both; when, in addition, every event still open is
// the same in both (same first claim, dates, countries, cause, hazard, name and places), each
// claim ahead joins the same event as before, so the replay stops there: the claims ahead keep
// their events. Each event touched is then finished from its tally: its row and checkpoints come
// from the tally before the cut and the claims from the cut on, never from all its claims.
// Events whose row comes out as stored are not written again.
import { sql, type Kysely } from 'kysely';
import { dayNumber, shiftDate } from '../../claims/dates.js';
import { pushTo } from '../../claims/groupBy.js';
import { stableId } from '../../claims/stableId.js';
import type { Claim } from '../../claims/types.js';
import {
  addToEvent,
  claimKey,
  endedBy,
  fitsBeforePlaces,
  LONGEST_WINDOW_DAYS,
  newDraft,
  OpenEvents,
  placesFit,
  type EventState,
  type PlaceTest,
} from '../../events/cluster.js';
import { EventTally } from '../../events/tally.js';
import type { Cause } from '../../types.js';
import type { Database } from '../schema.js';
import type { ClaimReplay, ClaimRowValues } from './claimReplay.js';
import type { ClaimRow } from '../claimsSchema.js';
import {
  CHUNK,
  insertChunks,
  readClaims,
  setClaimEvents,
  tallyCountryRows,
  tallyRow,
  type EventRowValues,
  type StoredClaim,
} from './clusterRows.js';
import {
  foldClaims,
  monthOf,
  talliesBefore,
  writeCheckpoints,
  type Before,
  type CheckpointRow,
} from './eventCheckpoints.js';

type Trx = Kysely<Database>;
type Placed = Pick<Claim, 'country' | 'admin1' | 'lat' | 'lon'>;

/** An event as the replay builds it: its state, the tally of its claims before the cut (for
 * the place tests and its row), and the claims the replay gave it. */
interface ReplayDraft extends EventState {
  id: string;
  /** Its claims before the cut; null for an event begun from the cut on. */
  prior: EventTally | null;
  /** The places of its claims before the cut, once a distance test needed them. */
  priorPlaces: Placed[] | null;
  /** The places of the claims the replay gave it, and their keys. */
  places: Placed[];
  placeKeys: Set<string>;
  /** (country, first-level area) of the claims the replay gave it. */
  areas: Set<string>;
  /** Claims from the cut on, in order (the earlier ones stay in the store). */
  added: StoredClaim[];
}

/** Claims are read in spans of this many days, until the replay stops. */
const SPAN_DAYS = 30;

const placeKey = (p: Placed) => `${p.country}|${p.admin1}|${p.lat}|${p.lon}`;
const areaKey = (country: string | null, admin1: string | null) => JSON.stringify([country, admin1]);

function uniquePlaces(ps: readonly Placed[]): Placed[] {
  const seen = new Map<string, Placed>();
  for (const p of ps)
    if (!seen.has(placeKey(p)))
      seen.set(placeKey(p), { country: p.country, admin1: p.admin1, lat: p.lat, lon: p.lon });
  return [...seen.values()];
}

function addPlace(d: ReplayDraft, p: Placed): void {
  d.areas.add(areaKey(p.country, p.admin1));
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

function emptyDraft(id: string, before: Before | null = null): ReplayDraft {
  const { claims: _c, ...state } = newDraft();
  const prior = before?.tally ?? null;
  return {
    ...(prior ? prior.state() : state),
    id,
    prior,
    priorPlaces: before?.claims ? uniquePlaces(before.claims.map((s) => s.claim)) : prior ? null : [],
    places: [],
    placeKeys: new Set(),
    areas: new Set(),
    added: [],
  };
}

function copyDraft(d: ReplayDraft): ReplayDraft {
  return {
    ...d,
    countries: new Set(d.countries),
    places: [...d.places],
    placeKeys: new Set(d.placeKeys),
    areas: new Set(d.areas),
    added: [],
  };
}

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>) =>
  a.size === b.size && [...a].every((x) => b.has(x));

/** Whether two events decide every later claim alike (both began from the same draft, so the
 * places the replay gave them decide it; the same places may have come from the draft). */
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

/** The places of these events' claims before the claim key `cut`. */
async function placesBefore(trx: Trx, ids: string[], cut: string): Promise<Map<string, Placed[]>> {
  const out = new Map<string, Placed[]>(ids.map((id) => [id, []]));
  const seen = new Set<string>();
  for (const r of await trx
    .selectFrom('claims')
    .select(['event_id', 'first_date', 'id', 'country', 'admin1', 'lat', 'lon'])
    .where('event_id', 'in', ids)
    .where('first_date', '<=', cut.slice(0, 10))
    .execute()) {
    const key = `${r.event_id} ${placeKey(r)}`;
    if (claimKey({ firstDate: r.first_date, id: r.id }) >= cut || seen.has(key)) continue;
    seen.add(key);
    out.get(r.event_id!)!.push({ country: r.country, admin1: r.admin1, lat: r.lat, lon: r.lon });
  }
  return out;
}

const keyOf = (s: StoredClaim) => claimKey(s.claim);
/** The claims in clustering order: each key written once, not once per comparison. */
function sortByKey(claims: StoredClaim[]): StoredClaim[] {
  const keyed = claims.map((s) => ({ key: keyOf(s), s }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : 1));
  return keyed.map((k) => k.s);
}

/** The stored claims from the claim key `cut` on, in order, a span of dates at a time, with
 * the `pending` ones (claims not written yet) among them as if they were stored. */
export async function* claimsFrom(
  trx: Trx,
  cut: string,
  pending: readonly StoredClaim[] = [],
): AsyncGenerator<StoredClaim[]> {
  const last = await trx
    .selectFrom('claims')
    .select((eb) => eb.fn.max('first_date').as('d'))
    .executeTakeFirst();
  // The pending claims by first date (an undated one is in no span, as a stored one).
  const dated = pending
    .filter((s) => s.claim.firstDate !== null)
    .sort((a, b) =>
      a.claim.firstDate! < b.claim.firstDate! ? -1 : a.claim.firstDate! > b.claim.firstDate! ? 1 : 0,
    );
  let lastDate = last?.d ?? null;
  const lastPending = dated[dated.length - 1]?.claim.firstDate;
  if (lastPending !== undefined && (lastDate === null || lastPending! > lastDate)) lastDate = lastPending;
  if (!lastDate) return;
  let at = 0;
  for (let from = cut.slice(0, 10); from <= lastDate; from = shiftDate(from, SPAN_DAYS)) {
    const to = shiftDate(from, SPAN_DAYS);
    const rows = await trx
      .selectFrom('claims')
      .selectAll()
      .where('first_date', '>=', from)
      .where('first_date', '<', to)
      .execute();
    const page = await readClaims(trx, rows);
    while (at < dated.length && dated[at]!.claim.firstDate! < from) at++;
    while (at < dated.length && dated[at]!.claim.firstDate! < to) page.push(dated[at++]!);
    yield sortByKey(page.filter((s) => keyOf(s) >= cut));
  }
}

/** A claim's row as the store returns it (null, not undefined, for a column without a value). */
function asStored(r: ClaimRowValues): ClaimRow {
  const row = r as unknown as Record<string, unknown>;
  for (const k in row)
    if (row[k] === undefined) {
      const out: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(row)) out[key] = v ?? null;
      return out as unknown as ClaimRow;
    }
  return r as unknown as ClaimRow;
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
  const former = sortByKey(await readClaims(trx, changes.formerRows));
  // The claims not written yet (claimReplay.ts), read as the store would give them back.
  const pendingIds = new Set(changes.pending.map((r) => r.id));
  const pending = await readClaims(trx, changes.pending.map(asStored));
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
  // Events begun before the cut that could take a claim from it on: those with claims on both
  // sides of the cut, and those still open at the cut.
  const starting: { firstKey: string; id: string }[] = [];
  const cutDay = dayNumber(cut.slice(0, 10));
  for (const e of stored) {
    if (e.first_key === null || e.first_key >= cut) continue; // begun from the cut on
    if (
      e.last_key! >= cut ||
      formerEvents.has(e.id) ||
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
      starting.push({ firstKey: e.first_key, id: e.id });
  }
  starting.sort((a, b) => (a.firstKey < b.firstKey ? -1 : 1));
  const prior = await talliesBefore(
    trx,
    starting.map((e) => e.id),
    cut,
  );

  // Both clusterings start from these drafts.
  const open = new OpenEvents<ReplayDraft>(true);
  const now = new Map<string, ReplayDraft>();
  const before = new Map<string, ReplayDraft>();
  for (const { id } of starting) {
    const draft = emptyDraft(id, prior.get(id)!);
    open.push(draft);
    now.set(id, draft);
    before.set(id, copyDraft(draft));
  }

  /** The place test: the first-level areas decide most; else the distances to the places of
   * the claims the replay gave the event, then to those of its earlier claims (read once). */
  const placesFitDraft = async (d: ReplayDraft, c: Claim, test: PlaceTest): Promise<boolean> => {
    const sameArea = (admin1: string | null) =>
      d.areas.has(areaKey(c.country, admin1)) || d.prior?.hasArea(c.country, admin1);
    if ('near' in test && (sameArea(null) || sameArea(c.admin1))) return true;
    if (placesFit(d.places, c, test)) return true;
    // Past the areas, only a distance can decide, and a claim without coordinates has none.
    if (c.lat === null || c.lon === null) return false;
    if (d.priorPlaces === null) d.priorPlaces = (await placesBefore(trx, [d.id], cut)).get(d.id)!;
    return placesFit(d.priorPlaces, c, test);
  };
  const findHome = async (c: Claim, name: string | null): Promise<ReplayDraft | undefined> => {
    for (const d of open.candidatesFor(c, name)) {
      const r = fitsBeforePlaces(d, c, name);
      if (r === true || (r !== false && (await placesFitDraft(d, c, r)))) return d;
    }
    return undefined;
  };

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
  replay: for await (const page of claimsFrom(trx, cut, pending))
    for (const s of page) {
      const key = keyOf(s);
      formerUpTo(key);
      if (follow && key > lastChange && settled(key)) {
        stop = key;
        break replay;
      }
      let home = await findHome(s.claim, s.hazardName);
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

  // Each event either clustering touched is finished from its tally before the cut, the claims
  // the replay gave it and (when the replay stopped) its claims from the stop on, as stored.
  const ids = [...touched];
  const tail = new Map<string, StoredClaim[]>();
  if (stop !== null) {
    const stopKey = stop;
    const went = ids.filter((id) => now.has(id));
    for (let i = 0; i < went.length; i += CHUNK)
      for (const s of await readClaims(
        trx,
        await trx
          .selectFrom('claims')
          .selectAll()
          .where('event_id', 'in', went.slice(i, i + CHUNK))
          .where('first_date', '>=', stopKey.slice(0, 10))
          .execute(),
      ))
        if (keyOf(s) >= stopKey) pushTo(tail, s.eventId!, s);
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
  const rows: EventRowValues[] = [];
  const countryRows: ReturnType<typeof tallyCountryRows> = [];
  const checkpoints: CheckpointRow[] = [];
  for (const id of ids) {
    const d = now.get(id);
    const old = storedRow.get(id);
    if (!d) {
      if (old) written.push(id);
      continue;
    }
    const tally = d.prior ?? new EventTally();
    checkpoints.push(...foldClaims(id, tally, sortByKey([...d.added, ...(tail.get(id) ?? [])])));
    const row = tallyRow(id, tally, stamp);
    const countries = tallyCountryRows(id, tally);
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
  // Checkpoints from the cut's month on are written again; an event gone has none.
  await writeCheckpoints(
    trx,
    ids.filter((id) => now.has(id)),
    monthOf(cut.slice(0, 10)),
    checkpoints,
  );
  await writeCheckpoints(
    trx,
    ids.filter((id) => !now.has(id)),
    null,
    [],
  );

  // Each replayed claim's event, where it moved; the pending claims written with theirs.
  const moves = new Map<string, string[]>();
  for (const s of replayed) {
    const id = eventOf.get(s.claim.id)!;
    if (s.eventId !== id && !pendingIds.has(s.claim.id)) pushTo(moves, id, s.claim.id);
  }
  await insertChunks(
    trx,
    'claims',
    changes.pending.map((r) => ({ ...r, event_id: eventOf.get(r.id) ?? r.event_id })),
  );
  await setClaimEvents(trx, moves);
  return { events: written.length, claims: replayed.length, stopped: stop !== null };
}
