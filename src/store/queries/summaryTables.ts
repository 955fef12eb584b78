// The per-country summary and the time series read from the summary tables (migrations 010, 017
// and 022) instead of scanning the facts: indexed reads of a few thousand rows, whatever the store's
// size. They answer only filters the tables are keyed by (the country summary: country, one term,
// cause, hazard, or country, one term and a date range, or country, terms, a date range and a cause
// or a hazard; the time series: country, terms, cause, hazard, and a date range) and return null for any other, which the caller then computes from the
// facts. A date range's whole weeks or months are read from the tables and its partial ones at
// either end from the facts. The answers equal the direct ones (summary.test.ts).
import type { Kysely } from 'kysely';
import type { Engine } from '../engine.js';
import { CountryTables, seriesPoint } from './countryTables.js';
import type { Database } from '../schema.js';
import type { FactFilter } from './filter.js';
import type { CountrySummary, Interval, TimeseriesPoint } from './summary.js';
import { dayBefore, isDay, wholePeriods } from './wholePeriods.js';

/** The time series computed from the facts, for the partial periods of a date range. */
export type SeriesFromFacts = (filter: FactFilter, interval: Interval) => Promise<TimeseriesPoint[]>;

/** The filter keys each table is keyed by; a filter with any other key is computed from the facts. */
const COUNTRY_KEYS = new Set(['country', 'term', 'cause', 'hazard']);
const SERIES_KEYS = new Set(['country', 'term', 'cause', 'hazard', 'from', 'to']);
/** The country summary over a date range (migration 017): one term at most, no cause or hazard. */
const RANGE_KEYS = new Set(['country', 'term', 'from', 'to']);
const ANY = '*';

const usedKeys = (f: FactFilter) =>
  Object.entries(f)
    .filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0))
    .map(([k]) => k);

/** Countries with the most matching facts first, then by code. */
export const byFactsThenCountry = (a: CountrySummary, b: CountrySummary) =>
  b.facts - a.facts || a.country.localeCompare(b.country);

export class SummaryTables {
  private readonly byCountry: CountryTables;

  constructor(
    private readonly db: Kysely<Database>,
    engine: Engine,
  ) {
    this.byCountry = new CountryTables(db, engine);
  }

  async countries(filter: FactFilter): Promise<CountrySummary[] | null> {
    const keys = usedKeys(filter);
    const { from, to } = filter;
    if ((from && !isDay(from)) || (to && !isDay(to))) return null;
    // A date range with a cause or a hazard (migration 022): its rows are the facts' finest cells,
    // so any terms may be asked together.
    if ((from || to) && (filter.cause || filter.hazard) && keys.every((k) => SERIES_KEYS.has(k)))
      return (await this.byCountry.withCause(filter)).sort(byFactsThenCountry);
    // Distinct articles of two terms together do not add up: one term or all of them.
    if ((filter.term?.length ?? 0) > 1) return null;
    if ((from || to) && keys.every((k) => RANGE_KEYS.has(k)))
      return (await this.byCountry.countries(filter)).sort(byFactsThenCountry);
    if (!keys.every((k) => COUNTRY_KEYS.has(k))) return null;
    const cell = this.db
      .selectFrom('summary_countries')
      .where('cause', '=', filter.cause || ANY)
      .where('hazard', '=', filter.hazard || ANY)
      .where('facts', '>', 0)
      .$if(!!filter.country?.length, (q) => q.where('country', 'in', filter.country!));
    const term = filter.term?.[0];
    const rows = await cell
      .where('term', '=', term ?? ANY)
      .select(['country', 'facts', 'articles', 'max_people', 'first_date', 'last_date'])
      .execute();
    const terms = await cell
      .where('term', term ? '=' : '!=', term ?? ANY)
      .select(['country', 'term', 'facts'])
      .execute();
    const byCountry = new Map<string, Record<string, number>>();
    for (const t of terms) {
      const m = byCountry.get(t.country) ?? {};
      m[t.term] = Number(t.facts);
      byCountry.set(t.country, m);
    }
    return rows
      .map((r) => ({
        country: r.country,
        facts: Number(r.facts),
        articles: Number(r.articles),
        max_people: r.max_people === null ? null : Number(r.max_people),
        first_date: r.first_date,
        last_date: r.last_date,
        terms: byCountry.get(r.country) ?? {},
      }))
      .sort(byFactsThenCountry);
  }

  async timeseries(
    filter: FactFilter,
    interval: Interval,
    fromFacts: SeriesFromFacts,
  ): Promise<TimeseriesPoint[] | null> {
    if (!usedKeys(filter).every((k) => SERIES_KEYS.has(k))) return null;
    const { from, to, ...rest } = filter;
    if ((from && !isDay(from)) || (to && !isDay(to))) return null;
    const { first, end } = wholePeriods(interval, from, to);
    // No whole period inside the range: a few days of facts.
    if (first && end && first >= end) return fromFacts(filter, interval);
    // Periods before `first`, from `first` up to `end`, from `end` on: in that order.
    const head =
      from && first && from < first ? await fromFacts({ ...rest, from, to: dayBefore(first) }, interval) : [];
    const middle = await this.series(rest, interval, first, end);
    const tail = to && end && end <= to ? await fromFacts({ ...rest, from: end, to }, interval) : [];
    return [...head, ...middle, ...tail];
  }

  /** The summary table's rows of periods starting in [first, end), either bound optional. */
  private async series(
    filter: FactFilter,
    interval: Interval,
    first?: string,
    end?: string,
  ): Promise<TimeseriesPoint[]> {
    if (filter.country?.length) return this.byCountry.series(filter, interval, first, end);
    const rows = await this.db
      .selectFrom('summary_timeseries')
      .where('grain', '=', interval)
      .where('cause', '=', filter.cause || ANY)
      .where('hazard', '=', filter.hazard || ANY)
      .where('facts', '>', 0)
      .$if(!!filter.term?.length, (q) => q.where('term', 'in', filter.term!))
      .$if(!!first, (q) => q.where('period', '>=', first!))
      .$if(!!end, (q) => q.where('period', '<', end!))
      .select(['period', 'term', 'stock_or_flow', 'facts', 'people_n', 'sum_people', 'max_people'])
      .orderBy('period')
      .orderBy('term')
      .orderBy('stock_or_flow')
      .execute();
    return rows.map(seriesPoint);
  }
}
