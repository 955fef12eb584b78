// Aggregates over facts: per country, and per period and term. Read from the summary tables
// (summaryTables.ts, migrations 010 and 017) when the filter allows, else computed from the facts here.
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../engine.js';
import { AggregateCache } from './cache.js';
import type { Database } from '../schema.js';
import { factWhere, type FactFilter } from './filter.js';
import { byFactsThenCountry, SummaryTables } from './summaryTables.js';

export interface CountrySummary {
  country: string;
  facts: number;
  articles: number;
  /** The largest single figure in people among the matching facts. */
  max_people: number | null;
  first_date: string | null;
  last_date: string | null;
  terms: Record<string, number>;
}

export type Interval = 'week' | 'month';

export interface TimeseriesPoint {
  /** First day of the week (Monday) or month, YYYY-MM-DD. */
  period: string;
  term: string;
  /** Stocks (people displaced at the time) and flows (new movements) are kept apart: a stock
   * is a level, so adding it to a flow, or to the same stock reported again, counts people twice. */
  stock_or_flow: 'stock' | 'flow';
  facts: number;
  max_people: number | null;
  sum_people: number | null;
}

export class Summaries {
  private readonly cache: AggregateCache;
  private readonly seriesCache: AggregateCache;
  /** The same answers read from the summary tables, for the filters they are keyed by. */
  readonly summaryTables: SummaryTables;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly engine: Engine,
  ) {
    this.cache = new AggregateCache(db);
    this.seriesCache = new AggregateCache(db, 32);
    this.summaryTables = new SummaryTables(db, engine);
  }

  /** The facts' version (migration 016): it changes whenever a fact is written or removed, so an
   * aggregate answered at one version is the answer for as long as the version stays. Read it
   * before the aggregate, so that a write in between makes a tag older than the answer. */
  version(): Promise<string> {
    return this.cache.version();
  }

  /** Per-country summary of the matching facts: from the summary tables when the filter is one
   * they are keyed by, else computed from the facts; kept until the facts change either way (an
   * answer from the tables costs 2-340 ms of CPU at 1 M facts, a kept one a version read). */
  async countries(filter: FactFilter = {}): Promise<CountrySummary[]> {
    return this.cache.get(
      `countries:${JSON.stringify(filter)}`,
      async () => (await this.summaryTables.countries(filter)) ?? this.countriesFromFacts(filter),
    );
  }

  /** Facts per period, term, and stock or flow: from the summary tables when they can answer,
   * else computed from the facts; kept until the facts change, in a smaller cache than the
   * country summaries' (a weekly series can hold thousands of points). */
  async timeseries(filter: FactFilter, interval: Interval): Promise<TimeseriesPoint[]> {
    return this.seriesCache.get(
      `timeseries:${interval}:${JSON.stringify(filter)}`,
      async () =>
        (await this.summaryTables.timeseries(filter, interval, (f, i) => this.timeseriesFromFacts(f, i))) ??
        this.timeseriesFromFacts(filter, interval),
    );
  }

  /** The per-country summary computed from the facts themselves (the summary table's reference). */
  async countriesFromFacts(filter: FactFilter): Promise<CountrySummary[]> {
    const base = this.db
      .selectFrom('facts')
      .where(factWhere(this.engine, filter))
      .where('facts.country', 'is not', null);
    const rows = await base
      .select((eb) => [
        'facts.country',
        eb.fn.countAll<number>().as('facts'),
        eb.fn.max('facts.people').as('max_people'),
        eb.fn.min(sql<string>`nullif(facts.fact_date, '')`).as('first_date'),
        eb.fn.max(sql<string>`nullif(facts.fact_date, '')`).as('last_date'),
      ])
      .groupBy('facts.country')
      .execute();
    // Distinct articles per country through a DISTINCT subquery: it streams over the
    // (country, article_id, …) index where COUNT(DISTINCT) would build a temporary tree.
    const articles = await this.db
      .selectFrom(base.select(['facts.country', 'facts.article_id']).distinct().as('d'))
      .select((eb) => ['d.country', eb.fn.countAll<number>().as('n')])
      .groupBy('d.country')
      .execute();
    const articleCount = new Map(articles.map((a) => [a.country, Number(a.n)]));
    const terms = await base
      .select((eb) => ['facts.country', 'facts.term', eb.fn.countAll<number>().as('n')])
      .groupBy(['facts.country', 'facts.term'])
      .execute();
    const byCountry = new Map<string, Record<string, number>>();
    for (const t of terms) {
      const m = byCountry.get(t.country!) ?? {};
      m[t.term] = Number(t.n);
      byCountry.set(t.country!, m);
    }
    return rows
      .map((r) => ({
        country: r.country!,
        facts: Number(r.facts),
        articles: articleCount.get(r.country) ?? 0,
        max_people: r.max_people === null ? null : Number(r.max_people),
        first_date: r.first_date ?? null,
        last_date: r.last_date ?? null,
        terms: byCountry.get(r.country!) ?? {},
      }))
      .sort(byFactsThenCountry);
  }

  /** The time series computed from the facts themselves (the summary table's reference). */
  async timeseriesFromFacts(filter: FactFilter, interval: Interval): Promise<TimeseriesPoint[]> {
    const period =
      interval === 'month'
        ? sql<string>`substr(facts.fact_date, 1, 7) || '-01'`
        : this.engine === 'postgres'
          ? sql<string>`to_char(date_trunc('week', facts.fact_date::date), 'YYYY-MM-DD')`
          : sql<string>`date(facts.fact_date, 'weekday 0', '-6 days')`;
    const rows = await this.db
      .selectFrom('facts')
      .where(factWhere(this.engine, filter))
      .where('facts.fact_date', '!=', '')
      .select((eb) => [
        period.as('period'),
        'facts.term',
        'facts.stock_or_flow',
        eb.fn.countAll<number>().as('facts'),
        eb.fn.max('facts.people').as('max_people'),
        eb.fn.sum<number>('facts.people').as('sum_people'),
      ])
      .groupBy([period, 'facts.term', 'facts.stock_or_flow'])
      .orderBy(period)
      .orderBy('facts.term')
      .orderBy('facts.stock_or_flow')
      .execute();
    return rows.map((r) => ({
      period: r.period,
      term: r.term,
      stock_or_flow: r.stock_or_flow === 'stock' ? 'stock' : 'flow',
      facts: Number(r.facts),
      max_people: r.max_people === null ? null : Number(r.max_people),
      sum_people: r.sum_people === null ? null : Number(r.sum_people),
    }));
  }
}
