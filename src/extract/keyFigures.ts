// Facts from key-figure boxes, as dashboards and situation reports print them: a number on a line
// of its own and its label on the line below it or above it, often with blank lines between.
//
//   45,122                        Personas desplazadas a albergues oficiales
//   PEOPLE DISPLACED              1239
//   12,413                        Personas desplazadas a casas de familiares
//   SHELTERS DAMAGED              3774
//
// A run of lines that alternate strictly between a number alone and a short label without
// digits is such a box. Which way it reads follows from how it ends: a run that ends on a number
// has each label above its number, one that ends on a label has it below; a label left over at
// the start is the box's heading. A run that starts and ends on numbers is left alone. Each label
// names its term as a table's header cell does (table.ts); a label without a term ("DEATHS",
// "PEOPLE AFFECTED") gives nothing, and its number is no one's else. The sentence reader's facts
// about the box's numbers give way to the box's own.
import { HOUSING_TERMS, type Fact } from '../types.js';
import type { Lexicon } from './lexicon.js';
import { newFact } from './fact.js';
import { readDigits } from './quantity/digits.js';
import { columnTerm } from './table.js';
import { linesOf } from './segment/lines.js';

interface Line {
  kind: 'number' | 'label' | 'other';
  start: number;
  end: number;
  text: string;
}

/** A number alone on its line: "45,122", "> 1,200", "3 774". */
const NUMBER_LINE = /^(?:>|\+|~)?\s*(\d[\d,. \u00a0]*\d|\d)\+?$/;
/** The most words a label line may have. */
const LABEL_WORDS = 12;
/** What the confidence of a box's fact starts at: its layout, not a sentence, ties label and number. */
const KEY_CONFIDENCE = 0.7;

export interface KeyFigures {
  facts: Fact[];
  /** Where every number of a box starts: the sentence reader's facts about them are dropped. */
  claimed: Set<number>;
}

export function readKeyFigures(text: string, lex: Lexicon): KeyFigures {
  const out: KeyFigures = { facts: [], claimed: new Set() };
  const lines = boxLines(text);
  let i = 0;
  while (i < lines.length) {
    // A run alternates number and label lines; any other line ends it and starts none.
    let j = i + 1;
    if (lines[i]!.kind !== 'other')
      while (j < lines.length && lines[j]!.kind !== 'other' && lines[j]!.kind !== lines[j - 1]!.kind) j++;
    readRun(lines.slice(i, j), lex, out);
    i = j;
  }
  return out;
}

/** The number and label lines of the text, blank lines skipped; any other line breaks a run. */
function boxLines(text: string): Line[] {
  const lines: Line[] = [];
  for (const { start, raw } of linesOf(text)) {
    const line = raw.trim();
    if (line === '') continue;
    const s = start + raw.length - raw.trimStart().length;
    lines.push({ kind: lineKind(line), start: s, end: s + line.length, text: line });
  }
  return lines;
}

function lineKind(line: string): Line['kind'] {
  if (NUMBER_LINE.test(line)) return 'number';
  if (/\d/.test(line) || !/\p{L}/u.test(line)) return 'other';
  return line.split(/\s+/).length <= LABEL_WORDS ? 'label' : 'other';
}

function readRun(run: Line[], lex: Lexicon, out: KeyFigures): void {
  if (run.some((l) => l.kind === 'other')) return;
  const numbers = run.filter((l) => l.kind === 'number');
  if (numbers.length < 2) return;
  const first = run[0]!;
  const last = run[run.length - 1]!;
  if (first.kind === 'number' && last.kind === 'number') return;
  // Ends on a number: labels above; else labels below, a leading label the heading.
  const above = last.kind === 'number';
  for (const n of numbers) out.claimed.add(digitsAt(n));
  for (let k = 0; k < run.length; k++) {
    const number = run[k]!;
    if (number.kind !== 'number') continue;
    const label = run[above ? k - 1 : k + 1];
    if (!label || label.kind !== 'label') continue;
    const fact = pairFact(number, label, lex);
    if (fact) out.facts.push(fact);
  }
}

/** Where a number line's digits start, past a sign ("> 1,200"): where its quantity starts. */
const digitsAt = (number: Line) => number.start + number.text.indexOf(NUMBER_LINE.exec(number.text)![1]!);

function pairFact(number: Line, label: Line, lex: Lexicon): Fact | null {
  const column = columnTerm(label, lex, 'last');
  if (!column) return null;
  const digits = NUMBER_LINE.exec(number.text)![1]!;
  const reading = readDigits(digits, { decimalMark: lex.decimalMark, counted: true });
  if (!reading || reading.decimal || !Number.isSafeInteger(reading.value)) return null;
  const at = digitsAt(number);
  const qualifier = /^(?:>|\+)|\+$/.test(number.text) ? 'more_than' : 'exact';
  const housing = HOUSING_TERMS.has(column.term);
  return newFact({
    term: column.term,
    figure: reading.value,
    qualifier,
    unit: housing || column.households ? 'households' : 'people',
    span: [Math.min(number.start, label.start), Math.max(number.end, label.end)],
    quantity_span: [at, at + digits.length],
    term_span: [label.start, label.end],
    confidence: KEY_CONFIDENCE,
    reason: `${column.reason}:key-figure`,
    implied: qualifier === 'exact' ? ['qualifier'] : [],
  });
}
