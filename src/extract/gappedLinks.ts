// "936 houses, of which 924 were completely and 12 were partially destroyed", "683,890 fully
// destroyed and 997,641 partially damaged houses", "1.200 viviendas totalmente y 300 parcialmente
// destruidas": homes counted by degree of damage share one participle (or one noun) with the figure
// after them. The first figure keeps only its degree word; it takes the second's trigger, and its
// own degree says whether its homes were destroyed or damaged.
import { HOUSING_TERMS, type Term } from '../types.js';
import type { Lexicon } from './lexicon.js';
import type { Figure, Link } from './link.js';
import type { Token } from './segment/tokens.js';
import type { Trigger } from './term/triggers.js';

export function gappedLinks(
  figures: readonly Figure[],
  links: readonly Link[],
  triggers: readonly Trigger[],
  tokens: readonly Token[],
  lex: Lexicon,
): Link[] {
  const norms = tokens.map((t) => t.norm);
  const out: Link[] = [];
  for (let i = 0; i + 1 < figures.length; i++) {
    const a = figures[i]!;
    if (a.quantity.value === null || links.some((l) => l.figure === a)) continue;
    if (a.countKind !== null && a.countKind !== 'housing') continue;
    let k = a.noun ? a.noun.next : a.quantity.next;
    while (lex.auxiliaries.has(norms[k] ?? '') || lex.passiveAuxiliaries.has(norms[k] ?? '')) k++;
    const degree = lex.housingDegrees.get(norms[k] ?? '');
    if (!degree) continue;
    k++;
    // "fully [destroyed] and 997,641 partially damaged houses": a participle of damage of its own.
    const own = triggers.find((t) => t.first === k && HOUSING_TERMS.has(t.entry.term as Term));
    if (own) k = own.next;
    else if (lex.housingParticiples.has(norms[k] ?? '')) k++;
    if (!lex.coordinators.has(norms[k] ?? '')) continue;
    const b = figures[i + 1]!;
    if (b.quantity.lead !== k + 1) continue;
    const from = links.find(
      (l) => l.figure === b && HOUSING_TERMS.has(l.term) && l.trigger.first >= b.quantity.next,
    );
    if (!from) continue;
    const entry = { ...from.trigger.entry, reason: `${degree}:gapped-degree` };
    out.push({
      ...from,
      trigger: { ...from.trigger, entry },
      figure: a,
      term: degree,
      score: from.score - 0.1,
    });
  }
  return out;
}
