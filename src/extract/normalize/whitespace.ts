// Line breaks inside a sentence and runs of spaces, as PDF text extraction leaves them. A single
// line break between a word, figure or comma and a lower-case word continues the sentence, so it
// becomes one space. A blank line, a line after a full stop, a bullet or a capitalised line is left
// alone: the sentence splitter reads those as breaks. Runs of spaces become one space;
// tabs are kept, since plain-text tables separate their cells with them. A key figure's scale word
// on a line of its own joins the figure ("20.7\n\nmillion"), and its loose point closes ("26 . 4",
// "the 1. 2 million Lebanese").
import type { Edit } from './offsetMap.js';

const SPACE_RUN = / {2,}/g;
/** Digits, maybe a loose decimal point (" . 4"), a line break with blank lines, a scale word. */
const SCALE_BELOW =
  /(?<![\d.,])(\d{1,3}(?:[.,]\d{1,2})?)(?:( \. )(\d{1,2}))?([ \t]*\n(?:[ \t]*\n)*[ \t]*)(?=(?:million|millions|billion|billions|millones|millón|milliards?|lakh|crore)\b)/giu;
/** A decimal point come loose on one line before a scale word: "the 1. 2 million Lebanese", "26 . 4 million". */
const LOOSE_POINT =
  /(?<![\d.,])(\d{1,3})( ?\. | \.)(\d{1,2}) (?=(?:million|millions|billion|billions|millones|millón|milliards?|lakh|crore)\b)/giu;
const BEFORE_BREAK = /[\p{L}\d,]/u;
const AFTER_BREAK = /\p{Ll}/u;
const isBlank = (c: string | undefined) => c === ' ' || c === '\t';

export const mayHoldLooseSpace = (text: string): boolean =>
  text.includes('\n') || text.includes('  ') || /\d(?: ?\. | \.)\d/.test(text);

export function whitespaceEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  // A letter, digit or comma; spaces; one line break; spaces; a lower-case letter.
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
    let s = nl;
    while (s > 0 && (isBlank(text[s - 1]) || text[s - 1] === '\r')) s--;
    let e = nl + 1;
    while (isBlank(text[e])) e++;
    if (s > 0 && BEFORE_BREAK.test(text[s - 1]!) && AFTER_BREAK.test(text[e] ?? ''))
      edits.push({ start: s, end: e, text: ' ' });
  }
  // A key figure whose scale word fell to the next line, past blank lines, and whose decimal point
  // came loose: "26 . 4\n\nmillion refugees" is "26.4 million refugees".
  SCALE_BELOW.lastIndex = 0;
  for (let m = SCALE_BELOW.exec(text); m; m = SCALE_BELOW.exec(text)) {
    const [, whole, point, decimals, gap] = m;
    const at = m.index + whole!.length;
    if (point) edits.push({ start: at, end: at + point.length, text: '.' });
    const gapAt = at + (point?.length ?? 0) + (decimals?.length ?? 0);
    edits.push({ start: gapAt, end: gapAt + gap!.length, text: ' ' });
  }
  LOOSE_POINT.lastIndex = 0;
  for (let m = LOOSE_POINT.exec(text); m; m = LOOSE_POINT.exec(text)) {
    const at = m.index + m[1]!.length;
    edits.push({ start: at, end: at + m[2]!.length, text: '.' });
  }
  SPACE_RUN.lastIndex = 0;
  for (let m = SPACE_RUN.exec(text); m; m = SPACE_RUN.exec(text)) {
    // Leading indentation is left alone, and a run already inside a line-break edit is covered.
    if (m.index === 0 || text[m.index - 1] === '\n') continue;
    edits.push({ start: m.index, end: m.index + m[0].length, text: ' ' });
  }
  return mergeSorted(edits);
}

/** Sorted edits with those inside an earlier one dropped. */
function mergeSorted(edits: Edit[]): Edit[] {
  edits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Edit[] = [];
  for (const e of edits) if (out.length === 0 || e.start >= out[out.length - 1]!.end) out.push(e);
  return out;
}
