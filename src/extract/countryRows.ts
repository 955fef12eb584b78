// Facts from the rows of a table of countries, as global reports print them and as PDF text
// flattens them into one run of names and figures:
//
//   Country or territory  New displacements (conflict)  Total IDPs (conflict)
//   Afghanistan 461,000 117,000 2,993,000     →  "… Total number of IDPs … Afghanistan 461,000
//   Albania 33,000                                117,000 2,993,000 Albania 33,000 Algeria 3,200 …"
//                                                 "Serbia About 225,000 Georgia Up to 280,000 …"
//
// A row is a name and its figures, each maybe with its qualifier ("About", "Up to", "At least"),
// a dash standing for an empty cell. A run of rows is a table when it has at least MIN_ROWS rows
// and most of their names are countries, or, for other places (regions, districts, sites: "South
// 223,278 - 223,278 West 220,434 2,225 222,659 …"), when every row has as many columns and the
// cells are counts rather than the numbers of a list; no single sentence holds such a run, so the
// sentence reader gets none of its figures right. The table's term is the one displacement class
// that the words right before the run name (its title and column heads, on its line or the lines
// above, after the prose's last full stop when they hold one): the cells are counted under it.
// A heading naming two classes ("Refugees … Returnees") leaves the columns unknown: no facts.
import { HOUSING_TERMS, type Fact, type Term } from '../types.js';
import { COARSE } from './refine/dedupe.js';
import { type Lexicon, matchesAt } from './lexicon.js';
import { newFact } from './fact.js';
import { tokenize, type Token } from './segment/tokens.js';
import { findQuantities, type Quantity } from './quantity/find.js';
import { findTriggers, type Trigger } from './term/triggers.js';
import { COUNTRY_SLOTS } from './term/families.js';

