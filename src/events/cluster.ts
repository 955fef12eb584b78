// Claims → events. Claims are taken in date order; each joins the first event (in creation
// order) it fits (see fitsEvent()), else starts one. The result depends only on the set of claims,
// so clustering again — or clustering a country again when a new article arrives — gives the
// same events with the same ids.
import { dayNumber, gapDays, maxDate, minDate } from '../claims/dates.js';
import { stableId } from '../claims/stableId.js';
import type { Claim } from '../claims/types.js';
import type { Cause, Hazard } from '../types.js';
import { distanceKm } from './distance.js';
import { hazardName, hazardNameKey } from './hazardName.js';
import { eventName } from './name.js';
import { CROSS_BORDER_STORM_KM, NAMED_HAZARD_WINDOW_DAYS, NEAR_KM, TIME_WINDOW_DAYS } from './rules.js';
import type { DisplacementEvent, EventPlace } from './types.js';

/** What deciding whether a claim joins an event reads of the event, besides its claims'
 * places: kept up to date as claims join, so a stored event can stand in for its claims. */
export interface EventState {
  countries: Set<string>;
  cause: Cause | null;
  hazard: Hazard | null;
  hazardName: string | null;
  firstDate: string | null;
  lastDate: string | null;
  /** Whether any claim has a first-level area. */
  anyAdmin1: boolean;
}

export interface Draft extends EventState {
  claims: Claim[];
}

/** Which test of the event's claims' places decides, when the rest does not. */
export type PlaceTest = { near: number } | { storm: number };

/** The hazard name the claim's sentences, else its articles' titles, give. */
export function claimHazardName(claim: Claim): string | null {
  return hazardName(...claim.facts.map((f) => f.evidence)) ?? hazardName(...claim.facts.map((f) => f.title));
}

export function claimOrder(a: Claim, b: Claim): number {
  return (a.firstDate ?? '9999').localeCompare(b.firstDate ?? '9999') || a.id.localeCompare(b.id);
}

/** Claims are clustered in this order; a claim's key sorts (as text) where the claim does. */
export function claimKey(c: { firstDate: string | null; id: string }): string {
  return `${c.firstDate ?? '9999'} ${c.id}`;
}

/** The longest time window of any rule: an event that ended longer ago takes no new claim. */
export const LONGEST_WINDOW_DAYS = Math.max(NAMED_HAZARD_WINDOW_DAYS, ...Object.values(TIME_WINDOW_DAYS));

function within(ev: EventState, c: Claim, days: number): boolean {
  if (!ev.firstDate || !c.firstDate) return true;
  return gapDays(ev.firstDate, ev.lastDate ?? ev.firstDate, c.firstDate, c.lastDate ?? c.firstDate) <= days;
}

/** Whether the claim joins the event as far as its state says: yes, no, or which test of the
 * event's claims' places decides. */
export function fitsBeforePlaces(ev: EventState, c: Claim, name: string | null): boolean | PlaceTest {
  const evKey = hazardNameKey(ev.hazardName);
  const cKey = hazardNameKey(name);
  if (evKey && cKey) return evKey === cKey && within(ev, c, NAMED_HAZARD_WINDOW_DAYS);
  if (ev.cause && c.cause && ev.cause !== c.cause) return false;
  if (ev.hazard && c.hazard && ev.hazard !== c.hazard) return false;
  const cause = ev.cause ?? c.cause ?? 'unknown';
  if (!within(ev, c, TIME_WINDOW_DAYS[cause])) return false;
  if (!ev.countries.has(c.country ?? '')) {
    if ((ev.hazard ?? c.hazard) !== 'storm') return false;
    return { storm: CROSS_BORDER_STORM_KM };
  }
  if (c.admin1 === null || !ev.anyAdmin1) return true;
  return { near: NEAR_KM[cause] };
}

type Placed = Pick<Claim, 'country' | 'admin1' | 'lat' | 'lon'>;

/** The place test on some of an event's claims: an unnamed storm's report within reach, or a
 * report in the same country in the same (or no) first-level area or close by. */
export function placesFit(members: readonly Placed[], c: Claim, test: PlaceTest): boolean {
  if ('storm' in test)
    return members.some((m) => {
      const d = distanceKm(m, c);
      return d !== null && d <= test.storm;
    });
  return members.some((m) => {
    if (m.country !== c.country) return false;
    if (m.admin1 === null || m.admin1 === c.admin1) return true;
    const d = distanceKm(m, c);
    return d !== null && d <= test.near;
  });
}

/** Does claim `c` join the event `ev`, whose members stand at `members`' places? */
export function fitsEvent(
  ev: EventState,
  members: readonly Placed[],
  c: Claim,
  name: string | null,
): boolean {
  const r = fitsBeforePlaces(ev, c, name);
  return typeof r === 'boolean' ? r : placesFit(members, c, r);
}

