// Keeps claims and events up to date with the facts. When an article's facts are stored, the
// countries they touch (and the countries of events already linked to those, and of storms
// in the same weeks, which cross borders) are clustered again from their facts and their
// rows replaced, in one transaction. Clustering is a pure function of the facts (src/claims,
// src/events), so this equals clustering the whole store, and ids stay stable.
// On PostgreSQL a transaction-scoped advisory lock serialises clustering across workers:
// two workers storing reports of one event one after the other, never interleaved, so they
// cannot create two events for one.
import { sql, type Kysely } from 'kysely';
import { corroborate } from '../../claims/corroborate.js';
import { dayNumber } from '../../claims/dates.js';
import type { Claim, ClaimFact } from '../../claims/types.js';
import { clusterEvents } from '../../events/cluster.js';
import type { DisplacementEvent } from '../../events/types.js';
import { recommendFigures } from '../../figures/recommend.js';
import type { Engine } from '../engine.js';
import type { Database } from '../schema.js';
import { applyEventReviews } from '../../review/events.js';
import { loadClaimFacts } from './claimFacts.js';
import { applyFactReviews, loadEventReviews } from './reviewApply.js';
import { inTransaction } from './transaction.js';

/** Arbitrary constant naming the clustering lock among PostgreSQL advisory locks. */
const CLUSTER_LOCK = 947_301;
const CHUNK = 400;
/** Storms within this many days of the new facts may share an event across a border. */
const STORM_REACH_DAYS = 60;
const MAX_EXPANSIONS = 20;

type Trx = Kysely<Database>;

export interface ClusterResult {
  countries: number;
  facts: number;
  claims: number;
  events: number;
}

export class Clustering {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly engine: Engine,
  ) {}

  /** Clusters again what the given articles' facts (current and former) touch. */
  async updateForArticles(articleIds: number[]): Promise<ClusterResult> {
    if (articleIds.length === 0) return { countries: 0, facts: 0, claims: 0, events: 0 };
    return inTransaction(this.db, (trx) => this.updateInTransaction(trx, articleIds));
  }

  /** updateForArticles inside the caller's transaction (a review and its effects commit together).
   * Reviews are written over the articles' facts first (a new extraction arrives without them). */
  async updateInTransaction(trx: Trx, articleIds: number[]): Promise<ClusterResult> {
    if (articleIds.length === 0) return { countries: 0, facts: 0, claims: 0, events: 0 };
    await this.lock(trx);
    await applyFactReviews(trx, articleIds);
    const seed = await this.articleCountries(trx, articleIds);
    if (seed.size === 0) return { countries: 0, facts: 0, claims: 0, events: 0 };
    const countries = await this.expand(trx, seed);
    return this.recluster(trx, [...countries]);
  }

  /** Clusters the whole store again (after an upgrade, or on request). */
  async rebuild(): Promise<ClusterResult> {
    return inTransaction(this.db, async (trx) => {
      await this.lock(trx);
      await applyFactReviews(trx, null);
      await trx.deleteFrom('event_countries').execute();
      await trx.deleteFrom('events').execute();
      await trx.deleteFrom('claim_facts').execute();
      await trx.deleteFrom('claims').execute();
      const facts = await loadClaimFacts(trx, null);
      return this.write(trx, facts, new Set(facts.map((f) => f.country ?? '')).size);
    });
  }

  /** Whether facts exist that no claim covers yet (a store from before claims existed). */
  async needsRebuild(): Promise<boolean> {
    const r = await this.db
      .selectFrom('facts')
      .leftJoin('claim_facts', 'claim_facts.fact_id', 'facts.id')
      .where('claim_facts.fact_id', 'is', null)
      // A rejected figure stands behind no claim by design.
      .where((eb) =>
        eb.or([eb('facts.review_status', 'is', null), eb('facts.review_status', '!=', 'rejected')]),
      )
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
    const now = await trx
      .selectFrom('facts')
      .select('country')
      .distinct()
      .where('article_id', 'in', articleIds)
      .execute();
    const before = await trx
      .selectFrom('claim_facts')
      .select('country')
      .distinct()
      .where('article_id', 'in', articleIds)
      .execute();
    return new Set([...now, ...before].map((r) => r.country ?? ''));
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
    await trx.deleteFrom('event_countries').where('event_id', 'in', events).execute();
    await trx.deleteFrom('claim_facts').where(inPartition('country')).execute();
    await trx.deleteFrom('claims').where(inPartition('country')).execute();
    const facts = await loadClaimFacts(trx, countries);
    return this.write(trx, facts, countries.length);
  }

  private async write(trx: Trx, facts: ClaimFact[], countries: number): Promise<ClusterResult> {
    const claims = corroborate(facts);
    // Reviewers' merges and splits, over what the rules grouped.
    const events = applyEventReviews(clusterEvents(claims), await loadEventReviews(trx));
    const now = Date.now();
    const eventOf = new Map<string, string>();
    for (const e of events) for (const c of e.claims) eventOf.set(c.id, e.id);
    const claimRows = claims.map((c) => claimRow(c, eventOf.get(c.id) ?? null, now));
    const links = claims.flatMap((c) =>
      c.facts.map((f) => ({
        fact_id: f.factId,
        claim_id: c.id,
        article_id: f.articleId,
        country: f.country,
      })),
    );
    const eventRows = events.map((e) => eventRow(e, now));
    const countryRows = events.flatMap((e) =>
      [...new Set(e.claims.map((c) => c.country ?? ''))].map((country) => ({ event_id: e.id, country })),
    );
    for (let i = 0; i < claimRows.length; i += CHUNK)
      await trx
        .insertInto('claims')
        .values(claimRows.slice(i, i + CHUNK))
        .execute();
    for (let i = 0; i < links.length; i += CHUNK)
      await trx
        .insertInto('claim_facts')
        .values(links.slice(i, i + CHUNK))
        .execute();
    for (let i = 0; i < eventRows.length; i += CHUNK)
      await trx
        .insertInto('events')
        .values(eventRows.slice(i, i + CHUNK))
        .execute();
    for (let i = 0; i < countryRows.length; i += CHUNK)
      await trx
        .insertInto('event_countries')
        .values(countryRows.slice(i, i + CHUNK))
        .execute();
    return { countries, facts: facts.length, claims: claims.length, events: events.length };
  }
}

function claimRow(c: Claim, eventId: string | null, now: number) {
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
  };
}

function eventRow(e: DisplacementEvent, now: number) {
  const figures = recommendFigures(e.claims);
  const r = figures.recommended;
  return {
    id: e.id,
    name: e.name,
    hazard_name: e.hazardName,
    cause: e.cause,
    hazard: e.hazard,
    countries: JSON.stringify(e.countries),
    places: JSON.stringify(e.places),
    first_date: e.firstDate,
    last_date: e.lastDate,
    claim_count: e.claims.length,
    fact_count: e.claims.reduce((n, c) => n + c.facts.length, 0),
    figure: r?.figure ?? null,
    figure_unit: r?.unit ?? null,
    figure_people: r?.people ?? null,
    figure_term_class: r?.termClass ?? null,
    figure_stock_or_flow: r?.stockOrFlow ?? null,
    figure_claim_id: r?.claimId ?? null,
    figure_reason: r?.reason ?? null,
    figures: JSON.stringify(figures.byKind),
    updated_at: now,
  };
}
