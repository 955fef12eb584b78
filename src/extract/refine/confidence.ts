// A 0..1 confidence per fact from how it was read: how close and how typical the link was,
// whether the figure was written in digits, whether the unit was stated, whether the document
// is about displacement at all. The weights were set by reading the rules' precision on
// development data per reason (see README, "Evaluation"), not per example.
import type { Fact } from '../../types.js';

export function confidenceOf(fact: Fact, linkScore: number, relevance: number): number {
  let c = 0.35 + 0.55 * Math.min(1, Math.max(0, linkScore));
  if (fact.figure === null) c -= 0.1;
  if (fact.implied.includes('unit')) c -= 0.05;
  if (fact.reason.includes(':coordinated')) c -= 0.05;
  if (fact.term === 'relocated' || fact.term === 'partially_destroyed_housing') c -= 0.05;
  c += (relevance - 0.5) * 0.2;
  return Math.round(Math.min(0.99, Math.max(0.05, c)) * 100) / 100;
}
