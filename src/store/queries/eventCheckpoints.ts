// Checkpoints of long events: an event's tally (src/events/tally.ts) after all its claims up to
// the end of a month, so that adding claims to an event of thousands does not read them all
// again. The replay (eventReplay.ts) continues the last checkpoint before the month it starts
// in with the few claims between; the tally then gives the event's row. A checkpoint holds
// only what the claims up to its month say, so one that is missing costs reading claims, never
// a wrong row. Kept: the last three months of each event with at least
// CHECKPOINT_MIN_CLAIMS claims (news arrives there), and each December (late reports).
import type { Kysely } from 'kysely';
import { pushTo } from '../../claims/groupBy.js';
import { claimKey } from '../../events/cluster.js';
import { EventTally, type TallyJson } from '../../events/tally.js';
import type { Database } from '../schema.js';
import { CHUNK, readClaims, type StoredClaim } from './clusterRows.js';

type Trx = Kysely<Database>;

/** Events with fewer claims than this have no checkpoints: reading their claims is cheap. */
let minClaims = 64;
export const checkpointMinClaims = () => minClaims;
/** Tests set it low, so that their small corpora have checkpoints. */
export function setCheckpointMinClaimsForTests(n: number): void {
  minClaims = n;
}

/** The month (YYYY-MM) a claim is clustered in; undated claims come last, in no month. */
export function monthOf(firstDate: string | null): string | null {
  return firstDate ? firstDate.slice(0, 7) : null;
}

