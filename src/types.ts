// The fact model shared by every stage (see DESIGN.md, "Fact model"). Field names that are
// part of the scorer's JSONL contract (`quantity_span`, `stock_or_flow`) keep its spelling so
// that a Fact serialises to the contract without a mapping layer.

export const TERMS = [
  'displaced',
  'forced_to_flee',
  'relocated',
  'homeless',
  'evacuated',
  'sheltered',
  'in_relief_camp',
  'destroyed_housing',
  'partially_destroyed_housing',
  'uninhabitable_housing',
  'refugees',
  'returns',
  'evicted',
] as const;
export type Term = (typeof TERMS)[number];

export const HOUSING_TERMS: ReadonlySet<Term> = new Set([
  'destroyed_housing',
  'partially_destroyed_housing',
  'uninhabitable_housing',
]);

export type Qualifier = 'exact' | 'approximately' | 'at_least' | 'more_than' | 'up_to' | 'less_than';
export type Unit = 'people' | 'households';
/** Why people were displaced: defined once here, for the classifier, reviews, the API and the dashboard. */
export const CAUSES = ['conflict', 'disaster', 'other'] as const;
export type Cause = (typeof CAUSES)[number];
/** The natural hazard of a disaster, defined once as the causes are. */
export const HAZARDS = [
  'flood',
  'storm',
  'earthquake',
  'landslide',
  'wildfire',
  'drought',
  'volcano',
  'extreme_temperature',
  'other',
] as const;
export type Hazard = (typeof HAZARDS)[number];
export type DocType = 'news' | 'summary' | 'both';

/** A half-open [start, end) range of JavaScript string indices into the document text. */
export type Span = [number, number];

/** A place mentioned in the text, resolved (or not) to a gazetteer entry. */
export interface Place {
  name: string;
  start: number;
  end: number;
  lat: number | null;
  lon: number | null;
  /** ISO 3166-1 alpha-3, or IDMC's AB9 for Abyei. */
  country: string | null;
  geonameId?: number;
  admin1?: string | null;
  featureClass?: string;
  /** 'country' | 'admin1' | 'city' | 'region' … : what kind of place it is. */
  kind?: string;
  /** Part of an organisation's name ("Kathmandu Post", "Kenya Red Cross"): gives country
   * context, never locates a figure. */
  organisation?: boolean;
}

/** The period a figure refers to, resolved against the publication date. */
export interface FactDate {
  /** YYYY-MM-DD, the start of the period. */
  start: string;
  /** YYYY-MM-DD, the end of the period; equals start for a single day. */
  end: string;
  text: string;
  span: Span;
  /** Whether the year was written in the text or implied by the publication date. */
  year_stated: boolean;
}

export interface Fact {
  term: Term;
  /** null for a vague quantity ("hundreds of families"); `vague` then holds the words. */
  figure: number | null;
  vague?: string;
  /** Both ends of a stated range ("between 3,000 and 5,000"); `figure` is chosen from them. */
  range?: [number, number];
  qualifier: Qualifier;
  unit: Unit;
  /** The figure in people; households are multiplied by the country's average household size. */
  people: { count: number; household_size: number | null } | null;
  cause: Cause | null;
  hazard: Hazard | null;
  country: string | null;
  /** Refugees and returnees: the country they left (ISO3); `country` is then where they are
   * ("Sudanese refugees in Chad": origin SDN, country TCD; "Afghans returned from Pakistan":
   * origin PAK, country AFG). */
  origin?: string | null;
  locations: Place[];
  date: FactDate | null;
  stock_or_flow: 'stock' | 'flow';
  /** The evidence: the sentence (or clause) the fact was read from. */
  span: Span;
  quantity_span: Span;
  term_span: Span;
  confidence: number;
  /** The rule that produced the fact, e.g. "passive:were-evacuated". */
  reason: string;
  /** Which fields were written in the text and which were implied from context. */
  implied: string[];
}

export interface DocumentInput {
  id?: string;
  text: string;
  /** YYYY-MM-DD or null when unknown. */
  published?: string | null;
  lang?: string | null;
  title?: string | null;
}

export interface Classification {
  relevant: boolean;
  /** 0..1: how likely the document is about displacement. */
  relevance: number;
  cause: Cause | null;
  hazard: Hazard | null;
  type: DocType | null;
}

export interface ExtractResult extends Classification {
  facts: Fact[];
}
