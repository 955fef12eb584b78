// `dmon eval`: the shared scorer's metrics computed inside the product (no file from the shared
// evaluation folder is read at run time), on a user's gold file; and the calibration of the
// extractor's confidence (./calibrate.ts).
export {
  calibrate,
  calibrateFacts,
  fitIsotonic,
  reliability,
  reliabilityTable,
  type CalibrationMap,
  type LabelledConfidence,
  type Reliability,
} from './calibrate.js';
export { shippedCalibration } from './calibrationData.js';
export { guessTask, parseJsonl, validateGold, validatePredictions } from './gold.js';
export { metricsTable } from './table.js';
export { predict } from './predict.js';
export { scoreTask, type EvalResult, type TaskMetrics } from './score.js';
export { EVAL_TASKS, type EvalTask, type GoldDoc, type Prediction } from './types.js';
export type { FactOutcome } from './facts.js';

import type { LabelledConfidence } from './calibrate.js';
import type { FactOutcome } from './facts.js';

/**
 * The facts whose rightness a gold document settles: every scored prediction (numeric figure,
 * scored term) in a document whose gold is complete (`scoring: prf`), right when it matched a
 * gold fact. Predictions in recall-only documents are left out: an unmatched one there may
 * well be right.
 */
export function labelledConfidences(outcome: FactOutcome): LabelledConfidence[] {
  if (!outcome.prf) return [];
  return outcome.scored
    .filter((s) => typeof s.fact.confidence === 'number')
    .map((s) => ({ confidence: s.fact.confidence!, correct: s.matched }));
}
export { reviewOutcome, reviewedConfidences, type ReviewedFact, type ReviewedFacts } from './reviews.js';
