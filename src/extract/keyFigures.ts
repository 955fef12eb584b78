// Facts from key-figure boxes, as dashboards and situation reports print them: a number on a line
// of its own and its label on the line below it or above it, often with blank lines between.
//
//   45,122                        Personas desplazadas a albergues oficiales
//   PEOPLE DISPLACED              1239
//   12,413                        Personas desplazadas a casas de familiares
//   SHELTERS DAMAGED              3774
//
// A run of lines that alternate strictly between a number alone ("2.9M" as dashboards shorten it)
// and a short label without digits other than a date ("… as of 31 December 2020"), perhaps wrapped
// over lines, is such a box. Which way it reads follows from how it ends: a run that ends on a number
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
import { keyFigureRows } from './keyFigureRows.js';
import { tokenize } from './segment/tokens.js';

interface Line {
  kind: 'number' | 'label' | 'other';
  start: number;
  end: number;
  text: string;
  /** A label wrapped over lines: its last line alone. */
  lastLine?: Line;
}

/**
 * A number alone on its line: "45,122", "> 1,200", "3 774", "2.9M", "126K", "0.269 million", with
 * perhaps a footnote's star ("127 838*"). A word
 * after the digits makes a number line only when the lexicon knows it as a scale (scaleOf).
 */
const NUMBER_LINE = /^(?:>|\+|~)?\s*(\d[\d,. \u00a0]*\d|\d)(?:([KkM])| ?(\p{L}{2,}))?\+?\*?$/u;
/** What a dashboard's abbreviation multiplies by ("2.9M", "5.3K"). */
const LETTER_SCALE: Record<string, number> = { K: 1e3, k: 1e3, M: 1e6 };

/** The scale a number line's suffix multiplies by: 1 without one, undefined for a word that is no scale ("3 Regions"). */
function scaleOf(m: RegExpExecArray, lex: Lexicon): number | undefined {
  if (m[2]) return LETTER_SCALE[m[2]];
  if (!m[3]) return 1;
  const scale = lex.scales.get(m[3].toLowerCase());
  return scale !== undefined && scale >= 1000 ? scale : undefined;
}

/**
 * Dates a label may carry: "IDPs … as of 31 December 2020", "since 1 January 2021", "(Aug 2020)".
 * Their digits tell when, not what; other digits make the line no label.
 */
const DATE_OPENER = String.raw`(?:\b(?:as of|as at|since|until|from|on|in|by|desde|hasta|al|au|depuis|du|le|el|en)\s+)?`;
const LABEL_DATES = [
  String.raw`\b\d{1,2}(?:st|nd|rd|th)?\s+\p{L}+\.?,?\s+(?:19|20)\d\d\b`,
  String.raw`\b\p{L}+\.?\s+\d{1,2},?\s+(?:19|20)\d\d\b`,
  String.raw`\b(?:19|20)\d\d\b`,
].map((date) => new RegExp(DATE_OPENER + date, 'giu'));
/** The most words a label line may have. */
const LABEL_WORDS = 12;
/** A number grouped in thousands ("51 000", "127,838") or scaled ("2.9M"). */
const GROUPED = /\d[ ,.\u00a0]\d{3}(?!\d)|\d[KkM]\b/u;
/** What the confidence of a box's fact starts at: its layout, not a sentence, ties label and number. */
const KEY_CONFIDENCE = 0.7;

export interface KeyFigures {
  facts: Fact[];
  /** Where every number of a box starts: the sentence reader's facts about them are dropped. */
  claimed: Set<number>;
}

export function readKeyFigures(text: string, lex: Lexicon): KeyFigures {
  const out: KeyFigures = { facts: [], claimed: new Set() };
  const lines = boxLines(text, lex);
  let i = 0;
  while (i < lines.length) {
    // A run alternates number and label lines; any other line ends it and starts none.
    let j = i + 1;
    if (lines[i]!.kind !== 'other')
      while (j < lines.length && lines[j]!.kind !== 'other' && lines[j]!.kind !== lines[j - 1]!.kind) j++;
    // A box of one figure stands apart: blank lines around its number, no number line before it
    // (not the last of a column of numbers whose labels follow as another column).
    const apart = (l: Line) =>
      lines[lines.indexOf(l) - 1]?.kind !== 'number' &&
      /(?:^|\n[ \t]*\n)[ \t]*$/.test(text.slice(0, l.start)) &&
      /^[ \t]*\n[ \t]*\n/.test(text.slice(l.end));
    readRun(lines.slice(i, j), lex, out, apart);
    i = j;
  }
  // Numbers side by side over their labels, as a report's header prints them (keyFigureRows.ts).
  for (const [number, label] of keyFigureRows(text, lex)) {
    const cell: Line = { kind: 'number', ...number };
    if (!NUMBER_LINE.test(cell.text) || scaleOf(NUMBER_LINE.exec(cell.text)!, lex) === undefined) continue;
    out.claimed.add(digitsAt(cell));
    const fact = pairFact(cell, { kind: 'label', ...label }, lex);
    if (fact) out.facts.push(fact);
  }
  return out;
}

