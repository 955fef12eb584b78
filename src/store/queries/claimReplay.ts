// Corroboration again after some facts changed, from the earliest of them on. Corroboration
// takes facts in date order and each joins the first claim it agrees with, so what came before
// a date does not depend on what comes after it: per country, the claims begun before the cut
// keep their earlier reports, and only the facts from the cut on are taken again, against the
// claims still open to them (a report within the date tolerance) and the new ones. This gives
// the claims a corroboration of all the country's facts would give (claimReplay.test.ts).
import type { Kysely } from 'kysely';
import {
  factOrder,
  corroborate,
  IMPLIED_DATE_TOLERANCE_DAYS,
  type OpenClaim,
} from '../../claims/corroborate.js';
import { shiftDate } from '../../claims/dates.js';
import type { ClaimFact } from '../../claims/types.js';
import { claimHazardName, claimKey } from '../../events/cluster.js';
import type { ClaimRow } from '../claimsSchema.js';
import type { Database } from '../schema.js';
import { loadClaimFacts } from './claimFacts.js';
import { CHUNK, claimRow, insertChunks } from './clusterRows.js';

type Trx = Kysely<Database>;

export interface ClaimReplay {
  /** Clustering keys (claimKey) of the claims that changed, before and after, with removed and
   * new ones: events are clustered again from the earliest. */
  changedKeys: string[];
  /** Ids of the claims now stored that are new or differ from their former row. */
  changedIds: string[];
  /** The former rows of the claims that changed or went: with the unchanged claims, what the
   * events were clustered from (the event replay compares its result with it, to stop early). */
  formerRows: ClaimRow[];
  facts: number;
  claims: number;
  /** With `deferNew`: the rows of the claims in no event (new ones), not yet written; the event
   * replay writes them with their events (eventReplay.ts), else the caller writes them. */
  pending: ClaimRowValues[];
}

export type ClaimRowValues = ReturnType<typeof claimRow>;

/** Claims of one country ('' for none). */
function ofCountry(trx: Trx, country: string) {
  const q = trx.selectFrom('claims').selectAll();
  return country ? q.where('country', '=', country) : q.where('country', 'is', null);
}

/** What a claim row says, apart from when it was written and the event it is in. */
function content(r: Record<string, unknown>): string {
  const { updated_at: _u, event_id: _e, ...rest } = r;
  return JSON.stringify(
    Object.keys(rest)
      .sort()
      .map((k) => [k, rest[k] ?? null]),
  );
}

async function membersOf(trx: Trx, claimIds: string[]): Promise<Map<string, ClaimFact[]>> {
  const out = new Map<string, ClaimFact[]>();
  for (let i = 0; i < claimIds.length; i += CHUNK) {
    const links = await trx
      .selectFrom('claim_facts')
      .select(['fact_id', 'claim_id'])
      .where('claim_id', 'in', claimIds.slice(i, i + CHUNK))
      .execute();
    const claimOf = new Map(links.map((l) => [l.fact_id, l.claim_id]));
    for (const f of await loadClaimFacts(trx, null, [...claimOf.keys()])) {
      const id = claimOf.get(f.factId)!;
      out.set(id, [...(out.get(id) ?? []), f]);
    }
  }
  return out;
}

interface CountryWrite {
  replaced: string[];
  rows: ReturnType<typeof claimRow>[];
  links: { fact_id: number; claim_id: string; article_id: number; country: string | null }[];
}

/** Corroborates one country again from `cut` (YYYY-MM-DD) on: the claims it replaces and its
 * new rows, keeping the event of each claim that stays (events are replayed next). */
