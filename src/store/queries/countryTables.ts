// The answers of migration 017's country summaries: the time series of one or more countries
// (summary_country_series) and the per-country summary over a date range (the whole months from
// summary_country_months, the partial ones at either end from the facts, and the distinct
// articles from summary_article_days); with a cause or a hazard, from migration 022's
// summary_cause_days (and the distinct articles without a term from 026's summary_cause_articles). summaryTables.ts decides when they are asked; the answers
// equal the direct ones (summary.test.ts).
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../engine.js';
import type { Database } from '../schema.js';
import { factWhere, type FactFilter } from './filter.js';
import type { CountrySummary, Interval, TimeseriesPoint } from './summary.js';
import { dayBefore, wholePeriods } from './wholePeriods.js';

const ANY = '*';

/** What adds up across months for one country: all but the distinct articles. */
interface CountryCell {
  facts: number;
  max_people: number | null;
  first_date: string | null;
  last_date: string | null;
  terms: Record<string, number>;
}

const NOTHING = { facts: 0, max_people: null, first_date: null, last_date: null } as const;
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** A time-series row of a summary table (its sums kept with the count of figures they add up). */
export interface SeriesRow {
  period: string;
  term: string;
  stock_or_flow: string;
  facts: unknown;
  max_people: unknown;
  people_n: unknown;
  sum_people: unknown;
}

/** One point of a series from a summary table: no sum where no figure was summed. */
export function seriesPoint(r: SeriesRow): TimeseriesPoint {
  return {
    period: r.period,
    term: r.term,
    stock_or_flow: r.stock_or_flow === 'stock' ? 'stock' : 'flow',
    facts: Number(r.facts),
    max_people: num(r.max_people),
    sum_people: Number(r.people_n) > 0 ? Number(r.sum_people) : null,
  };
}
const larger = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));
const earlier = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);
const later = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);