/** The number and label lines of the text, blank lines skipped; any other line breaks a run. */
function boxLines(text: string, lex: Lexicon): Line[] {
  const lines: Line[] = [];
  for (const { start, raw } of linesOf(text)) {
    const line = raw.trim();
    if (line === '') continue;
    const s = start + raw.length - raw.trimStart().length;
    const current: Line = { kind: lineKind(line, lex), start: s, end: s + line.length, text: line };
    // A label wrapped over lines ("Estimated refugee outflows / to neighbouring countries / since
    // 1 February 2021") is one label, while it stays short.
    const prev = lines[lines.length - 1];
    if (prev?.kind === 'label' && current.kind === 'label' && words(`${prev.text} ${line}`) <= WRAPPED_LABEL_WORDS) {
      lines[lines.length - 1] = { ...prev, end: current.end, text: `${prev.text} ${line}`, lastLine: current };
      continue;
    }
    lines.push(current);
  }
  return lines;
}

/** The most words of a label wrapped over lines. */
const WRAPPED_LABEL_WORDS = 24;

const words = (text: string) => undatedOf(text).trim().split(/\s+/).length;

/** The text without the dates it carries. */
const undatedOf = (line: string) => LABEL_DATES.reduce((rest, date) => rest.replace(date, ''), line);

/** The opening of a line naming where a box's figures come from. */
const SOURCE_LINE = /^(?:sources?|fuentes?|data sources?)\s*:/iu;

function lineKind(line: string, lex: Lexicon): Line['kind'] {
  const number = NUMBER_LINE.exec(line);
  if (number && scaleOf(number, lex) !== undefined) return 'number';
  if (/\d/.test(undatedOf(line)) || !/\p{L}/u.test(line)) return 'other';
  // A box's source line ("Source : Cluster Abris / CCCM – OIM") ends it; it labels nothing.
  if (SOURCE_LINE.test(line)) return 'other';
  return words(line) <= LABEL_WORDS ? 'label' : 'other';
}

function readRun(run: Line[], lex: Lexicon, out: KeyFigures, apart: (l: Line) => boolean): void {
  if (run.some((l) => l.kind === 'other')) return;
  const numbers = run.filter((l) => l.kind === 'number');
  // A box of one figure, its label below it, perhaps under a heading ("Faits saillants / 51 000 /
  // déplacés internes retournés dans leurs villages d'origine"): only a figure grouped in thousands
  // or scaled, which no page number or year is, and set apart by blank lines.
  const lone = numbers.length === 1 ? numbers[0]! : undefined;
  const below = lone && run[run.length - 2] === lone ? run[run.length - 1] : undefined;
  if (lone && below && GROUPED.test(lone.text) && apart(lone)) {
    const fact = pairFact(lone, below, lex);
    if (fact) {
      out.claimed.add(digitsAt(lone));
      out.facts.push(fact);
    }
    return;
  }
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
    let label = run[above ? k - 1 : k + 1];
    if (!label || label.kind !== 'label') continue;
    // A box read with its labels above may open with a heading wrapped into its first label
    // ("Shelter needs / People in collective centres"): that label is its last line.
    if (above && k === 1 && label.lastLine) label = label.lastLine;
    const fact = pairFact(number, label, lex);
    if (fact) out.facts.push(fact);
  }
}

/** Where a number line's digits start, past a sign ("> 1,200"): where its quantity starts. */
const digitsAt = (number: Line) => number.start + number.text.indexOf(NUMBER_LINE.exec(number.text)![1]!);

function pairFact(number: Line, label: Line, lex: Lexicon): Fact | null {
  const column = columnTerm(label, lex, 'last');
  if (!column || countsSites(label, column.reason, lex)) return null;
  const m = NUMBER_LINE.exec(number.text)!;
  const digits = m[1]!;
  const suffix = m[2] ?? m[3];
  const reading = readDigits(digits, { decimalMark: lex.decimalMark, counted: !suffix, followedByScale: !!suffix });
  if (!reading || (reading.decimal && !suffix)) return null;
  const figure = Math.round(reading.value * scaleOf(m, lex)!);
  if (!Number.isSafeInteger(figure) || figure <= 0) return null;
  const at = digitsAt(number);
  const digitsEnd = at + digits.length;
  const quantityEnd = suffix ? number.start + number.text.indexOf(suffix, digitsEnd - number.start) + suffix.length : digitsEnd;
  const qualifier = /^(?:>|\+)|\+$/.test(number.text) ? 'more_than' : 'exact';
  const housing = HOUSING_TERMS.has(column.term);
  return newFact({
    term: column.term,
    figure,
    qualifier,
    unit: housing || column.households ? 'households' : 'people',
    span: [Math.min(number.start, label.start), Math.max(number.end, label.end)],
    quantity_span: [at, quantityEnd],
    term_span: [label.start, label.end],
    confidence: KEY_CONFIDENCE,
    reason: `${column.reason}:key-figure`,
    implied: qualifier === 'exact' ? ['qualifier'] : [],
  });
}

/** Whether a label counts shelters or camps, not people: "Evacuation centres", "IDP sites", "Tents". */
function countsSites(label: Line, reason: string, lex: Lexicon): boolean {
  const norms = tokenize(label.text).map((t) => t.norm);
  const last = norms[norms.length - 1] ?? '';
  const { people, households, housing } = lex.nouns;
  if (norms.some((w) => people.has(w) || households.has(w) || housing.has(w))) return false;
  return reason.endsWith(':camp-or-centre') || lex.nouns.shelters.has(last) || lex.refuge.sites.has(last);
}
