// "the first convoy of 78 refugees on Tuesday and the second convoy of 130 on Thursday", "8,098
// evacuees, with 2,349 from the Eastern Division and 5,749 from the Western Division": a figure
// without a noun that repeats the frame of a linked figure before it in the same sentence (the
// same two words before it, or the same place preposition and a name after it) counts the same
// thing, its noun elided; so does one before the same agent preposition ("displaced by floods and
// 7.5 million by storms"). The gap rules stop at the first figure; this hands its link on.
import { HOUSING_TERMS } from '../types.js';
import type { Lexicon } from './lexicon.js';
import type { Figure, Link } from './link.js';
import type { Token } from './segment/tokens.js';
import type { Trigger } from './term/triggers.js';

/** Words compared before each figure: "convoy of". */
const FRAME = 2;
/** The most tokens between the two figures. */
const PARALLEL_REACH = 20;

export function parallelLinks(
  figures: readonly Figure[],
  links: readonly Link[],
  triggers: readonly Trigger[],
  tokens: readonly Token[],
  lex: Lexicon,
): Link[] {
  const norms = tokens.map((t) => t.norm);
  const out: Link[] = [];
  for (let i = 1; i < figures.length; i++) {
    const b = figures[i]!;
    if (b.noun || b.quantity.value === null || links.some((l) => l.figure === b)) continue;
    for (let j = i - 1; j >= 0; j--) {
      const a = figures[j]!;
      if (b.quantity.lead - a.quantity.next > PARALLEL_REACH) break;
      if (norms.slice(a.quantity.next, b.quantity.lead).some((w) => w === '.' || w === ';')) break;
      const from = links.filter((l) => l.figure === a && !l.coordinated && !HOUSING_TERMS.has(l.term));
      if (from.length === 0 || !sameFrame(tokens, norms, a, b, lex)) continue;
      // Another trigger between them (a verb of its own, a blocker) starts another clause.
      const own = new Set(from.map((l) => l.trigger.first));
      const aEnd = a.noun ? a.noun.next : a.quantity.next;
      if (triggers.some((t) => t.first >= aEnd && t.first < b.quantity.lead && !own.has(t.first))) break;
      for (const l of from) out.push({ ...l, figure: b, score: l.score - 0.15 });
      break;
    }
  }
  return out;
}

/** Whether `b` repeats the words before `a`, or its place preposition and a name after it. */
function sameFrame(
  tokens: readonly Token[],
  norms: readonly string[],
  a: Figure,
  b: Figure,
  lex: Lexicon,
): boolean {
  const before = (f: Figure) => norms.slice(f.quantity.lead - FRAME, f.quantity.lead);
  const x = before(a);
  const y = before(b);
  if (x.length === FRAME && x.every((w, k) => /^\p{L}/u.test(w) && w === y[k])) return true;
  // "2,349 from the Eastern Division and 5,749 from the Western Division": after the noun of `a`.
  const afterA = a.noun ? a.noun.next : a.quantity.next;
  const afterB = b.quantity.next;
  const prep = norms[afterB];
  if (!prep) return false;
  // "8.6 million people were displaced by floods and 7.5 million by storms": the agent's preposition
  // after each, the second figure right after a coordinator, its noun and verb elided.
  if (
    lex.agentPrepositions.has(prep) &&
    lex.coordinators.has(norms[b.quantity.lead - 1] ?? '') &&
    norms.slice(afterA, b.quantity.lead).includes(prep)
  )
    return true;
  if (prep !== norms[afterA] || !lex.additives.places.has(prep)) return false;
  const name = (k: number) => {
    while (norms[k] === 'the' || norms[k] === 'la' || norms[k] === 'le' || norms[k] === 'el') k++;
    return tokens[k]?.kind === 'word' && /^\p{Lu}/u.test(tokens[k]!.text);
  };
  return name(afterA + 1) && name(afterB + 1);
}
