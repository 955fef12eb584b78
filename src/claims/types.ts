// The plain data corroboration works on: one stored fact with what the store knows about the
// article it came from. Built by the store (src/store/queries/clustering.ts); nothing here
// reads a database, so the rules are tested on hand-written scenarios.
import type { Cause, Hazard, Qualifier, Term, Unit } from '../types.js';

export interface ClaimFact {
  factId: number;
  articleId: number;
  /** The article this one is a near-duplicate copy of, else null (the store keeps the link). */
  originalArticleId: number | null;
  /** Near-duplicate copies of the article stored without facts of their own (syndication). */
  copies: number;
  /** The outlet: the feed's title or the URL's host; null when unknown. */
  outlet: string | null;
  url: string | null;
  title: string | null;
  /** YYYY-MM-DD publication date of the article, or null. */
  published: string | null;
  term: Term;
  figure: number | null;
  vague: string | null;
  range: [number, number] | null;
  qualifier: Qualifier;
  unit: Unit;
  people: number | null;
  householdSize: number | null;
  cause: Cause | null;
  hazard: Hazard | null;
  country: string | null;
  admin1: string | null;
  location: string | null;
  lat: number | null;
  lon: number | null;
  /** The period the figure refers to; when the text gave none, the publication date. */
  dateStart: string | null;
  dateEnd: string | null;
  /** Whether the date was written in the text (false: taken from the publication date). */
  dateStated: boolean;
  stockOrFlow: 'stock' | 'flow';
  confidence: number;
  /** The evidence sentence. */
  evidence: string;
  /** Position of the quantity in the article text: with articleId it names the figure stably
   * across re-extractions, which fact ids do not. */
  quantityStart: number;
}

export type TermClass =
  | 'displacement'
  | 'evacuation'
  | 'shelter'
  | 'homeless'
  | 'housing_destroyed'
  | 'housing_damaged'
  | 'refugees'
  | 'returns';

export interface Claim {
  /** Stable id: derived from the earliest member's article and quantity position. */
  id: string;
  termClass: TermClass;
  /** The term, figure and qualifier of the strongest wording among the members. */
  term: Term;
  figure: number | null;
  vague: string | null;
  range: [number, number] | null;
  qualifier: Qualifier;
  unit: Unit;
  people: number | null;
  householdSize: number | null;
  stockOrFlow: 'stock' | 'flow';
  cause: Cause | null;
  hazard: Hazard | null;
  country: string | null;
  admin1: string | null;
  location: string | null;
  lat: number | null;
  lon: number | null;
  /** Earliest and latest dates the figure refers to. */
  firstDate: string | null;
  lastDate: string | null;
  /** Earliest and latest publication dates of the reports. */
  firstReported: string | null;
  lastReported: string | null;
  /** Sources that are not copies of one another (see independence.ts). */
  independentSources: number;
  /** Every report: the facts plus the stored near-duplicate copies of their articles. */
  reports: number;
  confidence: number;
  /** The fact whose wording the claim keeps. */
  leadFactId: number;
  evidence: string;
  facts: ClaimFact[];
}
