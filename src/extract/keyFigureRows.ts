// Key figures laid out side by side, as a situation report's header prints them and PDF extraction
// flattens them: a line of numbers and, right below or above it, a line of their labels run
// together.
//
//   3.2 million 223 355,998 398 69,135
//   Affected people Casualties Displaced people Evacuation centres Damaged homes
//
// The labels' words are split where a capitalised word opens the next one; the split must give
// exactly as many labels as there are numbers, each short, or the pair is no box. Extraction may
// also run both into one line, and on into the text after them ("… by the United Nations. 3.2
// million 223 355,998 398 69,135 Affected people Casualties … Damaged homes Situation Overview A
// total of …"): numbers that open a line or follow a sentence's end, then as many labels as there
// are numbers, are such a row too. keyFigures.ts pairs each number with its label as it does a
// box's lines.
import type { Lexicon } from './lexicon.js';
import { linesOf } from './segment/lines.js';

export interface RowCell {
  start: number;
  end: number;
  text: string;
}

/** Fewer numbers than this in a row are too few to tell a box from a line of a table or a date. */
const MIN_CELLS = 3;
/** The most words one label of the row may have. */
const LABEL_WORDS = 5;
/** A number cell: "355,998", ">1,800", "4.6M", "530K", "104". */
const NUMBER = /^(?:>|\+|~)?\d[\d,.]*[KkM]?\+?$/u;
/** Words of scale that join the number before them into one cell: "3.2 million". */
const SCALE_WORD = /^(?:million|millions|billion|thousand|mil|millón|millones|milliers?)$/iu;
/** A label word that opens a label: capitalised ("Displaced", "IDPs"). */
const OPENS = /^\p{Lu}/u;

/** The pairs of number cell and label cell of the text's side-by-side key-figure rows. */
export function keyFigureRows(text: string, lex: Lexicon): [RowCell, RowCell][] {
  const lines = linesOf(text)
    .map(({ start, raw }) => ({ start: start + raw.length - raw.trimStart().length, text: raw.trim() }))
    .filter((l) => l.text !== '');
  const out: [RowCell, RowCell][] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const numbers = numberCells(lines[i]!.text, lines[i]!.start);
    // Labels below the numbers, else above them.
    const below = numbers && labelCells(lines[i + 1]!.text, lines[i + 1]!.start, numbers.length, lex);
    if (numbers && below) {
      numbers.forEach((n, k) => out.push([n, below[k]!]));
      i++;
      continue;
    }
    const after = numberCells(lines[i + 1]!.text, lines[i + 1]!.start);
    const above = after && labelCells(lines[i]!.text, lines[i]!.start, after.length, lex);
    if (after && above) {
      after.forEach((n, k) => out.push([n, above[k]!]));
      i++;
      continue;
    }
    out.push(...inlineRows(lines[i]!.text, lines[i]!.start, lex));
  }
  const last = lines[lines.length - 1];
  if (last) out.push(...inlineRows(last.text, last.start, lex));
  return out;
}

/** A line's words with where each starts in the text. */
const wordsOf = (line: string, start: number) =>
  [...line.matchAll(/\S+/gu)].map((m) => ({ text: m[0], start: start + m.index, end: start + m.index + m[0].length }));

/** Rows of numbers and their labels run into one line, each opening the line or a sentence. */
function inlineRows(line: string, start: number, lex: Lexicon): [RowCell, RowCell][] {
  const words = wordsOf(line, start);
  const out: [RowCell, RowCell][] = [];
  for (let i = 0; i < words.length; i++) {
    if (i > 0 && !/[.!?:]$/u.test(words[i - 1]!.text)) continue;
    if (!NUMBER.test(words[i]!.text)) continue;
    // The run of number cells, a scale word joined to the number before it.
    const cells: RowCell[] = [];
    let k = i;
    for (; k < words.length; k++) {
      const w = words[k]!;
      const prev = cells[cells.length - 1];
      if (NUMBER.test(w.text)) cells.push({ ...w });
      else if (prev && SCALE_WORD.test(w.text) && /\d$/u.test(prev.text))
        cells[cells.length - 1] = { start: prev.start, end: w.end, text: `${prev.text} ${w.text}` };
      else break;
    }
    if (cells.length < MIN_CELLS || cells.every((c) => /^(?:19|20)\d\d$/u.test(c.text))) continue;
    const labels = splitLabels(words.slice(k), cells.length, line, start, lex);
    if (!labels) continue;
    cells.forEach((c, n) => out.push([c, labels[n]!]));
    i = k;
  }
  return out;
}

