// Row types of the claims and events tables (migration 005), kept beside schema.ts so that
// the tables of each concern are declared in one file.
import type { Generated, Selectable } from 'kysely';

export interface ClaimsTable {
  id: string;
  event_id: string | null;
  term_class: string;
  term: string;
  figure: number | null;
  vague: string | null;
  range_lo: number | null;
  range_hi: number | null;
  qualifier: string;
  unit: string;
  people: number | null;
  household_size: number | null;
  stock_or_flow: string;
  cause: string | null;
  hazard: string | null;
  country: string | null;
  admin1: string | null;
  location: string | null;
  lat: number | null;
  lon: number | null;
  first_date: string | null;
  last_date: string | null;
  first_reported: string | null;
  last_reported: string | null;
  independent_sources: number;
  reports: number;
  confidence: number;
  lead_fact_id: number;
  evidence: string;
  updated_at: number;
  /** The hazard's name its texts give ('' when none); NULL: not computed yet (migration 012). */
  hazard_name: string | null;
  /** Its facts; NULL: not computed yet (migration 012). */
  fact_count: number | null;
}

export interface ClaimFactsTable {
  fact_id: number;
  claim_id: string;
  article_id: number;
  country: string | null;
}

export interface EventsTable {
  id: string;
  name: string;
  hazard_name: string | null;
  cause: string | null;
  hazard: string | null;
  countries: string;
  places: string;
  first_date: string | null;
  last_date: string | null;
  claim_count: number;
  fact_count: number;
  figure: number | null;
  figure_unit: string | null;
  figure_people: number | null;
  figure_term_class: string | null;
  figure_stock_or_flow: string | null;
  figure_claim_id: string | null;
  figure_reason: string | null;
  figures: string;
  /** Days from first_date to last_date (migration 015); NULL when either is missing. */
  span_days: number | null;
  updated_at: number;
}

export interface EventCountriesTable {
  event_id: string;
  country: string;
  /** The event's `coalesce(last_date, '')`, the list order (migration 015). */
  last_key: string;
}

/** A long event's tally after its claims up to the end of a month (migration 020,
 * queries/eventCheckpoints.ts). */
export interface EventCheckpointsTable {
  event_id: string;
  /** YYYY-MM */
  month: string;
  /** The tally as JSON (events/tally.ts). */
  state: string;
}

export interface ClaimsDatabase {
  claims: ClaimsTable;
  claim_facts: ClaimFactsTable;
  events: EventsTable;
  event_countries: EventCountriesTable;
  event_checkpoints: EventCheckpointsTable;
  cluster_marks: ClusterMarksTable;
}

/** An article whose facts changed since the last clustering (migration 023). */
export interface ClusterMarksTable {
  id: Generated<number>;
  article_id: number;
}

export type ClaimRow = Selectable<ClaimsTable>;
export type EventRow = Selectable<EventsTable>;
