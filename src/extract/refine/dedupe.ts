// One figure, one fact: a quantity read twice for terms of the same class ("displaced or
// relocated"), or the same figure and term repeated in a document (headline and body), is
// kept once, with the highest confidence. A list's entries are the exception: a list names a
// different place on each entry, so "Harib (16 HH)" and "Salah (16 HH)" under one header are two
// counts; an entry that repeats a sentence's figure is still that sentence's claim.
import type { Fact, Term } from '../../types.js';
import { LIST_ENTRY } from '../headedList.js';

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
  const keyOf = (f: Fact) =>
    `${f.figure !== null ? String(f.figure) : `@${f.quantity_span[0]}`}|${COARSE[f.term]}`;
  const keep = (key: string, f: Fact) => {
    const prev = kept.get(key);
    if (!prev || f.confidence > prev.confidence) kept.set(key, f);
  };
  const entries = facts.filter((f) => f.reason.endsWith(LIST_ENTRY));
  for (const f of facts) if (!f.reason.endsWith(LIST_ENTRY)) keep(keyOf(f), f);
  for (const f of entries) {
    const key = keyOf(f);
    const prev = kept.get(key);
    // A sentence's figure that an entry repeats stays the sentence's claim; another entry's is another place's count.
    const other = prev?.reason.endsWith(LIST_ENTRY) && prev.quantity_span[0] !== f.quantity_span[0];
    keep(other ? `${key}|@${f.quantity_span[0]}` : key, f);
  }
  return [...kept.values()].sort(
    (a, b) => a.quantity_span[0] - b.quantity_span[0] || a.term.localeCompare(b.term),
  );
}
