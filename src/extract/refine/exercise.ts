// A document that reports a drill: its lead (headline and first paragraph) names an evacuation
// exercise ("City hall earthquake drill", "Macrosimulacro en Oaxaca"), and its later sentences
// ("1,500 employees were evacuated from the building") speak of the drill without naming it
// again. The sentence-level check (sentence.ts) cannot see that; this one drops the document's
// evacuations. A real emergency told later in a drill story is rare enough to accept the loss.
import type { Fact } from '../../types.js';
import type { Lexicon } from '../lexicon.js';
import { isExercise } from '../sentence.js';
import { tokenize } from '../segment/tokens.js';

/** How much of the text is its lead: the headline and the first paragraph, at most. */
const LEAD_CHARS = 400;
const EXERCISE_TERMS: ReadonlySet<string> = new Set(['evacuated', 'sheltered', 'relocated']);

export function dropDrillEvacuations(text: string, facts: Fact[], lex: Lexicon): Fact[] {
  if (!facts.some((f) => EXERCISE_TERMS.has(f.term))) return facts;
  const paragraphs = text.slice(0, LEAD_CHARS).split(/\n\s*\n/);
  const lead = paragraphs.slice(0, 2).join('\n\n');
  return isExercise(tokenize(lead), lex) ? facts.filter((f) => !EXERCISE_TERMS.has(f.term)) : facts;
}
