// The summary tables (migrations 010 and 017), maintained by triggers on facts and read by
// summaryTables.ts and countryTables.ts.
// '*' in term, cause or hazard is a roll-up over every value; '' is a fact with no cause or hazard.

export interface SummaryCountriesTable {
  term: string;
  cause: string;
  hazard: string;
  country: string;
  facts: number;
  articles: number;
  max_people: number | null;
  first_date: string | null;
  last_date: string | null;
}

export interface SummaryTimeseriesTable {
  grain: 'week' | 'month';
  cause: string;
  hazard: string;
  period: string;
  term: string;
  stock_or_flow: string;
  facts: number;
  people_n: number;
  sum_people: number;
  max_people: number | null;
}

/** Each article's facts per finest cell, so that distinct articles can be kept per roll-up. */
export interface SummaryArticleCellsTable {
  country: string;
  article_id: number;
  term: string;
  cause: string;
  hazard: string;
  n: number;
}

/** The time series per country at its finest cell (migration 017); '' is no cause or hazard. */
export interface SummaryCountrySeriesTable {
  grain: 'week' | 'month';
  country: string;
  period: string;
  term: string;
  stock_or_flow: string;
  cause: string;
  hazard: string;
  facts: number;
  people_n: number;
  sum_people: number;
  max_people: number | null;
}

/** Per term ('*': any) x month x country: what adds up across months (migration 017). */
export interface SummaryCountryMonthsTable {
  term: string;
  /** The month's first day, YYYY-MM-01. */
  month: string;
  country: string;
  facts: number;
  max_people: number | null;
  first_date: string | null;
  last_date: string | null;
}

/** Each article's counted facts per term ('*': any) x country x day, for distinct articles over
 * any date range (migration 017). */
export interface SummaryArticleDaysTable {
  term: string;
  day: string;
  country: string;
  article_id: number;
  n: number;
}

/** One row (id 1): the facts' version, bumped by triggers on every fact write (migration 016). */
export interface FactsVersionTable {
  id: number;
  version: number;
}

export interface SummaryDatabase {
  facts_version: FactsVersionTable;
  summary_countries: SummaryCountriesTable;
  summary_timeseries: SummaryTimeseriesTable;
  summary_article_cells: SummaryArticleCellsTable;
  summary_country_series: SummaryCountrySeriesTable;
  summary_country_months: SummaryCountryMonthsTable;
  summary_article_days: SummaryArticleDaysTable;
}
