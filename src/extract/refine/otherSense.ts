// A displacement word used in another sense: jobs "displaced" by automation in a piece on the
// labour market ("170 million new roles created and 92 million displaced"), road trips in one
// on holiday traffic ("22,4 millones de desplazamientos en toda España"). A document that holds
// several distinct cues of such a sense (modality.json `other_senses`) drops the facts whose
// trigger is the bare word of that sense (`words`) and whose figure names no people ("3,000
// workers displaced by automation" stays), or whatever its noun for a sense marked `any_noun`
// ("450 aficionados se desplazaron" to a match in a report on the game); other triggers ("fled",
// "evacuated") stay too.
import type { Fact } from '../../types.js';
import type { Lexicon } from '../lexicon.js';

/** Distinct cues a document needs before its displacement words are read in the other sense. */
const MIN_CUES = 3;

/** Whether the text holds enough distinct cues of sense `s`. */
function holdsSense(text: string, s: Lexicon['otherSenses'][number]): boolean {
  const seen = new Set<string>();
  for (const m of text.matchAll(s.cues)) if (seen.add(m[0].toLowerCase()).size >= MIN_CUES) return true;
  return false;
}

/** Whether the text holds enough cues of some other sense of the displacement words. */
export function inOtherSense(text: string, lex: Lexicon): boolean {
  return lex.otherSenses.some((s) => holdsSense(text, s));
}

export function dropOtherSenses(text: string, facts: Fact[], lex: Lexicon): Fact[] {
  const triggerWord = (f: Fact) => text.slice(f.term_span[0], f.term_span[1]).toLowerCase();
  const inSense = (f: Fact, s: Lexicon['otherSenses'][number]) =>
    (s.anyNoun || f.implied.includes('unit')) && s.words.some((w) => triggerWord(f).startsWith(w));
  const candidates = lex.otherSenses.filter((s) => facts.some((f) => inSense(f, s)));
  const senses = candidates.filter((s) => holdsSense(text, s));
  if (senses.length === 0) return facts;
  return facts.filter((f) => !senses.some((s) => inSense(f, s)));
}
