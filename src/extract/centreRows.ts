// Facts from the rows of a table of families and persons served inside and outside evacuation
// centres, as Philippine disaster reports print it and PDF extraction flattens it:
//
//   NO. OF ECs | SERVED INSIDE EC | SERVED OUTSIDE EC | TOTAL SERVED
//              |   FAM    PERS    |   FAM    PERS     |  FAM    PERS
//   REGION I 36 536 1,703 4 6 540 1,709      →  inside 536 / 1,703, outside 4 / 6, total 540 / 1,709
//   REGION VIII 5 23 92 - - 23 92            →  inside 23 / 92, no one outside, total 23 / 92
//
// The heading before the rows names both places of stay (lexicon `centre_table`: "inside",
// "outside") and both units ("families", "persons"); its words come out of order when the PDF's
// two-level heading is flattened, so the columns are not read from it. Each row is checked by its
// sums instead: its last six cells are families and persons inside, outside, and in all, and the
// two parts must add up to the total in both units (to within a hundredth: reports slip). A row
// that leaves one part's cells blank (no dash) has two cells fewer than the table's full rows: the
// part it keeps equals the total, and it is the part inside centres when the row counts centres
// before it. A row that fails its sums gives nothing: no sentence holds these figures, and a guess
// at their columns would be wrong.
import type { Fact, Term, Unit } from '../types.js';
import type { Lexicon } from './lexicon.js';
import { newFact } from './fact.js';

/** How far before the first row its heading may start, in characters. */
const HEADING_REACH = 600;
/** The parts may miss their total by one part in this many, at most: a report’s own slip. */
const SLACK = 100;
/** The most words of a row's name: "ALBAY Santo Domingo (Libog)". */
const NAME_WORDS = 6;
/** A row: a name of capitalised words, then its cells, each a count or a dash for an empty one. */
const WORD = String.raw`\(?\p{Lu}[\p{L}\p{M}.'’&/()-]*`;
const COUNT = String.raw`\d{1,3}(?:,\d{3})+|\d+|[-–—]`;
const CELLS = String.raw`(?:\s+(?:${COUNT})(?![\d,.]\d))+`;
const ROW = new RegExp(
  String.raw`(?<![\p{L}\d])${WORD}(?:[ \t]+(?:${WORD}|of|de|del|and|y)){0,${NAME_WORDS - 1}}${CELLS}`,
  'gu',
);
const TAIL = new RegExp(`${CELLS}$`, 'u');
const CELL = new RegExp(COUNT, 'g');

interface Cell {
  value: number | null;
  start: number;
  end: number;
}

interface Row {
  start: number;
  end: number;
  cells: Cell[];
}

export interface CentreRows {
  facts: Fact[];
  /** Where the table's figures start: the sentence reader's facts about them give way. */
  claimed: Set<number>;
}

export function readCentreRows(text: string, lex: Lexicon): CentreRows {
  const facts: Fact[] = [];
  const claimed = new Set<number>();
  const words = lex.centreTable;
  if (!hasWord(text, words.inside) || !hasWord(text, words.outside))
    return { facts, claimed };
  let previousEnd = 0;
  for (const run of rowRuns(text)) {
    const from = Math.max(previousEnd, run[0]!.start - HEADING_REACH);
    previousEnd = run[run.length - 1]!.end;
    const heading = headingOf(text, from, run[0]!.start, lex);
    if (!heading) continue;
    // (A loop, not a spread: a hostile text may hold more rows than a call takes arguments.)
    const width = run.reduce((w, r) => (sums(r) !== null ? Math.max(w, r.cells.length) : w), 0);
    if (width === 0) continue;
    for (const row of run) {
      const parts = sums(row) ?? shortRow(row, width);
      if (!parts) continue;
      const span: [number, number] = [row.start, row.end];
      for (const [cell, part, unit] of parts) {
        if (cell.value === null || cell.value === 0) continue;
        claimed.add(cell.start);
        const word = part === 'inside' ? heading.inside : heading.outside;
        facts.push(cellFact(cell, part === 'inside' ? 'sheltered' : 'displaced', unit, span, word));
      }
    }
  }
  return { facts, claimed };
}

/** A cell and the column it stands in: those inside centres, outside them, or all of them. */
type Placed = [Cell, 'inside' | 'outside' | 'total', Unit];

