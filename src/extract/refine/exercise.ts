// A document that reports a drill: its lead (headline and first paragraph) names an evacuation
// exercise ("Tijuana Earthquake Drill 2024", "Simulacro Nacional"), and its later sentences
// ("63 citizens present at the palace were also evacuated") speak of the drill without naming it
// again. The sentence-level check (sentence.ts) cannot see that; this one drops the document's
// evacuations. A real emergency told later in a drill story is rare enough to accept the loss.
import type { Fact } from '../../types.js';
import { type Lexicon, matchesAt } from '../lexicon.js';
import { tokenize } from '../segment/tokens.js';

/** How much of the text is its lead: the headline and the first paragraph, at most. */
const LEAD_CHARS = 400;
const EXERCISE_TERMS: ReadonlySet<string> = new Set(['evacuated', 'sheltered', 'relocated']);

export function dropDrillEvacuations(text: string, facts: Fact[], lex: Lexicon): Fact[] {
  if (!facts.some((f) => EXERCISE_TERMS.has(f.term))) return facts;
  const paragraphs = text.slice(0, LEAD_CHARS).split(/\n\s*\n/);
  const lead = paragraphs.slice(0, 2).join('\n\n');
  const norms = tokenize(lead).map((t) => t.norm);
  const drill = norms.some((_, i) => lex.exercises.some((e) => matchesAt(norms, i, e)));
  return drill ? facts.filter((f) => !EXERCISE_TERMS.has(f.term)) : facts;
}
