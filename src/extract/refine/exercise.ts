// A document that reports a drill: its lead (headline and first paragraph) names an evacuation
// exercise ("City hall earthquake drill", "Macrosimulacro en Oaxaca"), and its later sentences
// ("1,500 employees were evacuated from the building") speak of the drill without naming it
// again. The sentence-level check (sentence.ts) cannot see that; this one drops the document's
// evacuations. A real emergency told later in a drill story is rare enough to accept the loss.
// So does a lead that names a building's alert ("bomb threat", "aviso de bomba", "colis
// suspect", "false fire alarm"): people leave a mall, a school or a station for an hour (but
// homes emptied around a suspect device are evacuated homes).
import type { Fact } from '../../types.js';
import { type Lexicon, matchesAt, startingWith } from '../lexicon.js';
import { isExercise } from '../sentence.js';
import { tokenize, type Token } from '../segment/tokens.js';

/** How much of the text is its lead: the headline and the first paragraph, at most. */
const LEAD_CHARS = 400;
/** What a drill's people do: leave for safe zones ("se desplazaron a zonas seguras"), go to shelters. */
const EXERCISE_TERMS: ReadonlySet<string> = new Set(['evacuated', 'sheltered', 'relocated', 'displaced']);
/** Under a building's alert, people who "had to leave the premises" left it too. */
const ALERT_TERMS: ReadonlySet<string> = new Set([...EXERCISE_TERMS, 'displaced', 'forced_to_flee']);

export function dropDrillEvacuations(text: string, facts: Fact[], lex: Lexicon): Fact[] {
  if (!facts.some((f) => ALERT_TERMS.has(f.term))) return facts;
  const lead = leadOf(text, lex);
  if (lead === 'drill') return facts.filter((f) => !EXERCISE_TERMS.has(f.term));
  // Homes emptied around a suspect device are evacuated all the same ("evacuated some 15 homes").
  if (lead === 'alert') return facts.filter((f) => !ALERT_TERMS.has(f.term) || f.unit === 'households');
  // Later in a story, a paragraph that names its drill before the figure: "el sonido de las
  // alarmas marcó el inicio del simulacro. Un total de 300 trabajadores … fueron evacuados".
  return facts.filter((f) => !EXERCISE_TERMS.has(f.term) || !drillBefore(text, f.span[0], lex));
}

/** Whether the paragraph holding `at` names a drill before it. */
function drillBefore(text: string, at: number, lex: Lexicon): boolean {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  return at > start && isExercise(tokenize(text.slice(start, at)), lex);
}

/** Whether the document's lead names a drill or a building's alert, and which. */
export function leadOf(text: string, lex: Lexicon): 'drill' | 'alert' | null {
  const tokens = tokenize(leadParagraphs(text.slice(0, LEAD_CHARS).split(/\n\s*\n/)).join('\n\n'));
  if (isExercise(tokens, lex)) return 'drill';
  return namesBuildingAlert(tokens, lex) ? 'alert' : null;
}

/** A line this short is a headline, a byline or a dateline ("Por César Barrera Sep19,2023"). */
const SHORT_PARAGRAPH = 80;

/**
 * The headline and the first paragraph: the paragraphs up to the second of any length, short
 * ones (a byline, a dateline, a second headline) not counted, within the lead's characters.
 */
function leadParagraphs(paragraphs: readonly string[]): string[] {
  const out: string[] = [];
  let full = 0;
  for (const p of paragraphs) {
    out.push(p);
    if (p.trim().length >= SHORT_PARAGRAPH && ++full === 2) break;
  }
  return out;
}

function namesBuildingAlert(tokens: readonly Token[], lex: Lexicon): boolean {
  const norms = tokens.map((t) => t.norm);
  return norms.some((w, i) => startingWith(lex.buildingAlerts, w).some((a) => matchesAt(norms, i, a)));
}