/** Fewer rows than this are a sentence's list, not a table. */
const MIN_ROWS = 4;
/** The most words of a row's name: "Occupied Palestinian Territory", "Bosnia and Herzegovina". */
const NAME_WORDS = 5;
/** How far before the run its heading may start, in characters. */
const HEADING_REACH = 600;
/** Lower-case words inside a name: "Republic of the Congo", "Côte d Ivoire". */
const PARTICLES = new Set(['and', 'of', 'the', 'd', 'de', 'del', 'da', 'du', 'des', 'y', 'et', 'la', 'le']);
/** A capitalised word and a number after it, maybe past a qualifier: the start of a row, counted before a paragraph is read. */
const NAMED_NUMBER = /\p{Lu}[\p{L}\p{M}'’.-]*\s+(?:(?:[Aa]bout|[Uu]p to|[Aa]t least|[Oo]ver|[Mm]ore than|[Ss]ome)\s+)?\d/gu;
/** What an empty cell prints between two counts: "South 223,278 - 223,278". */
const EMPTY_CELLS = new Set(['-', '–', '—']);
/** A row's cell is a count: a year ("2012") ends the run instead. */
const YEAR = /^(1[89]|20)\d\d$/;

interface Row {
  /** Token index of the name's first word and one past its last. */
  name: [number, number];
  cells: Quantity[];
  /** The row's columns, an empty one (a dash: "South 223,278 - 223,278") as null. */
  slots: (Quantity | null)[];
  /** The token after the row's last cell. */
  next: number;
  country: boolean;
}

export interface CountryRows {
  facts: Fact[];
  /** Where the table's figures start: the sentence reader's facts about them give way. */
  claimed: Set<number>;
}

export function readCountryRows(text: string, lex: Lexicon): CountryRows {
  const facts: Fact[] = [];
  const claimed = new Set<number>();
  for (const [start, end] of paragraphs(text)) {
    // Most paragraphs hold too few names with a number after them for a table: they are not
    // tokenized a second time.
    if ((text.slice(start, end).match(NAMED_NUMBER) ?? []).length < MIN_ROWS) continue;
    const tokens = tokenize(text, start, end);
    const quantities = findQuantities(text, tokens, lex);
    for (const run of rowRuns(tokens, quantities, lex)) {
      const firstRow = run[0]!;
      const heading = headingTrigger(text, tokens[firstRow.name[0]]!.start, lex);
      if (!heading) continue;
      // "Barbados 100 100": two cells that the reader of quantities joined as one grouped by a space,
      // where the table groups its thousands with a comma.
      const commas = run.some((r) => r.cells.some((q) => text.slice(q.start, q.end).includes(',')));
      for (const row of run) {
        const span: [number, number] = [tokens[row.name[0]]!.start, row.cells[row.cells.length - 1]!.end];
        for (const q of row.cells) {
          claimed.add(q.start);
          if (commas && /\s/.test(text.slice(q.start, q.end))) continue;
          facts.push(cellFact(q, span, heading));
        }
      }
    }
  }
  return { facts, claimed };
}

/** Spans of the text between blank lines: a table's rows may stand one to a line. */
function paragraphs(text: string): [number, number][] {
  const out: [number, number][] = [];
  const gap = /\n[ \t]*\n/g;
  let start = 0;
  for (let m = gap.exec(text); m; m = gap.exec(text)) {
    out.push([start, m.index]);
    start = m.index + m[0].length;
  }
  out.push([start, text.length]);
  return out;
}

/** Runs of rows, each run long enough and mostly of countries. */
function rowRuns(tokens: readonly Token[], quantities: readonly Quantity[], lex: Lexicon): Row[][] {
  const byLead = new Map(quantities.map((q) => [q.lead, q]));
  const runs: Row[][] = [];
  let run: Row[] = [];
  const flush = () => {
    if (run.length >= MIN_ROWS) {
      if (run.filter((r) => r.country).length * 2 >= run.length) runs.push(run);
      else if (isPlaceTable(cutLastRow(run), tokens, lex)) runs.push(run);
    }
    run = [];
  };
  let i = 0;
  while (i < tokens.length) {
    const row = rowAt(tokens, i, byLead, lex);
    if (!row) {
      flush();
      i++;
      continue;
    }
    // A row must start where the last one ended, or it opens a new run.
    const last = run[run.length - 1];
    if (last && last.next !== row.name[0]) flush();
    run.push(row);
    i = row.next;
  }
  flush();
  return runs;
}

/**
 * The last row of a table of places may run on into the numbers after it ("Grand Total 949,995
 * 30,329 980,324 9 10.8 …"): it keeps as many columns as the first row.
 */
function cutLastRow(run: Row[]): Row[] {
  const width = run[0]!.slots.length;
  const last = run[run.length - 1]!;
  if (last.slots.length > width) {
    last.slots = last.slots.slice(0, width);
    last.cells = last.slots.filter((q): q is Quantity => q !== null);
    last.next = last.cells[last.cells.length - 1]!.next;
  }
  return run;
}

/**
 * A run of rows of other places (regions, districts, camps) is a table only when its rows have the
 * same number of cells, and counts, not the numbers of a list ("1 … 2 … 3"); a row named by what it
 * counts ("Families 959,047 Persons 4,784,634") is a box of key figures, which keyFigures.ts reads;
 * rows that mostly repeat one name ("WK 0 WK 2 WK 4 …") are the ticks of a chart's axis.
 */
function isPlaceTable(run: readonly Row[], tokens: readonly Token[], lex: Lexicon): boolean {
  const counted = (w: string) => lex.nouns.people.has(w) || lex.nouns.households.has(w) || lex.nouns.housing.has(w);
  if (run.some((r) => tokens.slice(r.name[0], r.name[1]).some((t) => counted(t.norm)))) return false;
  const names = new Set(run.map((r) => tokens.slice(r.name[0], r.name[1]).map((t) => t.norm).join(' ')));
  if (names.size * 2 < run.length) return false;
  const width = run[0]!.slots.length;
  if (!run.every((r) => r.slots.length === width)) return false;
  const values = run.flatMap((r) => r.cells.map((q) => q.value!)).sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)]! >= 10;
}

