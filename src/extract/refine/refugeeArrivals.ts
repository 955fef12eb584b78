// "2,601 Number of new arrivals on Tuesday 30th August" in a UNHCR update on South Sudanese
// refugees in Uganda, "596 arrivals had been recorded further south" in a report on Syrians
// reaching Iraq: arrivals read as displaced, sentence by sentence, in a document that is about
// refugees crossed a border. A document is about refugees when it names them (or asylum, UNHCR,
// a border) at least twice, holds as many refugee facts as displaced ones (none of either when
// its arrivals are all it counts), and never speaks of
// internal displacement (IDPs, "desplazados internos", "déplacés internes").
import type { Fact } from '../../types.js';
import type { Lexicon } from '../lexicon.js';
import { COARSE } from './dedupe.js';
import { besideOrganisationHead } from '../term/organisationName.js';

/** Refugee words (of the border context) a document must hold to be about refugees. */
const MIN_REFUGEE_WORDS = 2;

export function refugeeArrivals(
  facts: Fact[],
  text: string,
  lex: Pick<Lexicon, 'borderContext' | 'refugeeArrivals' | 'organisationHeads' | 'nameJoiners'>,
): Fact[] {
  const arrival = (f: Fact) => COARSE[f.term] === 'displaced' && arrivalWords(f, text, lex);
  if (!facts.some(arrival)) return facts;
  const refugees = facts.filter((f) => f.term === 'refugees').length;
  const displaced = facts.filter((f) => COARSE[f.term] === 'displaced' && !arrival(f)).length;
  // No refugee fact at all is no evidence against a document of arrivals only: "624,000 new
  // arrivals (since 25th August)" in a situation report on the Rohingya refugee crisis.
  if (refugees < displaced || (refugees === 0 && displaced > 0)) return facts;
  const words = text.toLowerCase().match(/[\p{L}-]+/gu) ?? [];
  // A word of a public body's name is no word about refugees: "the Norwegian Refugee Council".
  const refugeeWords = words.filter((w, i) => lex.borderContext.has(w) && !besideOrganisationHead(words, i, lex));
  if (refugeeWords.length < MIN_REFUGEE_WORDS) return facts;
  const internal = lex.refugeeArrivals.internal.some((p) =>
    words.some((_, i) => p.every((w, k) => words[i + k] === w)),
  );
  if (internal) return facts;
  return facts.map((f) =>
    arrival(f) ? { ...f, term: 'refugees', reason: `${f.reason}:refugee-document` } : f,
  );
}

/** Whether the fact's trigger holds a word of arrival: "new [arrivals]", "[arrived] in", "[llegaron] a". */
function arrivalWords(f: Fact, text: string, lex: Pick<Lexicon, 'refugeeArrivals'>): boolean {
  const words =
    text
      .slice(f.term_span[0], f.term_span[1])
      .toLowerCase()
      .match(/[\p{L}-]+/gu) ?? [];
  return words.some((w) => lex.refugeeArrivals.arrivals.has(w));
}