/** The first `n` labels of the words, each opened by a capitalised word, short and without digits. */
function splitLabels(
  words: readonly RowCell[],
  n: number,
  line: string,
  start: number,
  lex: Lexicon,
): RowCell[] | null {
  const cells: { start: number; end: number; words: number }[] = [];
  for (const w of words) {
    if (OPENS.test(w.text)) {
      if (cells.length === n) break;
      cells.push({ start: w.start, end: w.end, words: 1 });
    } else if (cells.length === 0) return null;
    else {
      const last = cells[cells.length - 1]!;
      cells[cells.length - 1] = { start: last.start, end: w.end, words: last.words + 1 };
    }
    if (/\d|[.;!?]$/u.test(w.text)) return null;
  }
  return labelsOf(cells, n, line, start, lex);
}

/** The labels, when there are `n` of them, each short and whole: one ending on a function word
 * ("People assisted in") was cut by the split, and the row is no box. */
function labelsOf(
  cells: readonly { start: number; end: number; words: number }[],
  n: number,
  line: string,
  start: number,
  lex: Lexicon,
): RowCell[] | null {
  if (cells.length !== n || cells.some((c) => c.words > LABEL_WORDS)) return null;
  const labels = cells.map((c) => ({ start: c.start, end: c.end, text: line.slice(c.start - start, c.end - start) }));
  // (Prepositions, conjunctions and short function words: "in", "and", "of", "the", "de".)
  const cut = (l: RowCell) => {
    const w = l.text.split(/\s+/u).pop()!.toLowerCase();
    return lex.itemPrepositions.has(w) || lex.coordinators.has(w) || (w.length <= 3 && lex.functionWords.has(w));
  };
  return labels.some(cut) ? null : labels;
}

/** The number cells of a line made of numbers only, or null. */
function numberCells(line: string, start: number): RowCell[] | null {
  const cells: RowCell[] = [];
  for (const m of line.matchAll(/\S+/gu)) {
    const word = m[0];
    const at = start + m.index;
    const last = cells[cells.length - 1];
    if (NUMBER.test(word)) cells.push({ start: at, end: at + word.length, text: word });
    else if (last && SCALE_WORD.test(word) && /\d$/u.test(last.text))
      cells[cells.length - 1] = { start: last.start, end: at + word.length, text: `${last.text} ${word}` };
    else return null;
  }
  // A run of years ("2019 2020 2021") heads a table; it counts nothing.
  if (cells.every((c) => /^(?:19|20)\d\d$/u.test(c.text))) return null;
  return cells.length >= MIN_CELLS ? cells : null;
}

/** The line split into `n` labels, each opened by a capitalised word; null when it does not split so. */
function labelCells(line: string, start: number, n: number, lex: Lexicon): RowCell[] | null {
  if (/\d/u.test(line)) return null;
  const cells: { start: number; end: number; words: number }[] = [];
  for (const m of line.matchAll(/\S+/gu)) {
    const at = start + m.index;
    const last = cells[cells.length - 1];
    if (OPENS.test(m[0]) || !last) {
      if (!OPENS.test(m[0])) return null;
      cells.push({ start: at, end: at + m[0].length, words: 1 });
    } else cells[cells.length - 1] = { start: last.start, end: at + m[0].length, words: last.words + 1 };
  }
  return labelsOf(cells, n, line, start, lex);
}