/** The row whose name starts at token `i`: capitalised words, then one or more figures. */
function rowAt(tokens: readonly Token[], i: number, byLead: Map<number, Quantity>, lex: Lexicon): Row | null {
  const capital = (k: number) => tokens[k]?.kind === 'word' && /^\p{Lu}/u.test(tokens[k]!.text);
  if (!capital(i) || byLead.has(i)) return null;
  let end = i + 1;
  while (end - i < NAME_WORDS && !byLead.has(end)) {
    if (capital(end)) end++;
    else if (PARTICLES.has(tokens[end]?.norm ?? '') && capital(end + 1) && !byLead.has(end + 1)) end += 2;
    else break;
  }
  const slots: (Quantity | null)[] = [];
  const cellAt = (k: number) => {
    const q = byLead.get(k);
    return q && isCell(q, tokens) ? q : null;
  };
  let k = end;
  for (;;) {
    const q = cellAt(k);
    if (q) {
      slots.push(q);
      k = q.next;
    } else if (EMPTY_CELLS.has(tokens[k]?.text ?? '') && cellAt(k + 1)) {
      slots.push(null);
      k++;
    } else break;
  }
  const cells = slots.filter((q): q is Quantity => q !== null);
  if (cells.length === 0) return null;
  return { name: [i, end], cells, slots, next: k, country: isCountry(tokens, i, end, lex) };
}

/** A year is written without a thousands separator: "Morang 1,980" is a count. */
const isCell = (q: Quantity, tokens: readonly Token[]) =>
  q.written === 'digits' &&
  q.value !== null &&
  !q.fractional &&
  !(q.range === undefined && YEAR.test(String(q.value)) && YEAR.test(tokens[q.lead]?.text ?? ''));

/** Whether the words from `i` to `end` are a country's name (maybe after "the"). */
export function isCountry(tokens: readonly Token[], i: number, end: number, lex: Lexicon): boolean {
  const norms = tokens.slice(0, end).map((t) => t.norm);
  const from = norms[i] === 'the' ? i + 1 : i;
  for (const [slot, names] of lex.slots) {
    if (!slot.startsWith(COUNTRY_SLOTS)) continue;
    for (const name of names.get(norms[from] ?? '') ?? [])
      if (from + name.length === end && matchesAt(norms, from, name)) return true;
  }
  return false;
}

interface Heading {
  term: Term;
  households: boolean;
  trigger: Trigger;
  tokens: Token[];
}

/** The one displacement class the words before `start` name, within HEADING_REACH characters. */
function headingTrigger(text: string, start: number, lex: Lexicon): Heading | null {
  const from = Math.max(0, start - HEADING_REACH);
  const tokens = tokenize(text, from, start);
  const all = findTriggers(tokens, lex).filter((t) => !t.entry.term.startsWith('block:'));
  // The title and column heads after the last full stop name the table; prose before them ("…
  // displacement and return movements that are not accounted for.") does not.
  const stop = tokens.map((t) => t.text).lastIndexOf('.');
  const titled = all.filter((t) => t.first > stop);
  const triggers = titled.length > 0 ? titled : all;
  const last = triggers[triggers.length - 1];
  if (!last) return null;
  const classes = new Set(triggers.map((t) => COARSE[t.entry.term as Term]));
  if (classes.size !== 1) return null;
  const term = last.entry.term as Term;
  const housing = tokens.some((t) => lex.nouns.housing.has(t.norm));
  if (HOUSING_TERMS.has(term) && !housing) return null;
  const households = HOUSING_TERMS.has(term) || tokens.some((t) => lex.nouns.households.has(t.norm));
  return { term, households, trigger: last, tokens };
}

function cellFact(q: Quantity, span: [number, number], heading: Heading): Fact {
  const { trigger, tokens } = heading;
  return newFact({
    term: heading.term,
    figure: q.value,
    ...(q.range ? { range: q.range } : {}),
    qualifier: q.qualifier,
    unit: heading.households ? 'households' : 'people',
    span,
    quantity_span: [q.start, q.end],
    term_span: [tokens[trigger.first]!.start, tokens[trigger.next - 1]!.end],
    confidence: 0.7,
    reason: `${trigger.entry.reason}:country-row`,
    implied: q.qualifierStated ? [] : ['qualifier'],
  });
}
