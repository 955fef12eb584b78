// The summary tables (migration 010), maintained by triggers on facts and read by summary.ts.
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
}
