// The full rebuild, worked through the store in parts, so that its memory does not grow with the
// store: a store of 1 M facts held at once (every fact, claim and event) needed more than 4 GB.
//
// Claims: corroboration joins facts only within a country (corroborate.ts), so each country is
// corroborated on its own and its claims written before the next is read. Claim ids are the
// exception: two claims begun at one quantity of one article get a suffix in the order the
// whole store's corroboration begins them; countries sharing such a quantity are corroborated
// together, which numbers them as the whole store would.
//
// Events: the stored claims are read back in clustering order, a span of dates at a time, and
// clustered as clusterEvents does (the same index of open events, the same tests on the same
// places); an event that no later claim can join (endedBy) is finished there, from the running
// tally of its claims (tally.ts: its row, countries and checkpoints), written, and let go.
//
// The events equal those of clustering every claim at once (clusterReplay.test.ts). Undated
// claims (tested against every event), claims whose period ends before it begins (pruning does
// not hold) and reviewers' merges and splits (applied over all events) need every event at
// once: rebuildInParts then answers null and the caller rebuilds the whole store in memory.
import { sql, type Kysely } from 'kysely';
import { corroborate } from '../../claims/corroborate.js';
import { dayNumber } from '../../claims/dates.js';
import { pushTo } from '../../claims/groupBy.js';
import { stableId } from '../../claims/stableId.js';
import type { Claim } from '../../claims/types.js';
import {
  claimHazardName,
  endedBy,
  fitsEvent,
  newDraft,
  OpenEvents,
  type EventState,
} from '../../events/cluster.js';
import { EventTally } from '../../events/tally.js';
import type { Database } from '../schema.js';
import { loadClaimFacts } from './claimFacts.js';
import {
  claimRow,
  insertChunks,
  setClaimEvents,
  tallyCountryRows,
  tallyRow,
  type StoredClaim,
} from './clusterRows.js';
import {
  checkpointMinClaims,
  keepsMonth,
  monthOf,
  writeCheckpoints,
  type CheckpointRow,
} from './eventCheckpoints.js';
import { claimsFrom } from './eventReplay.js';

type Trx = Kysely<Database>;
type Placed = Pick<Claim, 'country' | 'admin1' | 'lat' | 'lon'>;

/** Events finished are written once this many rows wait. */
let flushRows = 2000;
/** Open events are checked for an end every this many claims. */
let sweepClaims = 2000;
/** Tests make the parts small, so that a small corpus is cut in many. */
export function setRebuildPartsForTests(rows: number, claims: number): void {
  flushRows = rows;
  sweepClaims = claims;
}

/** Whether reviewers merged or split events (applied over all events at once). */
async function eventReviews(trx: Trx): Promise<boolean> {
  const r = await trx
    .selectFrom('reviews')
    .select('id')
    .where('action', 'in', ['merge', 'split'])
    .limit(1)
    .executeTakeFirst();
  return r !== undefined;
}

/** Whether a claim is undated, or its period ends before it begins (see the head of this file). */
async function unordered(trx: Trx): Promise<boolean> {
  const r = await trx
    .selectFrom('claims')
    .select('id')
    .where((eb) => eb.or([eb('first_date', 'is', null), eb('last_date', '<', eb.ref('first_date'))]))
    .limit(1)
    .executeTakeFirst();
  return r !== undefined;
}

/** The countries ('' for none), in groups that must be corroborated together: those sharing a
 * quantity of one article (one figure read in two countries). */
async function countryGroups(trx: Trx): Promise<string[][]> {
  const countries = (
    await trx
      .selectFrom('facts')
      .select(sql<string>`coalesce(country, '')`.as('c'))
      .distinct()
      .execute()
  ).map((r) => r.c);
  const parent = new Map(countries.map((c) => [c, c]));
  const root = (c: string): string => {
    let r = c;
    while (parent.get(r) !== r) r = parent.get(r)!;
    return r;
  };
  const shared = await sql<{ article_id: number; quantity_start: number; c: string }>`
    select f.article_id, f.quantity_start, coalesce(f.country, '') as c
    from facts f
    join (select article_id, quantity_start from facts group by article_id, quantity_start
          having count(distinct coalesce(country, '')) > 1) s
      on s.article_id = f.article_id and s.quantity_start = f.quantity_start`.execute(trx);
  const first = new Map<string, string>();
  for (const r of shared.rows) {
    const key = `${r.article_id}:${r.quantity_start}`;
    const other = first.get(key);
    if (other === undefined) first.set(key, r.c);
    else parent.set(root(r.c), root(other));
  }
  const groups = new Map<string, string[]>();
  for (const c of [...countries].sort()) pushTo(groups, root(c), c);
  return [...groups.values()];
}

