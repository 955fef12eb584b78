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
/** A label word that opens a label: capitalised ("Displaced", "IDPs"). */
const OPENS = /^\p{Lu}/u;

/** The pairs of number cell and label cell of the text's side-by-side key-figure rows. */
export function keyFigureRows(text: string, lex: Lexicon): [RowCell, RowCell][] {
  const lines = linesOf(text)
    .map(({ start, raw }) => wordsOf(raw, start))
    .filter((words) => words.length > 0);
  const out: [RowCell, RowCell][] = [];
  const pair = (numbers: RowCell[], labels: RowCell[]) => numbers.forEach((n, k) => out.push([n, labels[k]!]));
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1];
    // A line of numbers alone, its labels on the line below, else a line of labels over the numbers below.
    const numbers = wholeLine(numberCells(line, 0, lex), line);
    const below = numbers && next && wholeLine(labelCells(next, 0, numbers.length, lex), next);
    const after = !below && next ? wholeLine(numberCells(next, 0, lex), next) : null;
    const above = after && wholeLine(labelCells(line, 0, after.length, lex), line);
    if (numbers && below) pair(numbers, below.cells);
    else if (after && above) pair(after, above.cells);
    else {
      out.push(...inlineRows(line, lex));
      continue;
    }
    i++;
  }
  return out;
}

/** A line's words with where each starts in the text. */
const wordsOf = (line: string, start: number): RowCell[] =>
  [...line.matchAll(/\S+/gu)].map((m) => ({ text: m[0], start: start + m.index, end: start + m.index + m[0].length }));

/** The cells read from a line's first word, when they take the whole line. */
function wholeLine<T extends { next: number }>(read: T | null, words: readonly RowCell[]): T | null {
  return read && read.next === words.length ? read : null;
}

/** Rows of numbers and their labels run into one line, each opening the line or a sentence. */
function inlineRows(words: readonly RowCell[], lex: Lexicon): [RowCell, RowCell][] {
  const out: [RowCell, RowCell][] = [];
  for (let i = 0; i < words.length; i++) {
    if (i > 0 && !/[.!?:]$/u.test(words[i - 1]!.text)) continue;
    const numbers = numberCells(words, i, lex);
    const labels = numbers && labelCells(words, numbers.next, numbers.length, lex);
    if (!numbers || !labels) continue;
    numbers.forEach((c, n) => out.push([c, labels.cells[n]!]));
    i = labels.next - 1;
  }
  return out;
}

/**
 * The run of number cells from word `i`, a scale word joined to the number before it ("3.2
 * million"), and the index of the word after it; null for fewer than MIN_CELLS or a run of years.
 */
function numberCells(words: readonly RowCell[], i: number, lex: Lexicon): (RowCell[] & { next: number }) | null {
  const cells: RowCell[] = [];
  let k = i;
  for (; k < words.length; k++) {
    const w = words[k]!;
    const prev = cells[cells.length - 1];
    if (NUMBER.test(w.text)) cells.push(w);
    else if (prev && /\d$/u.test(prev.text) && (lex.scales.get(w.text.toLowerCase()) ?? 0) >= 1000)
      cells[cells.length - 1] = { start: prev.start, end: w.end, text: `${prev.text} ${w.text}` };
    else break;
  }
  // A run of years ("2019 2020 2021") heads a table; it counts nothing.
  if (cells.length < MIN_CELLS || cells.every((c) => /^(?:19|20)\d\d$/u.test(c.text))) return null;
  return Object.assign(cells, { next: k });
}

/**
 * The `n` labels from word `i`, each opened by a capitalised word, short, whole and without digits,
 * and the index of the word after the last; null when the words do not split so. A label ending
 * on a function word ("People assisted in") was cut by the split, and the row is no box.
 */
function labelCells(
  words: readonly RowCell[],
  i: number,
  n: number,
  lex: Lexicon,
): { cells: RowCell[]; next: number } | null {
  const cells: (RowCell & { words: number })[] = [];
  let k = i;
  for (; k < words.length; k++) {
    const w = words[k]!;
    if (OPENS.test(w.text)) {
      if (cells.length === n) break;
      cells.push({ ...w, words: 1 });
    } else if (cells.length === 0) return null;
    else {
      const last = cells[cells.length - 1]!;
      cells[cells.length - 1] = { ...last, end: w.end, text: `${last.text} ${w.text}`, words: last.words + 1 };
    }
    if (/\d|[.;!?]$/u.test(w.text)) return null;
  }
  if (cells.length !== n || cells.some((c) => c.words > LABEL_WORDS)) return null;
  // (Prepositions, conjunctions and short function words: "in", "and", "of", "the", "de".)
  const cut = (l: RowCell) => {
    const w = l.text.split(' ').pop()!.toLowerCase();
    return lex.itemPrepositions.has(w) || lex.coordinators.has(w) || (w.length <= 3 && lex.functionWords.has(w));
  };
  if (cells.some(cut)) return null;
  return { cells: cells.map(({ start, end, text }) => ({ start, end, text })), next: k };
}
