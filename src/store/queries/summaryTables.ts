// The per-country summary and the time series read from the summary tables (migration 010)
// instead of scanning the facts: one indexed read of at most a few thousand rows, whatever the
// store's size. They answer only filters the tables are keyed by (country, one term, cause,
// hazard; the time series: terms, cause, hazard) and return null for any other, which the
// caller then computes from the facts. The answers equal the direct ones (summary.test.ts).
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { FactFilter } from './filter.js';
import type { CountrySummary, Interval, TimeseriesPoint } from './summary.js';

/** The filter keys each table is keyed by; a filter with any other key is computed from the facts. */
const COUNTRY_KEYS = new Set(['country', 'term', 'cause', 'hazard']);
const SERIES_KEYS = new Set(['term', 'cause', 'hazard']);
const ANY = '*';

const usedKeys = (f: FactFilter) =>
  Object.entries(f)
    .filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0))
    .map(([k]) => k);

/** Countries with the most matching facts first, then by code. */
export const byFactsThenCountry = (a: CountrySummary, b: CountrySummary) =>
  b.facts - a.facts || a.country.localeCompare(b.country);

export class SummaryTables {
  constructor(private readonly db: Kysely<Database>) {}

  async countries(filter: FactFilter): Promise<CountrySummary[] | null> {
    if (!usedKeys(filter).every((k) => COUNTRY_KEYS.has(k))) return null;
    // Distinct articles of two terms together do not add up: one term or all of them.
    if ((filter.term?.length ?? 0) > 1) return null;
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

  async timeseries(filter: FactFilter, interval: Interval): Promise<TimeseriesPoint[] | null> {
    if (!usedKeys(filter).every((k) => SERIES_KEYS.has(k))) return null;
    const rows = await this.db
      .selectFrom('summary_timeseries')
      .where('grain', '=', interval)
      .where('cause', '=', filter.cause || ANY)
      .where('hazard', '=', filter.hazard || ANY)
      .where('facts', '>', 0)
      .$if(!!filter.term?.length, (q) => q.where('term', 'in', filter.term!))
      .select(['period', 'term', 'stock_or_flow', 'facts', 'people_n', 'sum_people', 'max_people'])
      .orderBy('period')
      .orderBy('term')
      .orderBy('stock_or_flow')
      .execute();
    return rows.map((r) => ({
      period: r.period,
      term: r.term,
      stock_or_flow: r.stock_or_flow === 'stock' ? 'stock' : 'flow',
      facts: Number(r.facts),
      max_people: r.max_people === null ? null : Number(r.max_people),
      sum_people: Number(r.people_n) > 0 ? Number(r.sum_people) : null,
    }));
  }
}
