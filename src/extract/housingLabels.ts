// "Houses destroyed 5,157 and damaged 325,379", "Viviendas destruidas en todo el país 5.157 y
// averiadas 325.379", "maisons détruites : 1 200 ; endommagées : 3 400": once homes are named with
// a figure, a bare participle of damage before the next figure labels it, its term by the participle.
import { HOUSING_TERMS } from '../types.js';
import type { Lexicon } from './lexicon.js';
import type { Figure, Link } from './link.js';
import type { Token } from './segment/tokens.js';

/** Marks that may stand between a label and its figure: "averiadas: 325.379". */
const LABEL_MARKS = new Set([':', '-']);

export function housingLabelLinks(
  figures: readonly Figure[],
  links: readonly Link[],
  tokens: readonly Token[],
  lex: Lexicon,
): Link[] {
  const out: Link[] = [];
  for (const f of figures) {
    if (f.quantity.value === null || f.countKind !== null || links.some((l) => l.figure === f)) continue;
    let k = f.quantity.lead - 1;
    if (LABEL_MARKS.has(tokens[k]?.text ?? '')) k--;
    const term = lex.housingParticiples.get(tokens[k]?.norm ?? '');
    if (!term) continue;
    // The label follows a break in the list: "and", "y", "et", ";" or ",".
    const joint = tokens[k - 1];
    if (!joint || !(lex.coordinators.has(joint.norm) || joint.text === ';' || joint.text === ',')) continue;
    // Homes already counted, before the label, in the same sentence.
    const named = links
      .filter((l) => HOUSING_TERMS.has(l.term) && l.figure.quantity.next <= k - 1 && l.trigger.first < k - 1)
      .pop();
    if (!named) continue;
    const entry = { ...named.trigger.entry, reason: `${term}:labelled` };
    out.push({ ...named, figure: f, trigger: { ...named.trigger, entry }, term, score: named.score - 0.1 });
  }
  return out;
}