export class CountryTables {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly engine: Engine,
  ) {}

  /** The time series of the countries in `filter.country` for periods starting in [first, end),
   * either bound optional; the other keys of `filter` are term, cause and hazard. */
  async series(
    filter: FactFilter,
    interval: Interval,
    first?: string,
    end?: string,
  ): Promise<TimeseriesPoint[]> {
    const rows = await this.db
      .selectFrom('summary_country_series')
      .where('grain', '=', interval)
      .where('country', 'in', filter.country!)
      .$if(!!filter.cause, (q) => q.where('cause', '=', filter.cause!))
      .$if(!!filter.hazard, (q) => q.where('hazard', '=', filter.hazard!))
      .$if(!!filter.term?.length, (q) => q.where('term', 'in', filter.term!))
      .$if(!!first, (q) => q.where('period', '>=', first!))
      .$if(!!end, (q) => q.where('period', '<', end!))
      .select((eb) => [
        'period',
        'term',
        'stock_or_flow',
        eb.fn.sum<number>('facts').as('facts'),
        eb.fn.sum<number>('people_n').as('people_n'),
        eb.fn.sum<number>('sum_people').as('sum_people'),
        eb.fn.max('max_people').as('max_people'),
      ])
      .groupBy(['period', 'term', 'stock_or_flow'])
      .having((eb) => eb.fn.sum('facts'), '>', 0)
      .orderBy('period')
      .orderBy('term')
      .orderBy('stock_or_flow')
      .execute();
    return rows.map(seriesPoint);
  }

  /** The per-country summary of the facts dated in [from, to] (either optional, one given, both
   * real days), optionally of some countries only and of one term. */
  async countries(filter: FactFilter): Promise<CountrySummary[]> {
    const { from, to, country } = filter;
    const term = filter.term?.[0];
    const { first, end } = wholePeriods('month', from, to);
    const cells = new Map<string, CountryCell>();
    const add = (c: string, cell: CountryCell) => {
      const had = cells.get(c);
      if (!had) return cells.set(c, cell);
      had.facts += cell.facts;
      had.max_people = larger(had.max_people, cell.max_people);
      had.first_date = earlier(had.first_date, cell.first_date);
      had.last_date = later(had.last_date, cell.last_date);
      for (const [t, n] of Object.entries(cell.terms)) had.terms[t] = (had.terms[t] ?? 0) + n;
    };
    const partial: FactFilter[] = [];
    const only = term ? { term: [term] } : {};
    if (first && end && first >= end) partial.push({ ...only, country, from, to });
    else {
      if (from && first && from < first) partial.push({ ...only, country, from, to: dayBefore(first) });
      await this.wholeMonths(country, term, first, end, add);
      if (to && end && end <= to) partial.push({ ...only, country, from: end, to });
    }
    for (const f of partial) await this.fromFacts(f, add);
    const articles = await this.articles(country, term, from, to);
    return [...cells]
      .filter(([, c]) => c.facts > 0)
      .map(([c, cell]) => ({
        country: c,
        facts: cell.facts,
        articles: articles.get(c) ?? 0,
        max_people: cell.max_people,
        first_date: cell.first_date,
        last_date: cell.last_date,
        terms: cell.terms,
      }));
  }

  /** The per-country summary of the facts dated in [from, to] (either optional) with a cause or a
   * hazard or both, optionally of some countries and terms, from summary_cause_days (migration
   * 022): facts, largest figure, dates and terms in one grouped read, the distinct articles in
   * another, over the same rows. */
  async withCause(filter: FactFilter): Promise<CountrySummary[]> {
    const { from, to, country, term, cause, hazard } = filter;
    const rows = this.db
      .selectFrom('summary_cause_days')
      .$if(!!cause, (q) => q.where('cause', '=', cause!))
      .$if(!!hazard, (q) => q.where('hazard', '=', hazard!))
      .$if(!!from, (q) => q.where('day', '>=', from!))
      .$if(!!to, (q) => q.where('day', '<=', to!))
      .$if(!!country?.length, (q) => q.where('country', 'in', country!))
      .$if(!!term?.length, (q) => q.where('term', 'in', term!));
    const cells =
      this.engine === 'sqlite' && cause
        ? await this.causeCells(filter)
        : await rows
            .select((eb) => [
              'country',
              'term',
              eb.fn.sum<number>('n').as('facts'),
              eb.fn.max('max_people').as('max_people'),
              eb.fn.min('day').as('first_date'),
              eb.fn.max('day').as('last_date'),
            ])
            .groupBy(['country', 'term'])
            .execute();
    // Without a term, from migration 026's table: the same cells without the term, so an article
    // with facts of several terms is one row a day, not one per term.
    const articles = term?.length
      ? await rows
          .select((eb) => ['country', eb.fn.count<number>('article_id').distinct().as('n')])
          .groupBy('country')
          .execute()
      : await this.db
          .selectFrom('summary_cause_articles')
          .$if(!!cause, (q) => q.where('cause', '=', cause!))
          .$if(!!hazard, (q) => q.where('hazard', '=', hazard!))
          .$if(!!from, (q) => q.where('day', '>=', from!))
          .$if(!!to, (q) => q.where('day', '<=', to!))
          .$if(!!country?.length, (q) => q.where('country', 'in', country!))
          .select((eb) => ['country', eb.fn.count<number>('article_id').distinct().as('n')])
          .groupBy('country')
          .execute();
    const count = new Map(articles.map((r) => [r.country, Number(r.n)]));
    const out = new Map<string, CountrySummary>();
    for (const r of cells) {
      const facts = Number(r.facts);
      if (facts <= 0) continue;
      const c = out.get(r.country);
      const cell = {
        max_people: num(r.max_people),
        first_date: r.first_date as string | null,
        last_date: r.last_date as string | null,
      };
      if (!c) {
        out.set(r.country, {
          country: r.country,
          facts,
          articles: count.get(r.country) ?? 0,
          ...cell,
          terms: { [r.term]: facts },
        });
        continue;
      }
      c.facts += facts;
      c.max_people = larger(c.max_people, cell.max_people);
      c.first_date = earlier(c.first_date, cell.first_date);
      c.last_date = later(c.last_date, cell.last_date);
      c.terms[r.term] = facts;
    }
    return [...out.values()];
  }

  /** withCause's grouped read on SQLite, given a cause: the same rows grouped by country and term
   * without sorting them (SQLite groups by sorting unless the rows come in group order). The
   * cause's (country, term) pairs are listed in order from migration 025's index (skipping ahead
   * from pair to pair), and each pair's days in the range are one range of the same index, so the
   * rows arrive grouped; the CROSS JOIN keeps the pairs outside. The terms are tested on the
   * ranges, not on the pairs (`+` keeps SQLite from carrying the test over to them): with them on
   * the pairs, SQLite at 1 M facts' statistics listed the pairs from the hazard index, skipping
   * over every hazard and day, and sorted them (countriesPlan.test.ts). */
  private causeCells(filter: FactFilter) {
    const { from, to, country, term, cause, hazard } = filter;
    const pairs = this.db
      .selectFrom('summary_cause_days')
      .where('cause', '=', cause!)
      .$if(!!country?.length, (q) => q.where('country', 'in', country!))
      .select(['country', 'term'])
      .distinct()
      .orderBy('country')
      .orderBy('term');
    return this.db
      .selectFrom(pairs.as('p'))
      .crossJoin('summary_cause_days as s')
      .where('s.cause', '=', cause!)
      .whereRef('s.country', '=', 'p.country')
      .whereRef('s.term', '=', 'p.term')
      .$if(!!from, (q) => q.where('s.day', '>=', from!))
      .$if(!!to, (q) => q.where('s.day', '<=', to!))
      .$if(!!term?.length, (q) => q.where(sql<string>`+s.term`, 'in', term!))
      .$if(!!hazard, (q) => q.where('s.hazard', '=', hazard!))
      .select((eb) => [
        'p.country',
        'p.term',
        eb.fn.sum<number>('s.n').as('facts'),
        eb.fn.max('s.max_people').as('max_people'),
        eb.fn.min('s.day').as('first_date'),
        eb.fn.max('s.day').as('last_date'),
      ])
      .groupBy(['p.country', 'p.term'])
      .execute();
  }

  /** Adds the months starting in [first, end) of summary_country_months: of every term, or of one
   * (its row is then both the total and the one entry of `terms`). */
  private async wholeMonths(
    country: string[] | undefined,
    term: string | undefined,
    first: string | undefined,
    end: string | undefined,
    add: (c: string, cell: CountryCell) => void,
  ): Promise<void> {
    const rows = await this.db
      .selectFrom('summary_country_months')
      .$if(!!country?.length, (q) => q.where('country', 'in', country!))
      .$if(!!term, (q) => q.where('term', '=', term!))
      .$if(!!first, (q) => q.where('month', '>=', first!))
      .$if(!!end, (q) => q.where('month', '<', end!))
      .where('facts', '>', 0)
      .select((eb) => [
        'term',
        'country',
        eb.fn.sum<number>('facts').as('facts'),
        eb.fn.max('max_people').as('max_people'),
        eb.fn.min('first_date').as('first_date'),
        eb.fn.max('last_date').as('last_date'),
      ])
      .groupBy(['term', 'country'])
      .execute();
    for (const r of rows) {
      if (r.term === ANY || term)
        add(r.country, {
          facts: Number(r.facts),
          max_people: num(r.max_people),
          first_date: r.first_date,
          last_date: r.last_date,
          terms: {},
        });
      if (r.term !== ANY) add(r.country, { ...NOTHING, terms: { [r.term]: Number(r.facts) } });
    }
  }

  /** Adds the facts of a partial month, read from the facts themselves. */
  private async fromFacts(filter: FactFilter, add: (c: string, cell: CountryCell) => void): Promise<void> {
    const rows = await this.db
      .selectFrom('facts')
      .where(factWhere(this.engine, filter))
      .where('facts.country', 'is not', null)
      .select((eb) => [
        'facts.country',
        'facts.term',
        eb.fn.countAll<number>().as('facts'),
        eb.fn.max('facts.people').as('max_people'),
        eb.fn.min(sql<string>`nullif(facts.fact_date, '')`).as('first_date'),
        eb.fn.max(sql<string>`nullif(facts.fact_date, '')`).as('last_date'),
      ])
      .groupBy(['facts.country', 'facts.term'])
      .execute();
    for (const r of rows)
      add(r.country!, {
        facts: Number(r.facts),
        max_people: num(r.max_people),
        first_date: r.first_date ?? null,
        last_date: r.last_date ?? null,
        terms: { [r.term]: Number(r.facts) },
      });
  }

  /** Distinct articles per country with a counted fact (of `term`, or any) dated in [from, to]. The
   * read names only the primary key's columns, so it is answered from that index alone (no table
   * lookup per row): a row whose count falls to 0 is deleted in the same statement (017's and 019's
   * triggers), so every row stored counts (summary.test.ts checks it; articlesPlan.test.ts the plan). */
  private async articles(
    country: string[] | undefined,
    term: string | undefined,
    from?: string,
    to?: string,
  ): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('summary_article_days')
      .where('term', '=', term ?? ANY)
      .$if(!!from, (q) => q.where('day', '>=', from!))
      .$if(!!to, (q) => q.where('day', '<=', to!))
      .$if(!!country?.length, (q) => q.where('country', 'in', country!))
      .select((eb) => ['country', eb.fn.count<number>('article_id').distinct().as('n')])
      .groupBy('country')
      .execute();
    return new Map(rows.map((r) => [r.country, Number(r.n)]));
  }
}