/** Corroborates each group of countries and writes its claims (no event yet). */
async function writeClaims(
  trx: Trx,
  now: number,
): Promise<{ countries: number; facts: number; claims: number }> {
  const groups = await countryGroups(trx);
  let facts = 0;
  let claims = 0;
  const countries = new Set<string>();
  for (const group of groups) {
    const of = await loadClaimFacts(trx, group);
    const made = corroborate(of);
    for (const f of of) countries.add(f.country ?? '');
    facts += of.length;
    claims += made.length;
    await insertChunks(
      trx,
      'claims',
      made.map((c) => claimRow(c, null, now, { hazardName: claimHazardName(c), factCount: c.facts.length })),
    );
    await insertChunks(
      trx,
      'claim_facts',
      made.flatMap((c) =>
        c.facts.map((f) => ({
          fact_id: f.factId,
          claim_id: c.id,
          article_id: f.articleId,
          country: f.country,
        })),
      ),
    );
  }
  return { countries: countries.size, facts, claims };
}

/** An event being clustered: its state, the distinct places of its claims (what the place
 * tests read), the tally of its claims and the checkpoints it keeps so far. */
interface PartDraft extends EventState {
  id: string;
  places: Placed[];
  placeKeys: Set<string>;
  tally: EventTally;
  month: string | null;
  saved: CheckpointRow[];
}

const placeKey = (p: Placed) => `${p.country}|${p.admin1}|${p.lat}|${p.lon}`;

/** The checkpoint at the end of the draft's month, as foldClaims keeps it. */
function save(d: PartDraft): void {
  if (d.month === null || d.tally.claims < checkpointMinClaims()) return;
  d.saved.push({ event_id: d.id, month: d.month, state: JSON.stringify(d.tally) });
  const last = d.month;
  d.saved = d.saved.filter((r) => keepsMonth(r.month, last));
}

function add(d: PartDraft, s: StoredClaim): void {
  const c = s.claim;
  const m = monthOf(c.firstDate);
  if (m !== d.month) save(d);
  d.month = m;
  d.tally.add(c, s.hazardName, s.factCount);
  const key = placeKey(c);
  if (!d.placeKeys.has(key)) {
    d.placeKeys.add(key);
    d.places.push({ country: c.country, admin1: c.admin1, lat: c.lat, lon: c.lon });
  }
}

/** Clusters the stored claims into events in order, writing each event once it has ended. */
async function writeEvents(trx: Trx, now: number): Promise<number> {
  const first = await trx
    .selectFrom('claims')
    .select((eb) => eb.fn.min('first_date').as('d'))
    .executeTakeFirst();
  if (!first?.d) return 0;
  const open = new OpenEvents<PartDraft>(true, false);
  const live = new Set<PartDraft>();
  let events = 0;
  let rows: ReturnType<typeof tallyRow>[] = [];
  let countryRows: ReturnType<typeof tallyCountryRows> = [];
  let checkpoints: CheckpointRow[] = [];
  const flush = async () => {
    await insertChunks(trx, 'events', rows);
    await insertChunks(trx, 'event_countries', countryRows);
    await writeCheckpoints(trx, [], null, checkpoints);
    rows = [];
    countryRows = [];
    checkpoints = [];
  };
  const finish = async (d: PartDraft) => {
    save(d);
    const last = d.saved.at(-1)?.month;
    if (last) checkpoints.push(...d.saved.filter((r) => keepsMonth(r.month, last)));
    rows.push(tallyRow(d.id, d.tally, now));
    countryRows.push(...tallyCountryRows(d.id, d.tally));
    events++;
    live.delete(d);
    open.forget(d);
    // The lists of open events drop it at the next sweep or when next met; until then it holds nothing.
    d.places = [];
    d.placeKeys = new Set();
    d.tally = new EventTally();
    d.saved = [];
    if (rows.length + countryRows.length + checkpoints.length >= flushRows) await flush();
  };
  let sinceSweep = 0;
  for await (const page of claimsFrom(trx, first.d)) {
    const eventOf = new Map<string, string[]>();
    for (const s of page) {
      const c = s.claim;
      const name = s.hazardName;
      if (++sinceSweep >= sweepClaims) {
        sinceSweep = 0;
        const day = dayNumber(c.firstDate!);
        for (const d of [...live]) if (endedBy(d, day)) await finish(d);
        // Events finished stay in the index's lists until a claim looks there; some lists no
        // claim looks at again (they held every such event to the end).
        open.sweep(day);
      }
      let home = open.find(c, name, (d) => fitsEvent(d, d.places, c, name));
      if (!home) {
        const { claims: _c, ...state } = newDraft();
        home = {
          ...state,
          id: stableId('e', c.id),
          places: [],
          placeKeys: new Set(),
          tally: new EventTally(),
          month: null,
          saved: [],
        };
        open.push(home);
        live.add(home);
      }
      open.add(home, c, name);
      add(home, s);
      pushTo(eventOf, home.id, c.id);
    }
    await setClaimEvents(trx, eventOf);
  }
  for (const d of [...live]) await finish(d);
  await flush();
  return events;
}

/** Rebuilds claims and events from the facts in parts (the tables are empty when it is called);
 * null, with nothing written, when the store needs every event at once. */
export async function rebuildInParts(
  trx: Trx,
): Promise<{ countries: number; facts: number; claims: number; events: number } | null> {
  if (await eventReviews(trx)) return null;
  const now = Date.now();
  const claims = await writeClaims(trx, now);
  if (await unordered(trx)) {
    await trx.deleteFrom('claim_facts').execute();
    await trx.deleteFrom('claims').execute();
    return null;
  }
  const events = await writeEvents(trx, now);
  return { ...claims, events };
}
