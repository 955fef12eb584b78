// The summary tables (migrations 010, 017 and 022), maintained by triggers on facts (010's grouped per
// batch of inserted or deleted facts since migration 018) and read by summaryTables.ts and
// countryTables.ts.
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

/** The time series per country at its finest cell (migration 018); '' is no cause or hazard. */
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

/** Per term ('*': any) x month x country: what adds up across months (migration 018). */
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
 * any date range (migration 018). */
export interface SummaryArticleDaysTable {
  term: string;
  day: string;
  country: string;
  article_id: number;
  n: number;
}

/** Each article's counted facts with a cause or a hazard per cause x day x hazard x term x country
 * ('' is none), for the per-country summary over any date range with a cause or a hazard
 * (migration 022). */
export interface SummaryCauseDaysTable {
  cause: string;
  day: string;
  hazard: string;
  term: string;
  country: string;
  article_id: number;
  n: number;
  max_people: number | null;
}

/** Each article's counted facts with a cause or a hazard per cause x hazard x day x country, without
 * the term: what the distinct articles of such a filter count (migration 026). */
export interface SummaryCauseArticlesTable {
  cause: string;
  hazard: string;
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

/** SQLite: a row here, inside a transaction, makes the summaries' insert trigger skip while the
 * writer adds its inserted facts itself, grouped (migration 018, queries/summaryBatch.ts). */
export interface SummaryDeferredTable {
  id: number;
}

export interface SummaryDatabase {
  summary_deferred: SummaryDeferredTable;
  facts_version: FactsVersionTable;
  summary_countries: SummaryCountriesTable;
  summary_timeseries: SummaryTimeseriesTable;
  summary_article_cells: SummaryArticleCellsTable;
  summary_country_series: SummaryCountrySeriesTable;
  summary_country_months: SummaryCountryMonthsTable;
  summary_article_days: SummaryArticleDaysTable;
  summary_cause_days: SummaryCauseDaysTable;
  summary_cause_articles: SummaryCauseArticlesTable;
}
