// One figure, one fact: a quantity read twice for terms of the same class ("displaced or
// relocated"), or the same figure and term repeated in a document (headline and body), is
// kept once, with the highest confidence.
import type { Fact, Term } from '../../types.js';

/** The scorer's coarse classes: facts of one class about one figure are one claim. */
export const COARSE: Record<Term, string> = {
  displaced: 'displaced',
  forced_to_flee: 'displaced',
  relocated: 'displaced',
  homeless: 'displaced',
  evacuated: 'evacuated',
  sheltered: 'sheltered',
  in_relief_camp: 'sheltered',
  destroyed_housing: 'destroyed_housing',
  partially_destroyed_housing: 'destroyed_housing',
  uninhabitable_housing: 'destroyed_housing',
  refugees: 'refugees',
  returns: 'returns',
  evicted: 'evicted',
};

export function dedupeFacts(facts: Fact[]): Fact[] {
  const kept = new Map<string, Fact>();
  for (const f of facts) {
    const what = f.figure !== null ? String(f.figure) : `${f.quantity_span[0]}`;
    const key = `${what}|${COARSE[f.term]}`;
    const prev = kept.get(key);
    if (!prev || f.confidence > prev.confidence) kept.set(key, f);
  }
  return [...kept.values()].sort(
    (a, b) => a.quantity_span[0] - b.quantity_span[0] || a.term.localeCompare(b.term),
  );
}
