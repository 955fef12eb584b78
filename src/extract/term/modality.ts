// Detects whether a trigger is hypothetical, future or negated in its context:
// "could displace", "are expected to evacuate", "plans to relocate", "were not evacuated".
// Reported past obligations stay facts: "had to be evacuated", "were forced to flee".
import { type Lexicon, matchesAt } from '../lexicon.js';
import type { Token } from '../segment/tokens.js';

export type Modality = 'asserted' | 'hypothetical' | 'negated';

/** Looks at tokens in [from, to): the words between a figure and its trigger, or before the trigger. */
export function modalityOf(
  tokens: readonly Token[],
  norms: readonly string[],
  from: number,
  to: number,
  lex: Lexicon,
): Modality {
  let hypothetical = false;
  let past = false;
  for (let i = Math.max(0, from); i < to; i++) {
    const t = tokens[i]!;
    if (lex.negation.has(t.norm) || t.norm.endsWith("n't")) {
      // "no longer", "not only" do not negate the event itself.
      if (!(t.norm === 'not' && norms[i + 1] === 'only') && norms[i + 1] !== 'longer') return 'negated';
    }
    // "May" the month is not a modal.
    if (t.norm === 'may' && /^M/.test(t.text)) continue;
    for (const h of lex.hypothetical) if (matchesAt(norms, i, h)) hypothetical = true;
    for (const p of lex.pastOverride) if (matchesAt(norms, i, p)) past = true;
  }
  return hypothetical && !past ? 'hypothetical' : 'asserted';
}
