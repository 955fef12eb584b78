// "The fire gutted the camp, leaving over 12,000 refugees homeless", "dejando a 2.000 desplazados
// sin hogar": a verb of result (`resultatives`: "leaving", "rendered", "dejando a", "laissant")
// before the figure makes what follows its counted noun the people's new state. The noun says who
// they were (refugees, displaced people, evacuees); the word of homelessness after it says what
// the event did to them, and that is the fact.
import type { Term } from '../../types.js';
import { type Lexicon, endingWith, endsAt } from '../lexicon.js';
import type { Link } from '../link.js';
import type { Trigger } from './triggers.js';

/** Terms whose agent noun names who the people were ("12,000 refugees", "3,000 displaced people"). */
const WHO_THEY_WERE = new Set<Term>(['refugees', 'displaced', 'evacuated', 'in_relief_camp', 'sheltered']);
/** Words between the counted noun and the state ("refugees [and asylum seekers] homeless"). */
const STATE_REACH = 4;

export function leftHomeless(
  norms: readonly string[],
  link: Link,
  triggers: readonly Trigger[],
  lex: Lexicon,
): Link {
  if (link.direction !== 'adjacent' || !WHO_THEY_WERE.has(link.term)) return link;
  const lead = link.figure.quantity.lead;
  if (!endingWith(lex.resultatives, norms[lead - 1]).some((r) => endsAt(norms, lead, r))) return link;
  const state = triggers.find(
    (t) =>
      t.entry.term === 'homeless' &&
      t.first >= link.trigger.next &&
      t.first - link.trigger.next <= STATE_REACH &&
      norms.slice(link.trigger.next, t.first).every((w) => /^\p{L}/u.test(w)),
  );
  return state ? { ...link, trigger: state, term: 'homeless' } : link;
}
