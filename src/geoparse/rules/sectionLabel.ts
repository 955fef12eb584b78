// Recognition rule: labels and headings are no places. A word that labels a numbered or lettered
// part of a text ("Annex C", "Table 1", "Section IV", "Zone 5") names that part, whatever
// small town bears the word as its name; so does a common word written in capitals in a heading
// ("ANNEX", "PROTECTION"), and the country prefix of a currency ("US$2.6 million", "A$40").
import type { PlacesLexicon } from '../lexicon.js';
import type { Token } from '../recognize.js';

/** What may follow a label word: a number, one capital letter, or a Roman numeral. */
const LABEL = /^(\d[\d.]*[a-z]?|[A-Z]|[IVXLC]+)$/;

/**
 * Why the one-word name at toks[i] is a label, a heading word or a currency prefix, or null.
 * `common`: the word is a common word of the text's language.
 */
export function sectionLabel(
  text: string,
  toks: readonly Token[],
  i: number,
  lex: PlacesLexicon,
  common: boolean,
): string | null {
  const t = toks[i] as Token;
  if (text[t.end] === '$') return 'a currency prefix';
  const next = toks[i + 1];
  if (
    next &&
    lex.labelWords.has(t.norm) &&
    text.slice(t.end, next.start) === ' ' &&
    LABEL.test(text.slice(next.start, next.end))
  )
    return 'a section label';
  const word = text.slice(t.start, t.end);
  if (common && word.length >= 3 && /^\p{Lu}+$/u.test(word)) return 'a word of a heading';
  return null;
}
