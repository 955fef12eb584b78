// Repairs text damaged by PDF extraction before extract() reads it, and keeps a map back to the
// original offsets so that every span still points into the text as stored. The passes, in order:
//   1. mojibake     UTF-8 read as Windows-1252 ("â€™", "Ã©"), lost closing quotes, U+FFFD
//                   apostrophes; run twice, since text is sometimes mis-decoded twice
//   2. lost letters U+FFFD in place of an accented letter ("evacuaci\uFFFDn", "d\uFFFDplac\uFFFDs",
//                   "Popay\uFFFDn"), repaired when one spelling is a known word or place
//   3. hyphens      "evacu-\nated" joined when the joined word is known (or cuts into words:
//                   "drow-\nningand"); "IDP-\nhosting" keeps its hyphen; soft hyphens dropped
//   4. whitespace   line breaks inside a sentence become spaces; runs of spaces collapse
//   5. glued        "wereevacuated" → "were evacuated", "1,200families" → "1,200 families"
//                   (English only: the other languages have no word list yet)
//   6. inclusive    French inclusive writing: "retourné-e-s" → "retournés", "déplacé·e·s" → "déplacés"
// Mojibake comes first because it hides letters from the others; hyphens before whitespace
// because the line break is part of the hyphenation; glued words after them, on clean spacing;
// French inclusive marks last, once words are whole.
// Each pass first checks cheaply whether the text may need it, so clean text costs a few
// linear scans; word segmentation runs only on tokens that fail the dictionary check.
import { OffsetMap, type Edit } from './offsetMap.js';
import { mayHoldMojibake, mojibakeEdits } from './mojibake.js';
import { hyphenEdits, mayHoldHyphenation } from './hyphens.js';
import { mayHoldLooseSpace, whitespaceEdits } from './whitespace.js';
import { gluedEdits } from './glued.js';
import { loadNormalizeLexicon } from './dictionary.js';
import { lostLetterEdits, mayHoldLostLetter } from './lostLetters.js';
import { inclusiveEdits, mayHoldInclusive } from './inclusive.js';

export { OffsetMap } from './offsetMap.js';
export { mapFactsToOriginal } from './remap.js';

export interface Normalized {
  /** The repaired text; the same string when nothing needed repair. */
  text: string;
  /** From offsets in `text` back to offsets in the original. */
  map: OffsetMap;
}

export interface NormalizeOptions {
  /** Is this lower-cased word a place name? Such words are never cut ("Athens" is not "At hens"). */
  isName?: (word: string) => boolean;
  /** The gazetteer's spelling of a place among these spellings of a word with lost letters, if one. */
  spellPlace?: (spellings: readonly string[]) => string | undefined;
  /** Is this lower-cased word one the extractor reads as a term? Its halves split by "- " are joined. */
  isTerm?: (word: string) => boolean;
}

export function normalizeText(original: string, lang: string, options: NormalizeOptions = {}): Normalized {
  const { dictionary, apostrophes, isWord, lostLetters } = loadNormalizeLexicon(lang);
  let text = original;
  let map = OffsetMap.identity();
  const run = (edits: Edit[]) => ({ text, map } = map.apply(text, edits));
  for (let i = 0; i < 2 && mayHoldMojibake(text); i++) {
    const before = text;
    run(mojibakeEdits(text, apostrophes));
    if (text === before) break;
  }
  if (mayHoldLostLetter(text))
    run(lostLetterEdits(text, { letters: lostLetters, isWord, spellPlace: options.spellPlace }));
  if (mayHoldHyphenation(text)) run(hyphenEdits(text, dictionary, options.isTerm));
  if (mayHoldLooseSpace(text)) run(whitespaceEdits(text));
  if (dictionary) run(gluedEdits(text, dictionary, options.isName));
  if (lang === 'fr' && mayHoldInclusive(text)) run(inclusiveEdits(text));
  return { text, map };
}
