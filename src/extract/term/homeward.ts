// "el traslado a su país de 33.819 personas", "1,200 refugees were transported back to their home
// country", "transférées dans leur pays d'origine": people taken or going to their own country come
// home. A movement whose destination, right after its trigger, is the people's own country counts
// returns, whatever verb moved them (link.json `home_destinations`).
import type { Term } from '../../types.js';
import { type Lexicon, matchesAt } from '../lexicon.js';
import type { Link } from '../link.js';

/** Terms of people moving that a homeward destination turns into returns. */
const MOVED: ReadonlySet<Term> = new Set<Term>(['evacuated', 'relocated', 'refugees', 'displaced', 'forced_to_flee']);
/** Tokens between the trigger and its destination, at most ("transported [back] to their country"). */
const HOME_REACH = 3;

export function homeward(norms: readonly string[], link: Link, lex: Lexicon): Link {
  if (!MOVED.has(link.term)) return link;
  const from = link.trigger.next;
  for (let k = from; k < Math.min(norms.length, from + HOME_REACH + 1); k++) {
    if (lex.homeDestinations.some((h) => matchesAt(norms, k, h))) return { ...link, term: 'returns' };
    if (lex.clauseBreaks.has(norms[k]!)) break;
  }
  return link;
}