export function newDraft(): Draft {
  return {
    claims: [],
    countries: new Set(),
    cause: null,
    hazard: null,
    hazardName: null,
    firstDate: null,
    lastDate: null,
    anyAdmin1: false,
  };
}

/** Adds the claim to the event's state (and to its claims when they are kept). */
export function addToEvent(ev: EventState & { claims?: Claim[] }, c: Claim, name: string | null): void {
  ev.claims?.push(c);
  ev.countries.add(c.country ?? '');
  ev.cause ??= c.cause;
  ev.hazard ??= c.hazard;
  ev.hazardName ??= name;
  ev.firstDate = minDate(ev.firstDate, c.firstDate);
  ev.lastDate = maxDate(ev.lastDate, c.lastDate);
  ev.anyAdmin1 ||= c.admin1 !== null;
}

function places(claims: readonly Claim[]): EventPlace[] {
  const seen = new Map<string, EventPlace>();
  for (const c of claims) {
    const key = `${c.country}|${c.admin1}|${c.location}`;
    if (!seen.has(key))
      seen.set(key, { country: c.country, admin1: c.admin1, location: c.location, lat: c.lat, lon: c.lon });
  }
  return [...seen.values()];
}

/** The event of a draft whose claims are all there, in clustering order. */
export function finishEvent(ev: Draft): DisplacementEvent {
  const first = ev.claims[0]!;
  return {
    id: stableId('e', first.id),
    name: eventName({ ...ev, claims: ev.claims }),
    hazardName: ev.hazardName,
    cause: ev.cause,
    hazard: ev.hazard,
    countries: [...ev.countries].filter(Boolean),
    places: places(ev.claims),
    firstDate: ev.firstDate,
    lastDate: ev.lastDate,
    claims: ev.claims,
  };
}

/** One event of the given claims, as clustering would describe it (name, places, dates); its
 * id is the usual one unless `id` is given. Reviewers' merges and splits are built with it. */
export function eventFromClaims(claims: readonly Claim[], id?: string): DisplacementEvent {
  const ev = newDraft();
  for (const c of [...claims].sort(claimOrder)) addToEvent(ev, c, claimHazardName(c));
  const event = finishEvent(ev);
  return id ? { ...event, id } : event;
}

/**
 * The events being clustered, in creation order, indexed by what a claim must share with an
 * event to join it: a country, the hazard's name, or a storm that may cross a border (see
 * fitsBeforePlaces). `find` tests only those events, in creation order, so it returns the event
 * a test of every event in turn would. With `prune`, events that ended before a dated claim's
 * reach (endedBy) leave the index: claims come in date order, so no later claim can join them
 * either (a claim's period ends on or after its first date). Undated claims, which join by the
 * other rules whatever the dates, are tested against every event. Storms, and events of no
 * hazard, are listed by cause: a claim of another cause cannot join them (unless both name the
 * same hazard, and then the name's list has them), so a storm report is not tested against
 * every conflict under way, nor a conflict report against every storm.
 */
export class OpenEvents<D extends EventState> {
  readonly all: D[] = [];
  private readonly rank = new Map<D, number>();
  private readonly byCountry = new Map<string, D[]>();
  private readonly byName = new Map<string, D[]>();
  /** Events that are storms, and events of no hazard yet (a storm report may join them), by
   * cause ('' for none yet). An event is listed again when it takes a cause; its entry under
   * its former cause, or under no hazard once it has one, is dropped when next met (stale). */
  private readonly storms = new Map<string, D[]>();
  private readonly noHazard = new Map<string, D[]>();
  private readonly listOf = new Map<D[], { hazard: boolean; cause: string }>();

  private pushed = 0;

  /** `keep`: whether `all` keeps every event (else events pass through: see forget). */
  constructor(
    private readonly prune: boolean,
    private readonly keep = true,
  ) {}

  /** An event after all the others. */
  push(d: D): void {
    this.rank.set(d, this.pushed++);
    if (this.keep) this.all.push(d);
    for (const country of d.countries) this.listed(this.byCountry, country, d);
    const key = hazardNameKey(d.hazardName);
    if (key) this.listed(this.byName, key, d);
    if (d.hazard === null) this.byCause(this.noHazard, d);
    if (d.hazard === 'storm') this.byCause(this.storms, d);
  }

  /** addToEvent, keeping the index up to date. */
  add(d: D & { claims?: Claim[] }, c: Claim, name: string | null): void {
    const { hazard, hazardName, cause } = d;
    const country = c.country ?? '';
    if (!d.countries.has(country)) this.listed(this.byCountry, country, d);
    addToEvent(d, c, name);
    const key = hazardName === null ? hazardNameKey(d.hazardName) : null;
    if (key) this.listed(this.byName, key, d);
    if (d.hazard === 'storm' && (hazard === null || cause !== d.cause)) this.byCause(this.storms, d);
    if (d.hazard === null && cause !== d.cause) this.byCause(this.noHazard, d);
  }

  /** The first event, in creation order, that the claim fits (`fits` is the whole test). */
  find(c: Claim, name: string | null, fits: (d: D) => boolean): D | undefined {
    return this.candidatesFor(c, name).find(fits);
  }

