// "12,307 houses have been flooded", "3 769 habitations ont été inondées", "781 viviendas
// anegadas": a home under water is not yet a home damaged or destroyed. IDMC's excerpts and the
// project's real-text labellers count the homes a text says were damaged or destroyed and leave
// those only flooded (in the dev data, about one flooded-home figure in six was labelled, none of
// IDMC's). The flood verbs still claim their figures while linking, so that a neighbour's term
// does not reach them ("1 280 résidences inondées" beside "1 521 personnes évacuées"); their facts
// are dropped here. The verbs are link.json `flooded_only`; "flooded and damaged homes" names the
// damage too and stays.
import { HOUSING_TERMS, type Fact, type Term } from '../../types.js';
import type { Lexicon } from '../lexicon.js';

export function dropFloodedHomes(text: string, facts: Fact[], lex: Lexicon): Fact[] {
  if (lex.floodedOnly.size === 0) return facts;
  return facts.filter(
    (f) =>
      !(
        f.term === 'partially_destroyed_housing' &&
        lex.floodedOnly.has(verbOf(f.reason)) &&
        !damageJoined(text, f, lex)
      ),
  );
}

/** The lemma of a verb trigger's reason ("partially_destroyed_housing:verb:flood:after" → "flood"). */
function verbOf(reason: string): string {
  const parts = reason.split(':');
  return parts[1] === 'verb' ? (parts[2] ?? '') : '';
}

/** A coordinator and a word of housing damage right after the flood verb: "flooded and damaged". */
const JOINED = /^\s*(?:and|or|y|o|et|ou|\/)\s*(\p{L}+)/u;

function damageJoined(text: string, f: Fact, lex: Lexicon): boolean {
  const word = JOINED.exec(text.slice(f.term_span[1], f.term_span[1] + 30))?.[1]?.toLowerCase();
  return (
    !!word && !!lex.triggers.get(word)?.some((e) => HOUSING_TERMS.has(e.term as Term) && e.words.length === 1)
  );
}
