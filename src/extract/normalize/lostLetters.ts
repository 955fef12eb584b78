// U+FFFD where an accented letter stood: the text was decoded with the wrong charset and the
// decoder put the replacement character in place of "é", "ó", "ñ" … ("evacuaci\uFFFDn",
// "d\uFFFDplac\uFFFDs", "m\uFFFDnages", "Popay\uFFFDn"). In Spanish, French and Portuguese
// reports such words are the triggers, units and places themselves. Each replacement character
// inside a word is tried with every letter of lexicon/lost-letters.json; the word is repaired
// when exactly one spelling is known: a word of the lexicon (or the word list) or, failing that,
// the spelling of a place in the gazetteer. Anything else stays as it is: a wrong guess would
// invent a word. Apostrophes ("don\uFFFDt") are repaired earlier, by the mojibake pass.
import type { Edit } from './offsetMap.js';

/** A word with one to three U+FFFD inside or at its end: "d\uFFFDplac\uFFFDs", "destruy\uFFFD". */
const WORD = /[\p{L}\ufffd]*\ufffd[\p{L}\ufffd]*/gu;
/** More lost letters than this in one word: too many spellings to try, and too little left to tell. */
const MAX_LOST = 3;

export interface LostLetterOptions {
  /** Lost letters' candidates, from lexicon/lost-letters.json. */
  letters: readonly string[];
  /** Is this lower-case word known (lexicon or word list)? */
  isWord: (word: string) => boolean;
  /** The gazetteer's spelling of a place this word may be, tried with the lost letters unaccented. */
  spellPlace?: (candidates: readonly string[]) => string | undefined;
}

export const mayHoldLostLetter = (text: string): boolean => text.includes('\ufffd');

export function lostLetterEdits(text: string, o: LostLetterOptions): Edit[] {
  const edits: Edit[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const word = m[0];
    const lost = [...word].filter((c) => c === '\ufffd').length;
    if (lost > MAX_LOST || lost === word.length) continue;
    if (lost === 1 && word.length < 2) continue;
    const spellings = spell(word, o.letters);
    const known = spellings.filter((s) => o.isWord(s.toLowerCase()));
    const fixed = known.length === 1 ? known[0] : known.length === 0 ? o.spellPlace?.(spellings) : undefined;
    if (fixed && fixed.length === word.length)
      edits.push({ start: m.index, end: m.index + word.length, text: fixed });
  }
  return edits;
}

/** Every spelling of `word` with its U+FFFD replaced by one of `letters`, in the word's case. */
function spell(word: string, letters: readonly string[]): string[] {
  // In an all-capitals word the lost letter is a capital too ("EVACUACI\uFFFDN").
  const upper = /^\p{Lu}{2,}/u.test(word.replace(/\ufffd/g, ''));
  const pool = letters.filter((l) => (l === l.toUpperCase()) === upper);
  let out = [''];
  for (const c of word)
    out = c === '\ufffd' ? out.flatMap((s) => pool.map((l) => s + l)) : out.map((s) => s + c);
  return out;
}