  /** Lets go of an event no later claim can join (endedBy the day of the claims to come, which
   * must be dated and ordered: the lists drop it when next met). */
  forget(d: D): void {
    this.rank.delete(d);
  }

  /** The events the claim could join, in creation order (find tests them in turn). */
  candidatesFor(c: Claim, name: string | null): D[] {
    if (c.firstDate === null) {
      if (!this.keep) throw new Error('an undated claim needs every event kept');
      return this.all;
    }
    const day = dayNumber(c.firstDate);
    const lists: D[][] = [];
    const country = this.byCountry.get(c.country ?? '');
    if (country) lists.push(country);
    const key = hazardNameKey(name);
    const named = key ? this.byName.get(key) : undefined;
    if (named) lists.push(named);
    // Events of another cause than the claim's cannot take it (see fitsBeforePlaces).
    const causes = c.cause === null ? null : [c.cause, ''];
    const ofCause = (index: Map<string, D[]>): D[][] =>
      causes === null ? [...index.values()] : causes.map((k) => index.get(k) ?? []);
    if (c.hazard === null || c.hazard === 'storm') lists.push(...ofCause(this.storms));
    if (c.hazard === 'storm') lists.push(...ofCause(this.noHazard));
    const out = new Set<D>();
    for (const list of lists) {
      this.keepLive(list, day);
      for (const d of list) out.add(d);
    }
    return [...out].sort((a, b) => this.rank.get(a)! - this.rank.get(b)!);
  }

  /** Drops from every list the events that no claim dated from `day` on can join, and the stale
   * entries, as candidatesFor drops them from the lists it meets (so what it finds is the same).
   * Claims that never consult a list (no storm report of conflict ever looks among the events of
   * no hazard of that cause) would otherwise leave every event ever listed there in memory. */
  sweep(day: number): void {
    for (const index of [this.byCountry, this.byName, this.storms, this.noHazard])
      for (const list of index.values()) this.keepLive(list, day);
  }

  /** Keeps the entries of `list` that are neither stale nor (when pruning) ended by `day`. */
  private keepLive(list: D[], day: number): void {
    // An event leaves the list of its former cause once it has one, and the list of those of
    // no hazard once it has a hazard.
    const of = this.listOf.get(list);
    const stale = of
      ? (d: D) => (d.cause ?? '') !== of.cause || (of.hazard && d.hazard !== null)
      : () => false;
    let kept = 0;
    for (const d of list) if (!stale(d) && !(this.prune && endedBy(d, day))) list[kept++] = d;
    list.length = kept;
  }

  /** Lists the event among the storms or those of no hazard, under its cause. */
  private byCause(index: Map<string, D[]>, d: D): void {
    const cause = d.cause ?? '';
    let list = index.get(cause);
    if (!list) {
      list = [];
      index.set(cause, list);
      this.listOf.set(list, { hazard: index === this.noHazard, cause });
    }
    list.push(d);
  }

  private listed(index: Map<string, D[]>, key: string, d: D): void {
    const list = index.get(key);
    if (list) list.push(d);
    else index.set(key, [d]);
  }
}

/** Whether no claim dated from `day` (a day number) on can join the event: its last date is
 * further back than any time window that applies to it (its cause's, or a named hazard's). */
export function endedBy(
  ev: Pick<EventState, 'cause' | 'hazardName' | 'firstDate' | 'lastDate'>,
  day: number,
): boolean {
  const last = ev.lastDate ?? ev.firstDate;
  if (last === null) return false;
  const window =
    ev.cause === null
      ? LONGEST_WINDOW_DAYS
      : Math.max(TIME_WINDOW_DAYS[ev.cause], isNamed(ev.hazardName) ? NAMED_HAZARD_WINDOW_DAYS : 0);
  return dayNumber(last) < day - window;
}

const named = new Map<string, boolean>();
/** Whether the name gives a hazard name key (remembered: events are tested again and again). */
function isNamed(name: string | null): boolean {
  if (!name) return false;
  let r = named.get(name);
  if (r === undefined) {
    r = Boolean(hazardNameKey(name));
    if (named.size >= 10_000) named.clear();
    named.set(name, r);
  }
  return r;
}

export function clusterEvents(claims: readonly Claim[]): DisplacementEvent[] {
  // Pruning holds when every claim's period ends on or after its first date (see OpenEvents).
  const ordered = claims.every((c) => !c.firstDate || !c.lastDate || c.lastDate >= c.firstDate);
  const open = new OpenEvents<Draft>(ordered);
  for (const c of [...claims].sort(claimOrder)) {
    const name = claimHazardName(c);
    let ev = open.find(c, name, (d) => fitsEvent(d, d.claims, c, name));
    if (!ev) {
      ev = newDraft();
      open.push(ev);
    }
    open.add(ev, c, name);
  }
  return open.all.map(finishEvent);
}
