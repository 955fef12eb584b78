// Words hyphenated at a line end ("evacu-\nated"): the two halves are joined when the joined word
// is a known word, or when the second half is no word but the joined text cuts into words (the
// line end fell inside a word that was glued to the next: "drow-\nningand"); otherwise the
// hyphen belongs to the word ("IDP-\nhosting", "long-\nterm") and only the line break goes.
// A soft hyphen (U+00AD) is a typesetting mark: it always goes. Without a word list for the
// language, a lower-case continuation is joined.
// Where the extraction flattened the line end to a space ("in- jured", "evacu- ated"), the halves
// are joined only on stronger evidence, since "pre- and post-flood" and "long- term" are written
// so on purpose: the joined word is known and the second half alone is not, or the joined word is
// one the extractor reads as a term ("dis- placed", "re- turned": halves that are words too).
import type { Dictionary } from './dictionary.js';
import type { Edit } from './offsetMap.js';
import { segmentWords } from './segmentWords.js';

/** A word part, a hyphen, a line break (with the spaces around it) and a lower-case word part. */
const LINE_END_HYPHEN = /(\p{L}+)-[ \t]*\r?\n[ \t]*(\p{Ll}+)/gu;
const SOFT_HYPHEN = /\u00ad(?:[ \t]*\r?\n[ \t]*)?/g;
/** A lower-case word part, a hyphen, one space and a lower-case word part. */
const SPACED_HYPHEN = /(?<![\p{L}-])(\p{Ll}{2,})- (\p{Ll}{2,})(?![\p{L}-])/gu;

export const mayHoldHyphenation = (text: string): boolean => /-[ \t]*\r?\n|\u00ad|\p{Ll}- \p{Ll}/u.test(text);

/** `dict` is null when the language has no word list. */
export function hyphenEdits(
  text: string,
  dict: Dictionary | null,
  isTerm: (word: string) => boolean = () => false,
): Edit[] {
  const edits: Edit[] = [];
  LINE_END_HYPHEN.lastIndex = 0;
  for (let m = LINE_END_HYPHEN.exec(text); m; m = LINE_END_HYPHEN.exec(text)) {
    const [all, left, right] = m as unknown as [string, string, string];
    const hyphen = m.index + left.length;
    const join = dict ? joins(left.toLowerCase(), right, dict) : true;
    edits.push({ start: join ? hyphen : hyphen + 1, end: m.index + all.length - right.length, text: '' });
    LINE_END_HYPHEN.lastIndex = m.index + all.length - right.length;
  }
  if (dict) {
    SPACED_HYPHEN.lastIndex = 0;
    for (let m = SPACED_HYPHEN.exec(text); m; m = SPACED_HYPHEN.exec(text)) {
      const [, left, right] = m as unknown as [string, string, string];
      if (!joinsWithoutBreak(left, right, dict, isTerm)) continue;
      const hyphen = m.index + left.length;
      edits.push({ start: hyphen, end: hyphen + 2, text: '' });
    }
  }
  SOFT_HYPHEN.lastIndex = 0;
  for (let m = SOFT_HYPHEN.exec(text); m; m = SOFT_HYPHEN.exec(text))
    edits.push({ start: m.index, end: m.index + m[0].length, text: '' });
  return edits.sort((a, b) => a.start - b.start);
}

function joins(left: string, right: string, dict: Dictionary): boolean {
  const joined = left + right;
  if (dict.classOf(joined) !== undefined) return true;
  return dict.classOf(right) === undefined && segmentWords(joined, dict) !== null;
}

function joinsWithoutBreak(
  left: string,
  right: string,
  dict: Dictionary,
  isTerm: (word: string) => boolean,
): boolean {
  const joined = left + right;
  return dict.classOf(joined) !== undefined && (dict.classOf(right) === undefined || isTerm(joined));
}
