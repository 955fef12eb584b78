// "at least 60,000 returning to UNRWA and government shelters", "some 4,500 people went back to
// the evacuation centres", "regresaron a los albergues": people going back to a shelter or a camp
// did not come home; they are staying there again. A return whose destination, right after its
// trigger, is a place of stay counts the stay's term instead.
import type { Lexicon } from '../lexicon.js';
import type { Link } from '../link.js';
import type { Term } from '../../types.js';
import type { Trigger } from './triggers.js';

/** Words that may name the shelter's owner or kind between the destination opener and it ("to UNRWA and government shelters"). */
const OWNER_REACH = 3;

export function backToShelter(norms: readonly string[], link: Link, triggers: readonly Trigger[], lex: Lexicon): Link {
  if (link.term !== 'returns' || link.direction !== 'after') return link;
  const from = link.trigger.next;
  // A destination needs its opener, right after the trigger or ending it ("returned to"):
  // "returned home from the shelters" names where they left.
  if (!lex.destinationOpeners.has(norms[from] ?? '') && !lex.destinationOpeners.has(norms[from - 1] ?? '')) return link;
  let owners = 0;
  for (let k = from; k < norms.length; k++) {
    // The stay's phrase may hold the opener itself ("a los albergues").
    const stay = triggers.find((t) => t.first === k && lex.stayingTerms.has(t.entry.term));
    if (stay) return { ...link, trigger: stay, term: stay.entry.term as Term };
    if (owners === 0 && lex.destinationOpeners.has(norms[k]!)) continue;
    // Owners are words, not clauses: "to their villages, where shelters…" keeps the return.
    if (++owners > OWNER_REACH || !/^\p{L}/u.test(norms[k]!) || lex.clauseBreaks.has(norms[k]!)) return link;
    if (triggers.some((t) => t.first === k)) return link;
  }
  return link;
}
