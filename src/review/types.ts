// Review: what an analyst can say about a fact, a claim or an event, as plain data. The store
// keeps one current review per target (src/store/queries/reviews.ts) and every change in the
// audit log; the rules in this folder apply reviews to facts and events and never read a database.
import type { Cause, Hazard, Qualifier, Term, Unit } from '../types.js';

export const REVIEW_ACTIONS = ['confirm', 'correct', 'reject', 'merge', 'split'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/** What a fact or claim review targets; events are reviewed by merge and split. */
export const REVIEW_TARGETS = ['fact', 'claim', 'event'] as const;
export type ReviewTarget = (typeof REVIEW_TARGETS)[number];

export const QUALIFIERS: readonly Qualifier[] = [
  'exact',
  'approximately',
  'at_least',
  'more_than',
  'up_to',
  'less_than',
];
export const UNITS: readonly Unit[] = ['people', 'households'];

/** A reviewer's corrections: every field a fact has that a reader can judge from the text. */
export interface Corrections {
  figure?: number;
  term?: Term;
  unit?: Unit;
  qualifier?: Qualifier;
  cause?: Cause | null;
  hazard?: Hazard | null;
  country?: string | null;
  admin1?: string | null;
  /** The place the figure is filed under. */
  place?: { name: string; lat?: number | null; lon?: number | null } | null;
  /** The period the figure refers to (YYYY-MM-DD); end defaults to start. */
  date?: { start: string; end?: string } | null;
  stock_or_flow?: 'stock' | 'flow';
}

export const CORRECTION_FIELDS = [
  'figure',
  'term',
  'unit',
  'qualifier',
  'cause',
  'hazard',
  'country',
  'admin1',
  'place',
  'date',
  'stock_or_flow',
] as const;

/**
 * Where a reviewed figure is in its article, named without fact ids (which change when the
 * article is extracted again): the article, the position and words of the quantity, the term
 * the extractor gave it, and a key of the sentence and figure that finds the same figure in
 * syndicated copies.
 */
export interface FactAnchor {
  articleId: number;
  quantityStart: number;
  quantityEnd: number;
  quantity: string;
  term: string;
  figure: number | null;
  vague: string | null;
  quoteKey: string;
}

/** A fact or claim review as the rules apply it. */
export interface FactReview {
  id: number;
  action: 'confirm' | 'correct' | 'reject';
  corrections: Corrections | null;
  anchors: FactAnchor[];
}

/** Merge: the events holding `from` claims join the event holding `into` claims, under its id. */
export interface MergeReview {
  id: number;
  action: 'merge';
  eventId: string;
  intoClaims: string[];
  fromClaims: string[];
}

/** Split: `claims` leave their event and form a new one, whose id the review fixes. */
export interface SplitReview {
  id: number;
  action: 'split';
  eventId: string;
  newEventId: string;
  claims: string[];
}

export type EventReview = MergeReview | SplitReview;
