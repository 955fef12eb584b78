// Keeps claims and events up to date with the facts. When articles' facts are stored, claims
// and events are replayed from the earliest date the change reaches (claimReplay.ts,
// eventReplay.ts): clustering goes through facts and claims in date order and never looks back,
// so what lies before that date stays as it is. When the replay does not apply (an undated
// figure, reviewers' merges and splits), the countries the articles touch (with the countries of
// events linked to them, and of storms in the same weeks, which cross borders) are clustered
// again whole. Either way the result equals clustering the whole store (clusterReplay.test.ts),
// and ids stay stable. On PostgreSQL a transaction-scoped advisory lock serialises clustering
// across workers: two workers storing reports of one event one after the other, never
// interleaved, so they cannot create two events for one.
//
// The ingest path does not cluster: it marks the articles whose facts it wrote (`mark`, in the
// facts' transaction; migration 023) and queues the clustering job, which clusters every marked
// article at once (`drain`). Every clustering, a review's too, takes all the marks there are
// with it, so the store is always the clustering of every fact but the marked articles', which
// is what the replay from a date needs; and the same facts give the same claims and events
// whether they were clustered batch by batch or all at once.
import { sql, type Kysely } from 'kysely';
import { corroborate } from '../../claims/corroborate.js';
import { dayNumber } from '../../claims/dates.js';
import type { Claim, ClaimFact } from '../../claims/types.js';
import { claimHazardName, clusterEvents } from '../../events/cluster.js';
import type { Engine } from '../engine.js';
import type { Database } from '../schema.js';
import { applyEventReviews } from '../../review/events.js';
import { loadClaimFacts } from './claimFacts.js';
import { applyFactReviews, loadEventReviews } from './reviewApply.js';
import { claimRow, eventCountryRows, eventRow, insertChunks } from './clusterRows.js';
import { replayClaims } from './claimReplay.js';
import { checkpointMinClaims, foldClaims, writeCheckpoints } from './eventCheckpoints.js';
import { EventTally } from '../../events/tally.js';
import { CHUNK } from './clusterRows.js';
import { replayEvents } from './eventReplay.js';
import { rebuildInParts } from './rebuildParts.js';
import { followClaimReviews } from './reviewFollow.js';
import { inTransaction } from './transaction.js';

/** Arbitrary constant naming the clustering lock among PostgreSQL advisory locks (facts.ts
 * takes it before writing facts, whose summary triggers touch the same rows in every worker). */
export const CLUSTER_LOCK = 947_301;
/** The job kind of the clustering job (Clustering.drain; queued by src/ingest/clusterLater.ts). */
export const CLUSTER_JOB_KIND = 'cluster';
/** Storms within this many days of the new facts may share an event across a border. */
const STORM_REACH_DAYS = 60;
const MAX_EXPANSIONS = 20;

type Trx = Kysely<Database>;

export interface ClusterResult {
  countries: number;
  facts: number;
  claims: number;
  events: number;
  /** When events were replayed from a date (eventReplay.ts): the claims clustered again, and
   * whether the replay stopped where it met the former events again. */
  replay?: { claims: number; stopped: boolean };
}