/** The month `n` months after (before, when negative) the given one. */
export function shiftMonth(month: string, n: number): string {
  const m = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${String(Math.floor(m / 12)).padStart(4, '0')}-${String((m % 12) + 1).padStart(2, '0')}`;
}

/** Whether the checkpoint of `month` is kept, for an event whose last claim is in `last`. */
export function keepsMonth(month: string, last: string): boolean {
  return month.endsWith('-12') || month >= shiftMonth(last, -2);
}

export interface CheckpointRow {
  event_id: string;
  month: string;
  state: string;
}

/**
 * Continues the tally with the claims (in clustering order, all after those it holds) and
 * returns the checkpoints of the months they end, as kept for an event ending with them.
 */
export function foldClaims(
  id: string,
  tally: EventTally,
  claims: readonly Pick<StoredClaim, 'claim' | 'hazardName' | 'factCount'>[],
): CheckpointRow[] {
  const rows: CheckpointRow[] = [];
  // The months kept are those keepsMonth gives for the last claim's month, which the last
  // checkpoint is (when there is one): only their tallies are written out. (An undated last
  // claim has no month: every month is written out, then filtered, as below.)
  const lastMonth = claims.length ? monthOf(claims[claims.length - 1]!.claim.firstDate) : null;
  let month: string | null = null;
  const save = () => {
    if (month !== null && tally.claims >= minClaims && (lastMonth === null || keepsMonth(month, lastMonth)))
      rows.push({ event_id: id, month, state: JSON.stringify(tally) });
  };
  for (const s of claims) {
    const m = monthOf(s.claim.firstDate);
    if (m !== month) save();
    month = m;
    tally.add(s.claim, s.hazardName, s.factCount);
  }
  save();
  const last = rows.at(-1)?.month;
  return last ? rows.filter((r) => keepsMonth(r.month, last)) : [];
}

/** An event before the cut: the tally of its claims, and the claims when all were read. */
export interface Before {
  tally: EventTally;
  /** Null when the tally continued a checkpoint. */
  claims: StoredClaim[] | null;
}

/**
 * The tally of each event's claims before the claim key `cut`: its last checkpoint before the
 * cut's month, continued with its claims from there to the cut (all of them when it has none).
 */
export async function talliesBefore(
  trx: Trx,
  ids: readonly string[],
  cut: string,
): Promise<Map<string, Before>> {
  const cutDate = cut.slice(0, 10);
  const cutMonth = monthOf(cutDate)!;
  // Each event's last checkpoint before the cut's month: its month from the primary key, then
  // its state.
  const latest = new Map<string, { month: string; state: string }>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    const months = new Map<string, string>();
    for (const r of await trx
      .selectFrom('event_checkpoints')
      .select(['event_id', (eb) => eb.fn.max('month').as('month')])
      .where('event_id', 'in', part)
      .where('month', '<', cutMonth)
      .groupBy('event_id')
      .execute())
      months.set(r.event_id, r.month);
    if (months.size === 0) continue;
    for (const r of await trx
      .selectFrom('event_checkpoints')
      .select(['event_id', 'month', 'state'])
      .where('event_id', 'in', [...months.keys()])
      .where('month', 'in', [...new Set(months.values())])
      .execute())
      if (months.get(r.event_id) === r.month) latest.set(r.event_id, r);
  }
  // Events grouped by the first date of the claims still to read ('' for all of them).
  const byStart = new Map<string, string[]>();
  for (const id of ids) {
    const c = latest.get(id);
    const start = c ? `${shiftMonth(c.month, 1)}-01` : '';
    pushTo(byStart, start, id);
  }
  const rest = new Map<string, StoredClaim[]>();
  for (const [start, group] of byStart)
    for (let i = 0; i < group.length; i += CHUNK) {
      let q = trx
        .selectFrom('claims')
        .selectAll()
        .where('event_id', 'in', group.slice(i, i + CHUNK))
        .where('first_date', '<=', cutDate);
      if (start) q = q.where('first_date', '>=', start);
      for (const s of await readClaims(trx, await q.execute()))
        if (claimKey(s.claim) < cut) pushTo(rest, s.eventId!, s);
    }
  const out = new Map<string, Before>();
  for (const id of ids) {
    const c = latest.get(id);
    const tally = c ? EventTally.fromJSON(JSON.parse(c.state) as TallyJson) : new EventTally();
    const claims = (rest.get(id) ?? []).sort((a, b) => (claimKey(a.claim) < claimKey(b.claim) ? -1 : 1));
    for (const s of claims) tally.add(s.claim, s.hazardName, s.factCount);
    out.set(id, { tally, claims: c ? null : claims });
  }
  return out;
}

/** Replaces the checkpoints of these events from `month` on (all of them when null) with `rows`,
 * and drops those the last month of their event no longer keeps. */
export async function writeCheckpoints(
  trx: Trx,
  ids: readonly string[],
  month: string | null,
  rows: readonly CheckpointRow[],
): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK) {
    let q = trx.deleteFrom('event_checkpoints').where('event_id', 'in', ids.slice(i, i + CHUNK));
    if (month !== null) q = q.where('month', '>=', month);
    await q.execute();
  }
  // The months before `month` that an event's new last month no longer keeps.
  if (month !== null) {
    const last = new Map<string, string>();
    for (const r of rows) if ((last.get(r.event_id) ?? '') < r.month) last.set(r.event_id, r.month);
    const byOldest = new Map<string, string[]>();
    for (const [id, m] of last) {
      pushTo(byOldest, shiftMonth(m, -2), id);
    }
    for (const [oldest, group] of byOldest)
      for (let i = 0; i < group.length; i += CHUNK)
        await trx
          .deleteFrom('event_checkpoints')
          .where('event_id', 'in', group.slice(i, i + CHUNK))
          .where('month', '<', oldest)
          .where('month', 'not like', '%-12')
          .execute();
  }
  for (let i = 0; i < rows.length; i += CHUNK)
    await trx
      .insertInto('event_checkpoints')
      .values(rows.slice(i, i + CHUNK) as CheckpointRow[])
      .execute();
}

/** Writes the checkpoints of every event with enough claims, from its stored claims (a store
 * from before checkpoints). */
export async function fillCheckpoints(trx: Trx): Promise<void> {
  const ids = (
    await trx.selectFrom('events').select('id').where('claim_count', '>=', minClaims).orderBy('id').execute()
  ).map((r) => r.id);
  const byKey = (a: StoredClaim, b: StoredClaim) => (claimKey(a.claim) < claimKey(b.claim) ? -1 : 1);
  for (let i = 0; i < ids.length; i += 20) {
    const part = ids.slice(i, i + 20);
    const of = new Map<string, StoredClaim[]>();
    for (const s of await readClaims(
      trx,
      await trx.selectFrom('claims').selectAll().where('event_id', 'in', part).execute(),
    ))
      pushTo(of, s.eventId!, s);
    const rows = part.flatMap((id) => foldClaims(id, new EventTally(), (of.get(id) ?? []).sort(byKey)));
    await writeCheckpoints(trx, [], null, rows);
  }
}
