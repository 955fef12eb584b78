// Refiners over the links of one sentence, each for one construction reporters use:
// - cause:   "households were displaced due to destroyed housing" also counts destroyed homes;
// - orders:  "officials ordered 3,000 people to leave their homes" is an evacuation, not a flight;
// - totals:  "2,000 were evacuated, bringing the total to 9,500" counts the second figure too;
// - lists:   "displaced 2,000 people in A, 3,500 in B" gives every item the term (distributed.ts).
import { HOUSING_TERMS, type Term } from '../../types.js';
import { type Lexicon, endsAt, matchesAt } from '../lexicon.js';
import type { Figure, Link } from '../link.js';
import type { Token } from '../segment/tokens.js';
import type { Trigger } from './triggers.js';
import { distributedCounts } from './distributed.js';

const CAUSE_WINDOW = 3;
const ORDER_WINDOW = 3;

export function refineLinks(
  tokens: readonly Token[],
  links: Link[],
  triggers: Trigger[],
  figures: Figure[],
  lex: Lexicon,
): Link[] {
  const norms = tokens.map((t) => t.norm);
  const out: Link[] = [];
  for (const link of links) {
    out.push(orderedToLeave(norms, link, lex));
    const housing = causedByHousingLoss(norms, link, triggers, lex);
    if (housing && !links.some((l) => l.figure === link.figure && l.term === housing.term)) out.push(housing);
  }
  const continued = [...out, ...continuedCounts(norms, out, figures, lex)];
  return [...continued, ...distributedCounts(tokens, continued, triggers, figures, lex)];
}

/** Figures that carry on the count before them: "bringing the total to 9,500", "up from 8,000". */
function continuedCounts(norms: string[], links: Link[], figures: Figure[], lex: Lexicon): Link[] {
  const out: Link[] = [];
  for (const f of figures) {
    if (links.some((l) => l.figure === f)) continue;
    const lead = f.quantity.lead;
    if (!lex.continuation.some((c) => endsAt(norms, lead, c))) continue;
    const before = links.filter((l) => l.figure.quantity.next <= lead).pop();
    if (!before || before.figure.quantity.value === null) continue;
    out.push({ ...before, figure: f, score: before.score - 0.15, coordinated: true });
  }
  return out;
}

function orderedToLeave(norms: string[], link: Link, lex: Lexicon): Link {
  if (link.term !== 'forced_to_flee' || link.direction !== 'after') return link;
  const lead = link.figure.quantity.lead;
  for (let k = Math.max(0, lead - ORDER_WINDOW); k < lead; k++) {
    if (lex.orders.some((o) => matchesAt(norms, k, o) && k + o.length <= lead))
      return { ...link, term: 'evacuated' };
  }
  return link;
}

function causedByHousingLoss(norms: string[], link: Link, triggers: Trigger[], lex: Lexicon): Link | null {
  if (HOUSING_TERMS.has(link.term) || link.term === 'returns' || link.term === 'refugees') return null;
  const from = link.trigger.next;
  for (const c of lex.causal) {
    for (let k = from; k <= from + 1; k++) {
      if (!matchesAt(norms, k, c)) continue;
      const after = k + c.length;
      const housing = triggers.find(
        (t) => t.first >= after && t.first <= after + CAUSE_WINDOW && HOUSING_TERMS.has(t.entry.term as Term),
      );
      if (housing && (housing.namesHousing || housingNounNear(norms, after, lex)))
        return {
          ...link,
          trigger: housing,
          term: housing.entry.term as Term,
          score: link.score - 0.1,
          coordinated: true,
        };
    }
  }
  return null;
}

function housingNounNear(norms: string[], from: number, lex: Lexicon): boolean {
  for (let k = from; k < from + 4 && k < norms.length; k++) if (lex.nouns.housing.has(norms[k]!)) return true;
  return false;
}
