// French inclusive writing marks the feminine inside a word: "retourné-e-s", "haïtien-ne-s",
// "déplacé·e·s", "réfugié.e.s", "déplacé(e)s". The lexicon and the word lists know the plain
// plural ("retournés", "haïtiens", "déplacés"), so the marks are dropped before extraction; the
// offset map keeps every span pointing at the word as written.
import type { Edit } from './offsetMap.js';

/**
 * After a word's lower-case letter (not an abbreviation's: "p.e.s."): a separator, "e" or "ne",
 * the same separator and "s"; or "(e)"/"(ne)" with an optional "s"; or, after "é" or "n", a
 * separator and "e"/"ne" ending the word.
 */
const INCLUSIVE = /(?<=\p{L}\p{Ll})(?:([-·•.])n?e\1(s)|\(n?e\)(s?)|(?<=[én])[-·•]n?e)(?![\p{L}\d])/gu;

export const mayHoldInclusive = (text: string): boolean => /\p{Ll}(?:[-·•.]n?e[-·•.]s|\(n?e\)|[-·•]n?e\b)/u.test(text);

export function inclusiveEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  INCLUSIVE.lastIndex = 0;
  for (let m = INCLUSIVE.exec(text); m; m = INCLUSIVE.exec(text))
    edits.push({ start: m.index, end: m.index + m[0].length, text: m[2] ?? m[3] ?? '' });
  return edits;
}