/** The parts of a full row whose sums hold: families and persons inside, outside and in all. */
function sums(row: Row): Placed[] | null {
  const c = row.cells;
  const n = c.length;
  if (n < 6) return null;
  const [fi, pi, fo, po, f, p] = c.slice(n - 6) as [Cell, Cell, Cell, Cell, Cell, Cell];
  if (f.value === null || p.value === null || f.value === 0 || f.value > p.value) return null;
  if (fi.value === null && fo.value === null) return null;
  if (!adds(fi, fo, f.value) || !adds(pi, po, p.value)) return null;
  return [
    [fi, 'inside', 'households'],
    [pi, 'inside', 'people'],
    [fo, 'outside', 'households'],
    [po, 'outside', 'people'],
    [f, 'total', 'households'],
    [p, 'total', 'people'],
  ];
}

/**
 * Whether two parts add up to a total. Reports' own totals are off by a few now and then (6,755
 * and 1,750 families beside a total of 8,501): a hundredth of the total is let pass.
 */
const adds = (a: Cell, b: Cell, total: number) =>
  Math.abs((a.value ?? 0) + (b.value ?? 0) - total) <= Math.floor(total / SLACK);

/**
 * A row two cells short of the table's width, one part blank: its last four cells are that part
 * and the total, equal. The cell before them counts the row's centres: people inside need one.
 */
function shortRow(row: Row, width: number): Placed[] | null {
  const c = row.cells;
  const n = c.length;
  if (n !== width - 2 || n < 5) return null;
  const [centres, fa, pa, f, p] = c.slice(n - 5) as [Cell, Cell, Cell, Cell, Cell];
  if (f.value === null || p.value === null || f.value === 0 || f.value > p.value) return null;
  if (fa.value !== f.value || pa.value !== p.value) return null;
  const part = centres.value !== null && centres.value > 0 ? 'inside' : 'outside';
  return [
    [fa, part, 'households'],
    [pa, part, 'people'],
    [f, 'total', 'households'],
    [p, 'total', 'people'],
  ];
}

/** Runs of rows that follow one another with nothing but space (or empty cells) between them. */
function rowRuns(text: string): Row[][] {
  const runs: Row[][] = [];
  let run: Row[] = [];
  for (const m of text.matchAll(ROW)) {
    const row = rowOf(m[0], m.index);
    const last = run[run.length - 1];
    if (last && !/^[\s\-–—]*$/.test(text.slice(last.end, row.start))) {
      runs.push(run);
      run = [];
    }
    run.push(row);
  }
  if (run.length > 0) runs.push(run);
  return runs.filter((r) => r.length >= 2);
}

function rowOf(match: string, at: number): Row {
  // The cells are the counts and dashes after the name's last word.
  const cells: Cell[] = [];
  const tail = TAIL.exec(match)!;
  const base = at + tail.index;
  for (const c of tail[0].matchAll(CELL)) {
    const value = /\d/.test(c[0]) ? Number(c[0].replace(/,/g, '')) : null;
    cells.push({ value, start: base + c.index, end: base + c.index + c[0].length });
  }
  return { start: at, end: at + match.length, cells };
}

interface Heading {
  inside: [number, number];
  outside: [number, number];
}

/** The heading's words of both parts, when it also names both units. */
function headingOf(text: string, from: number, to: number, lex: Lexicon): Heading | null {
  const { inside, outside, households, people } = lex.centreTable;
  let inWord: [number, number] | null = null;
  let outWord: [number, number] | null = null;
  let families = false;
  let persons = false;
  for (const m of text.slice(from, to).matchAll(/[\p{L}\p{M}]+/gu)) {
    const w = m[0].toLowerCase();
    const at: [number, number] = [from + m.index, from + m.index + m[0].length];
    if (inside.has(w)) inWord ??= at;
    else if (outside.has(w)) outWord ??= at;
    else if (households.has(w)) families = true;
    else if (people.has(w)) persons = true;
  }
  return inWord && outWord && families && persons ? { inside: inWord, outside: outWord } : null;
}

/** One whole-word pattern per lexicon word set, built the first time a document is read, not per document. */
const mentions = new WeakMap<Set<string>, RegExp>();

function hasWord(text: string, words: Set<string>): boolean {
  if (words.size === 0) return false;
  let pattern = mentions.get(words);
  if (!pattern) {
    const escaped = [...words].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    pattern = new RegExp(`(?<!\\p{L})(?:${escaped.join('|')})(?!\\p{L})`, 'iu');
    mentions.set(words, pattern);
  }
  return pattern.test(text);
}

function cellFact(cell: Cell, term: Term, unit: Unit, span: [number, number], word: [number, number]): Fact {
  return newFact({
    term,
    figure: cell.value,
    qualifier: 'exact',
    unit,
    span,
    quantity_span: [cell.start, cell.end],
    term_span: word,
    confidence: 0.7,
    reason: `${term}:centre-row`,
    implied: ['qualifier'],
  });
}
