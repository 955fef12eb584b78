// The strongest wording of a figure among its reports: a plain statement ("190,000 people")
// over an approximation ("about 190,000") over a floor ("more than 190,000") over a ceiling
// ("up to 190,000", "fewer than"); then the most confident reading; then the earliest.
import type { Qualifier } from '../types.js';
import type { ClaimFact } from './types.js';

const STRENGTH: Record<Qualifier, number> = {
  exact: 3,
  approximately: 2,
  at_least: 1,
  more_than: 1,
  up_to: 0,
  less_than: 0,
};

/** The fact whose wording the claim keeps; facts must be in the clustering order. */
export function strongestWording(facts: readonly ClaimFact[]): ClaimFact {
  let best = facts[0]!;
  for (const f of facts.slice(1)) {
    const d = STRENGTH[f.qualifier] - STRENGTH[best.qualifier];
    if (d > 0 || (d === 0 && f.confidence > best.confidence)) best = f;
  }
  return best;
}
