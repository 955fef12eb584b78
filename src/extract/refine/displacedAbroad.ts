// "8,500 displaced Syrians in the Bekaa Valley" in a UNHCR update on Lebanon, "unos 8.500
// desplazados venezolanos en Colombia", "3,800 Burundians have fled to the South Kivu province of
// the DRC": people of one nation counted as displaced or fleeing where the sentence places them in
// another crossed a border to get there: refugees, whatever the word.
// Their demonym must name the counted people (right after the figure or the word of displacement)
// and a place of the sentence the other country; internal displacement words keep them displaced.
import type { Fact, Place } from '../../types.js';
import { lowerCaseDemonym } from './refugeeOrigin.js';

/** Words that keep a count of a nation's people abroad internal after all ("IDPs", "internally"). */
const INTERNAL = /\b(?:internally|idps?|internes?|internos?|internas?|pdis?)\b/iu;

/** A preposition of place or of where they went right before a name, maybe with its article: "in
 * [the] Bekaa", "to the South Kivu province", "en Colombia", "hacia el", "au Tchad", "vers le". */
const PREPOSITION = "(?:in|into|to|towards?|en|hacia|a|al|dans|au|aux|à|vers)(?:\\s+(?:the|el|la|los|las|le|les|l'))?\\s+$";
const LOCATIVE = new RegExp(`(?:^|\\s)${PREPOSITION}`, 'iu');
/** The same preposition as all there is between a flight and its place: "fled [to the] South Kivu". */
const LEADS_THERE = new RegExp(`^\\s*${PREPOSITION}`, 'iu');
/** How far before a place its preposition is looked for. */
const LOCATIVE_REACH = 12;

export function displacedAbroad(fact: Fact, text: string, places: readonly Place[]): void {
  if ((fact.term !== 'displaced' && fact.term !== 'forced_to_flee') || fact.origin) return;
  const right = (end: number, p: Place) => p.start > end && /^\s{1,2}$/u.test(text.slice(end, p.start));
  const demonym = places.find(
    (p) => p.kind === 'demonym' && p.country && (right(fact.term_span[1], p) || right(fact.quantity_span[1], p)),
  );
  // Spanish and French write the demonym in lower case: "desplazados venezolanos".
  const origin = demonym?.country ?? lowerCaseDemonym(text.slice(fact.term_span[1], fact.term_span[1] + 40));
  if (!origin) return;
  // Where the sentence places them after naming them ("… Syrians in the Bekaa Valley", "… en
  // Colombia"), none of it in their own country; a place they came from or a dateline says nothing.
  const after = demonym ? demonym.end : fact.term_span[1];
  const here = fact.locations.filter(
    (p) =>
      p.kind !== 'demonym' &&
      p.country &&
      p.start > after &&
      p.end <= fact.span[1] &&
      LOCATIVE.test(text.slice(Math.max(after, p.start - LOCATIVE_REACH), p.start)) &&
      // A flight leads there itself: "fled [to the] South Kivu province", not "fleeing the conflict in Sudan".
      (fact.term === 'displaced' || LEADS_THERE.test(text.slice(fact.term_span[1], p.start))),
  );
  if (here.length === 0 || here.some((p) => p.country === origin)) return;
  if (INTERNAL.test(text.slice(fact.span[0], fact.span[1]))) return;
  fact.term = 'refugees';
  fact.reason = `${fact.reason}:abroad`;
  fact.origin = origin;
  fact.country = here[0]!.country!;
}
