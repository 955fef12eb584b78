// A 0..1 confidence per fact from how it was read: how close and how typical the link was,
// whether the figure was written in digits, whether the unit was stated, whether the document
// is about displacement at all. The scale was checked against precision on the development
// documents whose gold is complete: facts read by the strongest rules are right about 85–90 %
// of the time there, so a perfect link scores 0.9, not 1.
import type { Fact } from '../../types.js';

export function confidenceOf(fact: Fact, linkScore: number, relevance: number): number {
  let c = 0.3 + 0.55 * Math.min(1, Math.max(0, linkScore));
  if (fact.figure === null) c -= 0.1;
  if (fact.implied.includes('unit')) c -= 0.05;
  if (fact.reason.includes(':coordinated')) c -= 0.05;
  if (fact.term === 'relocated' || fact.term === 'partially_destroyed_housing') c -= 0.05;
  c += (relevance - 0.5) * 0.1;
  return Math.round(Math.min(0.99, Math.max(0.05, c)) * 100) / 100;
}
