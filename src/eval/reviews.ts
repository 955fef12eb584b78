// Reliability from reviews: an analyst's confirmation, correction or rejection of a stored fact
// says whether its figure and term were right, so a store with reviews yields labelled
// confidences like a gold file does. `dmon eval --reviews --calibration` feeds it the store's
// reviews (store.reviews.outcomes(), src/store/queries/reviews.ts) through `ReviewedFacts`.
import type { LabelledConfidence } from './calibrate.js';

/** One reviewed fact: its confidence when stored and what the reviewer did. */
export interface ReviewedFact {
  confidence: number;
  action: 'confirm' | 'correct' | 'reject';
  /** The fields a correction changed (`figure`, `term`, `unit`, `place`, …). */
  corrected?: readonly string[];
}

/** What a store with reviews offers `dmon eval`: its reviewed facts, newest review per fact. */
export interface ReviewedFacts {
  reviewedFacts(): AsyncIterable<ReviewedFact>;
}

/**
 * A review as a labelled confidence, by the rule the gold uses (a fact is right when its figure
 * and term are): confirmed is right, rejected is wrong, corrected is wrong only when the figure
 * or the term was corrected (a corrected place or date leaves the figure right).
 */
export function reviewOutcome(r: ReviewedFact): LabelledConfidence {
  const wrongFields = new Set(['figure', 'term']);
  const correct =
    r.action === 'confirm' ||
    (r.action === 'correct' && !(r.corrected ?? []).some((f) => wrongFields.has(f)));
  return { confidence: r.confidence, correct };
}

export async function reviewedConfidences(source: ReviewedFacts): Promise<LabelledConfidence[]> {
  const out: LabelledConfidence[] = [];
  for await (const r of source.reviewedFacts()) out.push(reviewOutcome(r));
  return out;
}