export class Clustering {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly engine: Engine,
  ) {}

  /** Clusters again what the given articles' facts (current and former) touch, and the
   * marked articles' (see `mark`). */
  async updateForArticles(articleIds: number[]): Promise<ClusterResult> {
    return inTransaction(this.db, (trx) => this.updateInTransaction(trx, articleIds));
  }

  /**
   * Marks articles whose facts were written (or whose copies were stored) for the clustering
   * job to cluster (`drain`). Meant for the transaction that writes the facts, so that the mark
   * commits with them: a crash after it leaves the mark, and the job, to be resumed.
   */
  async mark(articleIds: number[]): Promise<void> {
    const ids = [...new Set(articleIds)];
    if (ids.length === 0) return;
    await inTransaction(this.db, async (trx) => {
      await this.lock(trx);
      for (let i = 0; i < ids.length; i += CHUNK)
        await trx
          .insertInto('cluster_marks')
          .values(ids.slice(i, i + CHUNK).map((article_id) => ({ article_id })))
          .execute();
    });
  }

  /** Whether a clustering job is queued and not yet started (src/ingest/clusterLater.ts). The
   * kind is written out, so that SQLite uses migration 023's partial index. */
  async jobQueued(): Promise<boolean> {
    const r = await this.db
      .selectFrom('jobs')
      .select('id')
      .where(sql<boolean>`kind = ${sql.lit(CLUSTER_JOB_KIND)}`)
      .where('status', '=', 'queued')
      .limit(1)
      .executeTakeFirst();
    return r !== undefined;
  }

  /** Writes the reviews over these articles' facts (again in the clustering, where nothing
   * changes then): for the transaction that writes a new extraction, so that its facts carry
   * their reviews before the clustering job runs. */
  async applyReviews(articleIds: number[]): Promise<void> {
    if (articleIds.length) await inTransaction(this.db, (trx) => applyFactReviews(trx, articleIds));
  }

  /** How many marks wait for the clustering job. */
  async pending(): Promise<number> {
    const r = await this.db
      .selectFrom('cluster_marks')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** The clustering job: clusters every marked article at once, in one transaction (each
   * country is replayed once, from the earliest date its marked articles reach). */
  async drain(): Promise<ClusterResult & { articles: number }> {
    return inTransaction(this.db, async (trx) => {
      await this.lock(trx);
      const marks = await this.takeMarks(trx);
      const r = await this.clusterMarked(trx, marks.articles);
      await this.dropMarks(trx, marks.ids);
      return { ...r, articles: marks.articles.length };
    });
  }

  /** updateForArticles inside the caller's transaction (a review and its effects commit together).
   * Reviews are written over the articles' facts first (a new extraction arrives without them).
   * Claims and events are then replayed from the earliest changed date on (claimReplay.ts,
   * eventReplay.ts); when that cannot be (see replayCuts) the countries the articles touch are
   * clustered again whole. */
  async updateInTransaction(trx: Trx, articleIds: number[]): Promise<ClusterResult> {
    await this.lock(trx);
    const marks = await this.takeMarks(trx);
    const r = await this.clusterMarked(trx, [...new Set([...articleIds, ...marks.articles])]);
    await this.dropMarks(trx, marks.ids);
    return r;
  }

  /** Every mark there is (under the lock, so no other clustering takes them meanwhile). */
  private async takeMarks(trx: Trx): Promise<{ ids: number[]; articles: number[] }> {
    const rows = await trx.selectFrom('cluster_marks').select(['id', 'article_id']).orderBy('id').execute();
    return { ids: rows.map((r) => r.id), articles: [...new Set(rows.map((r) => r.article_id))] };
  }

  /** Deletes the marks read, by id: one written since (PostgreSQL) stays for the next job. */
  private async dropMarks(trx: Trx, ids: number[]): Promise<void> {
    for (let i = 0; i < ids.length; i += CHUNK)
      await trx
        .deleteFrom('cluster_marks')
        .where('id', 'in', ids.slice(i, i + CHUNK))
        .execute();
  }

  private async clusterMarked(trx: Trx, articleIds: number[]): Promise<ClusterResult> {
    if (articleIds.length === 0) return { countries: 0, facts: 0, claims: 0, events: 0 };
    const r = await this.clusterArticles(trx, articleIds);
    // New reports of a figure a reviewer confirmed, corrected or rejected as a claim take the
    // review (reviewFollow.ts), and are clustered again with it.
    const followed = await followClaimReviews(trx, articleIds);
    return followed.length ? this.clusterArticles(trx, followed) : r;
  }

  private async clusterArticles(trx: Trx, articleIds: number[]): Promise<ClusterResult> {
    const reviewed = await applyFactReviews(trx, articleIds);
    const ids = [...new Set([...articleIds, ...reviewed])];
    const seed = await this.articleCountries(trx, ids);
    if (seed.size === 0) return { countries: 0, facts: 0, claims: 0, events: 0 };
    const cuts = await this.replayCuts(trx, ids, seed);
    const claims = cuts && (await replayClaims(trx, cuts, { deferNew: true }));
    if (cuts && claims) {
      // The event replay writes the claims still pending, with their events.
      const replay = claims.changedKeys.length === 0 ? null : await replayEvents(trx, claims);
      if (!replay) await insertChunks(trx, 'claims', claims.pending);
      return {
        countries: cuts.size,
        facts: claims.facts,
        claims: claims.claims,
        events: replay?.events ?? 0,
        ...(replay && { replay: { claims: replay.claims, stopped: replay.stopped } }),
      };
    }
    const countries = await this.expand(trx, seed);
    return this.recluster(trx, [...countries]);
  }

  /**
   * Per country the articles touch, the earliest date of their facts, new or former (a former
   * fact's claim began on or before it): nothing before it changes. Null when the replay does
   * not apply: a figure without any date (it sorts before every dated one, so every claim of
   * its country could change), or reviewers' merges and splits (they join events the rules did
   * not; the whole countries are clustered again then).
   */
  private async replayCuts(
    trx: Trx,
    articleIds: number[],
    countries: Set<string>,
  ): Promise<Map<string, string> | null> {
    const merges = await trx
      .selectFrom('reviews')
      .select('id')
      .where('action', 'in', ['merge', 'split'])
      .limit(1)
      .executeTakeFirst();
    if (merges) return null;
    const undatedClaim = await trx
      .selectFrom('claims')
      .select('id')
      .where('first_date', 'is', null)
      .limit(1)
      .executeTakeFirst();
    if (undatedClaim) return null;
    const cuts = new Map<string, string>();
    const earliest = (country: string | null, date: string | null) => {
      const key = country ?? '';
      if (date && (!cuts.has(key) || date < cuts.get(key)!)) cuts.set(key, date);
    };
    for (let i = 0; i < articleIds.length; i += CHUNK) {
      const part = articleIds.slice(i, i + CHUNK);
      const now = await trx
        .selectFrom('facts')
        .select(['country', (eb) => eb.fn.min('fact_date').as('date')])
        .where('article_id', 'in', part)
        .groupBy('country')
        .execute();
      for (const r of now) earliest(r.country, r.date);
      const before = await trx
        .selectFrom('claim_facts')
        .innerJoin('claims', 'claims.id', 'claim_facts.claim_id')
        .select(['claims.country', (eb) => eb.fn.min('claims.first_date').as('date')])
        .where('claim_facts.article_id', 'in', part)
        .groupBy('claims.country')
        .execute();
      for (const r of before) earliest(r.country, r.date);
    }
    for (const country of countries) {
      if (!cuts.has(country)) return null;
      const q = trx.selectFrom('facts').select('id');
      const undated = await (country ? q.where('country', '=', country) : q.where('country', 'is', null))
        .where((eb) => eb.or([eb('fact_date', 'is', null), eb('fact_date', '=', '')]))
        .limit(1)
        .executeTakeFirst();
      if (undated) return null;
    }
    return cuts;
  }

  /** Clusters the whole store again (after an upgrade, or on request): in parts, with memory
   * that does not grow with the store (rebuildParts.ts), unless the store needs every event at
   * once or `whole` asks for the rebuild of every fact in memory (the same result). */
  async rebuild(options: { whole?: boolean } = {}): Promise<ClusterResult> {
    return inTransaction(this.db, async (trx) => {
      await this.lock(trx);
      await applyFactReviews(trx, null);
      // Every fact is clustered: no mark is left for the job.
      await trx.deleteFrom('cluster_marks').execute();
      await trx.deleteFrom('event_countries').execute();
      await trx.deleteFrom('event_checkpoints').execute();
      await trx.deleteFrom('events').execute();
      await trx.deleteFrom('claim_facts').execute();
      await trx.deleteFrom('claims').execute();
      const parts = options.whole ? null : await rebuildInParts(trx);
      if (parts) return parts;
      const facts = await loadClaimFacts(trx, null);
      return this.write(trx, facts, new Set(facts.map((f) => f.country ?? '')).size, false);
    });
  }

  /** Whether facts exist that no claim covers yet (a store from before claims existed), beyond
   * the marked articles' (the clustering job's work). */
  async needsRebuild(): Promise<boolean> {
    const r = await this.db
      .selectFrom('facts')
      .leftJoin('claim_facts', 'claim_facts.fact_id', 'facts.id')
      .where('claim_facts.fact_id', 'is', null)
      // A rejected figure stands behind no claim by design.
      .where((eb) =>
        eb.or([eb('facts.review_status', 'is', null), eb('facts.review_status', '!=', 'rejected')]),
      )
      // A marked article's facts wait for the clustering job, not for a rebuild.
      .where('facts.article_id', 'not in', (eb) => eb.selectFrom('cluster_marks').select('article_id'))
      .select('facts.id')
      .limit(1)
      .executeTakeFirst();
    return r !== undefined;
  }

  /** Serialises writers of claims and events (and of reviews, which rewrite them) across
   * processes on PostgreSQL, until the transaction ends; SQLite has one writer anyway. */
  async lock(trx: Trx): Promise<void> {
    if (this.engine === 'postgres') await sql`select pg_advisory_xact_lock(${CLUSTER_LOCK})`.execute(trx);
  }

  private async articleCountries(trx: Trx, articleIds: number[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (let i = 0; i < articleIds.length; i += CHUNK) {
      const part = articleIds.slice(i, i + CHUNK);
      const now = await trx
        .selectFrom('facts')
        .select('country')
        .distinct()
        .where('article_id', 'in', part)
        .execute();
      const before = await trx
        .selectFrom('claim_facts')
        .select('country')
        .distinct()
        .where('article_id', 'in', part)
        .execute();
      for (const r of [...now, ...before]) out.add(r.country ?? '');
    }
    return out;
  }

  /** Adds the countries of events that share a country with the set, and of storms close in
   * time to the set's storms, until nothing changes. */
  private async expand(trx: Trx, countries: Set<string>): Promise<Set<string>> {
    for (let i = 0; i < MAX_EXPANSIONS; i++) {
      const size = countries.size;
      const linked = await trx
        .selectFrom('event_countries as mine')
        .innerJoin('event_countries as other', 'other.event_id', 'mine.event_id')
        .select('other.country')
        .distinct()
        .where('mine.country', 'in', [...countries])
        .execute();
      for (const r of linked) countries.add(r.country);
      for (const c of await this.stormCountries(trx, countries)) countries.add(c);
      if (countries.size === size) break;
    }
    return countries;
  }

  private async stormCountries(trx: Trx, countries: Set<string>): Promise<string[]> {
    const named = [...countries].filter(Boolean);
    if (named.length === 0) return [];
    const span = await trx
      .selectFrom('facts')
      .select((eb) => [eb.fn.min('fact_date').as('lo'), eb.fn.max('fact_date').as('hi')])
      .where('hazard', '=', 'storm')
      .where('country', 'in', named)
      .executeTakeFirst();
    if (!span?.lo || !span.hi) return [];
    const shift = (d: string, days: number) =>
      new Date((dayNumber(d) + days) * 86_400_000).toISOString().slice(0, 10);
    const rows = await trx
      .selectFrom('facts')
      .select('country')
      .distinct()
      .where('hazard', '=', 'storm')
      .where('country', 'is not', null)
      .where('fact_date', '>=', shift(span.lo, -STORM_REACH_DAYS))
      .where('fact_date', '<=', shift(span.hi, STORM_REACH_DAYS))
      .execute();
    return rows.map((r) => r.country!);
  }

  private async recluster(trx: Trx, countries: string[]): Promise<ClusterResult> {
    const named = countries.filter(Boolean);
    const withoutCountry = countries.includes('');
    const inPartition = (column: string) =>
      sql<boolean>`(${named.length ? sql`${sql.ref(column)} in (${sql.join(named)})` : sql`1 = 0`} or ${
        withoutCountry ? sql`${sql.ref(column)} is null` : sql`1 = 0`
      })`;
    const events = trx.selectFrom('event_countries').select('event_id').where('country', 'in', countries);
    await trx.deleteFrom('events').where('id', 'in', events).execute();
    await trx.deleteFrom('event_checkpoints').where('event_id', 'in', events).execute();
    await trx.deleteFrom('event_countries').where('event_id', 'in', events).execute();
    await trx.deleteFrom('claim_facts').where(inPartition('country')).execute();
    await trx.deleteFrom('claims').where(inPartition('country')).execute();
    const facts = await loadClaimFacts(trx, countries);
    return this.write(trx, facts, countries.length, true);
  }

  /** `othersStored`: claims of other countries stay in the store (not a rebuild). */
  private async write(
    trx: Trx,
    facts: ClaimFact[],
    countries: number,
    othersStored: boolean,
  ): Promise<ClusterResult> {
    // A claim's id comes from its first report's article and quantity, with a suffix for the
    // second claim begun there: numbered together, one figure read in two countries got the id
    // and the suffix. Clustering one of them again alone would hand it the other's id; the ids
    // the claims left in the store hold are skipped instead, so each keeps its own.
    const taken = new Set<string>();
    let claims = corroborate(facts);
    const held = async () => (othersStored ? storedClaimIds(trx, claims) : []);
    for (let ids = await held(); ids.length; ids = await held()) {
      for (const id of ids) taken.add(id);
      claims = corroborate(facts, [], taken);
    }
    // Reviewers' merges and splits, over what the rules grouped.
    const events = applyEventReviews(clusterEvents(claims), await loadEventReviews(trx));
    const now = Date.now();
    const eventOf = new Map<string, string>();
    for (const e of events) for (const c of e.claims) eventOf.set(c.id, e.id);
    const names = new Map(claims.map((c) => [c.id, claimHazardName(c)]));
    const extras = (c: Claim) => ({ hazardName: names.get(c.id) ?? null, factCount: c.facts.length });
    const claimRows = claims.map((c) => claimRow(c, eventOf.get(c.id) ?? null, now, extras(c)));
    const links = claims.flatMap((c) =>
      c.facts.map((f) => ({
        fact_id: f.factId,
        claim_id: c.id,
        article_id: f.articleId,
        country: f.country,
      })),
    );
    const eventRows = events.map((e) => eventRow(e, now, extras));
    const checkpoints = events
      .filter((e) => e.claims.length >= checkpointMinClaims())
      .flatMap((e) =>
        foldClaims(
          e.id,
          new EventTally(),
          e.claims.map((claim) => ({ claim, ...extras(claim) })),
        ),
      );
    await insertChunks(trx, 'claims', claimRows);
    await insertChunks(trx, 'claim_facts', links);
    await insertChunks(trx, 'events', eventRows);
    await insertChunks(trx, 'event_countries', events.flatMap(eventCountryRows));
    await writeCheckpoints(trx, [], null, checkpoints);
    return { countries, facts: facts.length, claims: claims.length, events: events.length };
  }
}

/** The ids of these claims that stored claims already hold. */
async function storedClaimIds(trx: Trx, claims: readonly Claim[]): Promise<string[]> {
  const held: string[] = [];
  for (let i = 0; i < claims.length; i += CHUNK)
    for (const r of await trx
      .selectFrom('claims')
      .select('id')
      .where(
        'id',
        'in',
        claims.slice(i, i + CHUNK).map((c) => c.id),
      )
      .execute())
      held.push(r.id);
  return held;
}