async function replayCountry(
  trx: Trx,
  country: string,
  cut: string,
  out: ClaimReplay,
): Promise<CountryWrite> {
  // Claims a fact from the cut on can join have a report within the tolerance before it.
  const near = await ofCountry(trx, country)
    .where('last_date', '>=', shiftDate(cut, -IMPLIED_DATE_TOLERANCE_DAYS))
    .execute();
  const open = near.filter((r) => r.first_date !== null && r.first_date < cut);
  const before = new Map<string, ClaimRow>(
    near.filter((r) => r.first_date === null || r.first_date >= cut).map((r) => [r.id, r]),
  );
  for (const r of open) before.set(r.id, r);
  const members = await membersOf(
    trx,
    open.map((r) => r.id),
  );
  const seeds: OpenClaim[] = [];
  for (const r of open) {
    const kept = (members.get(r.id) ?? []).filter((f) => f.dateStart !== null && f.dateStart < cut);
    if (kept.length) seeds.push({ id: r.id, members: kept.sort(factOrder) });
  }
  seeds.sort((a, b) => factOrder(a.members[0]!, b.members[0]!));
  const facts = await loadClaimFacts(trx, [country], undefined, cut);
  const claims = corroborate(facts, seeds);
  out.facts += facts.length;
  out.claims += claims.length;

  const now = Date.now();
  const rows = claims.map((c) =>
    claimRow(c, before.get(c.id)?.event_id ?? null, now, {
      hazardName: claimHazardName(c),
      factCount: c.facts.length,
    }),
  );
  for (const row of rows) {
    const old = before.get(row.id);
    if (old && content(old) === content(row)) continue;
    out.changedKeys.push(claimKey({ firstDate: row.first_date, id: row.id }));
    out.changedIds.push(row.id);
    if (old) {
      out.changedKeys.push(claimKey({ firstDate: old.first_date, id: old.id }));
      out.formerRows.push(old);
    }
  }
  const kept = new Set(rows.map((r) => r.id));
  for (const old of before.values())
    if (!kept.has(old.id)) {
      out.changedKeys.push(claimKey({ firstDate: old.first_date, id: old.id }));
      out.formerRows.push(old);
    }

  // A claim whose row and facts come out as stored stays as it is.
  const changed = new Set(out.changedIds);
  const storedLinks = await linksOf(
    trx,
    rows.filter((r) => before.has(r.id) && !changed.has(r.id)).map((r) => r.id),
  );
  const links = new Map(
    claims.map((c) => [
      c.id,
      c.facts.map((f) => ({
        fact_id: f.factId,
        claim_id: c.id,
        article_id: f.articleId,
        country: f.country,
      })),
    ]),
  );
  const same = new Set(
    rows
      .filter((r) => storedLinks.has(r.id) && storedLinks.get(r.id) === linkContent(links.get(r.id)!))
      .map((r) => r.id),
  );
  return {
    replaced: [...before.keys()].filter((id) => !same.has(id)),
    rows: rows.filter((r) => !same.has(r.id)),
    links: claims.filter((c) => !same.has(c.id)).flatMap((c) => links.get(c.id)!),
  };
}

type Link = CountryWrite['links'][number];

const linkContent = (links: readonly Link[]) =>
  links
    .map((l) => `${l.fact_id}|${l.article_id}|${l.country}`)
    .sort()
    .join(',');

/** The stored facts of each claim, as linkContent gives them. */
async function linksOf(trx: Trx, claimIds: string[]): Promise<Map<string, string>> {
  const byClaim = new Map<string, Link[]>();
  for (let i = 0; i < claimIds.length; i += CHUNK)
    for (const l of await trx
      .selectFrom('claim_facts')
      .selectAll()
      .where('claim_id', 'in', claimIds.slice(i, i + CHUNK))
      .execute())
      byClaim.set(l.claim_id, [...(byClaim.get(l.claim_id) ?? []), l]);
  return new Map([...byClaim].map(([id, links]) => [id, linkContent(links)]));
}

/** Whether a new claim takes the id of a claim it does not replace: two claims begun at one
 * quantity (one figure read under two terms of a class, in two countries or a claim left
 * alone); only corroborating them together numbers them as a full clustering does. */
async function idsCollide(trx: Trx, writes: CountryWrite[]): Promise<boolean> {
  const ids = writes.flatMap((w) => w.rows.map((r) => r.id));
  if (new Set(ids).size < ids.length) return true;
  const replaced = new Set(writes.flatMap((w) => w.replaced));
  const fresh = ids.filter((id) => !replaced.has(id));
  for (let i = 0; i < fresh.length; i += CHUNK)
    if (
      await trx
        .selectFrom('claims')
        .select('id')
        .where('id', 'in', fresh.slice(i, i + CHUNK))
        .limit(1)
        .executeTakeFirst()
    )
      return true;
  return false;
}

/** Replays corroboration in each country from its cut date; null (nothing written) when the
 * new claims' ids collide with others (see idsCollide). */
export async function replayClaims(
  trx: Trx,
  cuts: ReadonlyMap<string, string>,
  options: { deferNew?: boolean } = {},
): Promise<ClaimReplay | null> {
  const out: ClaimReplay = {
    changedKeys: [],
    changedIds: [],
    formerRows: [],
    facts: 0,
    claims: 0,
    pending: [],
  };
  const writes: CountryWrite[] = [];
  for (const [country, cut] of cuts) writes.push(await replayCountry(trx, country, cut, out));
  if (await idsCollide(trx, writes)) return null;
  // Every country's old claims go first: a corrected fact that moved country takes its claim
  // id along.
  const replaced = writes.flatMap((w) => w.replaced);
  for (let i = 0; i < replaced.length; i += CHUNK) {
    const part = replaced.slice(i, i + CHUNK);
    await trx.deleteFrom('claim_facts').where('claim_id', 'in', part).execute();
    await trx.deleteFrom('claims').where('id', 'in', part).execute();
  }
  // A claim in no event yet (a new one) can wait for the event replay, which gives it its event:
  // written once, with it, instead of written and then pointed at its event. Nothing the replay
  // reads before depends on it (it reads events' claims by event, and reads the claims from the
  // cut on with the pending ones beside them).
  const rows = writes.flatMap((w) => w.rows);
  const now = options.deferNew ? rows.filter((r) => r.event_id !== null) : rows;
  if (options.deferNew) out.pending = rows.filter((r) => r.event_id === null);
  await insertChunks(trx, 'claims', now);
  await insertChunks(
    trx,
    'claim_facts',
    writes.flatMap((w) => w.links),
  );
  return out;
}
