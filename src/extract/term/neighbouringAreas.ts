// "424,000 people fled to neighbouring Niassa, Nampula and Pempa provinces": the flight phrase "to
// neighbouring" usually leads across a border, but when the clause names its destination as areas
// inside a country (provinces, districts, a regency) the people stayed in it: displaced, not
// refugees. (Spanish and French put the neighbour after its noun, "a municipios vecinos", which no
// crossing phrase reads as a border; their lists serve phrases that name the neighbour first.)
import type { Lexicon } from '../lexicon.js';
import type { Link } from '../link.js';
import { countryAt } from './crossing.js';

/** Tokens after the flight phrase within which the areas' noun may close the destination ("Niassa, Nampula and Pempa provinces"). */
const AREA_REACH = 8;

export function neighbouringAreas(norms: readonly string[], link: Link, lex: Lexicon): Link {
  if (link.term !== 'refugees' || link.direction === 'before') return link;
  const words = norms.slice(link.trigger.first, link.trigger.next);
  if (!words.some((w) => lex.crossingNeighbours.has(w))) return link;
  // The phrase may hold the country itself: "fled to neighbouring Uganda".
  for (let k = link.trigger.first; k < link.trigger.next; k++) if (countryAt(norms, k, lex)) return link;
  for (let k = link.trigger.next; k < Math.min(norms.length, link.trigger.next + AREA_REACH); k++) {
    const w = norms[k]!;
    // A country before the areas is the destination: "to neighbouring Uganda and to camps in two districts".
    if (w === '.' || w === ';' || w === '(' || lex.clauseBreaks.has(w) || countryAt(norms, k, lex)) break;
    if (lex.internalAreas.has(w)) return { ...link, term: 'forced_to_flee' };
  }
  return link;
}
