// Facts from plain-text tables, as situation reports print them:
//
//   Province | Displaced HH | Displaced persons
//   Nampula  | 1,230        | 6,150
//
// A run of lines split into the same number of cells by "|" or tabs is a table; its first line
// is the header. A header cell that names a displacement term (through the same trigger
// lexicon as sentences) gives that term to every figure below it, with the unit its noun
// names. Cells that are not plain figures, and header cells without a term, give nothing.
import { HOUSING_TERMS, type Fact, type Term } from '../types.js';
import type { Lexicon } from './lexicon.js';
import { newFact } from './fact.js';
import { tokenize, type Token } from './segment/tokens.js';
import { findTriggers, type Trigger } from './term/triggers.js';
import { readDigits } from './quantity/digits.js';
import { linesOf } from './segment/lines.js';

interface Cell {
  text: string;
  start: number;
  end: number;
}

interface Line {
  start: number;
  end: number;
  cells: Cell[];
}

const SEPARATOR = /\s*(?:\||\t)\s*/g;

export function readTables(text: string, lex: Lexicon): Fact[] {
  const facts: Fact[] = [];
  const lines = splitLines(text);
  let i = 0;
  while (i < lines.length) {
    const header = lines[i]!;
    let j = i + 1;
    while (j < lines.length && lines[j]!.cells.length === header.cells.length && header.cells.length >= 2)
      j++;
    if (j - i >= 2) facts.push(...readTable(header, lines.slice(i + 1, j), lex));
    i = Math.max(j, i + 1);
  }
  return facts;
}

function readTable(header: Line, rows: Line[], lex: Lexicon): Fact[] {
  const columns = header.cells.map((cell) => columnTerm(cell, lex));
  const facts: Fact[] = [];
  for (const row of rows) {
    row.cells.forEach((cell, c) => {
      const column = columns[c];
      // A cell under a term's column is a count: "2.500" there is never two and a half.
      const counts = { decimalMark: lex.decimalMark, counted: true };
      const reading = /^\d[\d,. \u00a0]*$/.test(cell.text) ? readDigits(cell.text.trim(), counts) : null;
      if (!column || !reading || reading.decimal || !Number.isSafeInteger(reading.value)) return;
      const head = header.cells[c]!;
      const housing = HOUSING_TERMS.has(column.term);
      facts.push(
        newFact({
          term: column.term,
          figure: reading.value,
          qualifier: 'exact',
          unit: housing || column.households ? 'households' : 'people',
          span: [row.start, row.end],
          quantity_span: [cell.start, cell.end],
          term_span: [head.start, head.end],
          confidence: 0.8,
          reason: `${column.reason}:table-column`,
          implied: ['qualifier'],
        }),
      );
    });
  }
  return facts;
}

/**
 * The term a header cell or a key figure's label names ("Displaced HH", "Houses destroyed"), if
 * any: its first displacement trigger; or, read as a phrase, its last trigger ("Personas
 * desplazadas a albergues": the stay), and none when that one blocks ("meals provided across
 * camps affected").
 */
export function columnTerm(
  cell: Cell,
  lex: Lexicon,
  pick: 'first' | 'last' = 'first',
): { term: Term; households: boolean; reason: string } | null {
  const tokens = tokenize(cell.text);
  const all = findTriggers(tokens, lex);
  const trigger =
    pick === 'first' ? all.find((t) => !t.entry.term.startsWith('block:')) : lastTrigger(all, tokens, lex);
  if (!trigger || trigger.entry.term.startsWith('block:')) return null;
  const term = trigger.entry.term as Term;
  // Houses count households for a housing term only: "desplazadas a casas de familiares" are people.
  const households = tokens.some(
    (t) => lex.nouns.households.has(t.norm) || (HOUSING_TERMS.has(term) && lex.nouns.housing.has(t.norm)),
  );
  // A housing term needs a housing word in the header ("Houses destroyed"), not just "Destroyed".
  if (HOUSING_TERMS.has(term) && !tokens.some((t) => lex.nouns.housing.has(t.norm))) return null;
  return { term, households, reason: trigger.entry.reason };
}

/**
 * The last trigger of a label, except that UNHCR's "Refugees and asylum-seekers" (réfugiés et
 * demandeurs d'asile, refugiados y solicitantes de asilo) counts refugees: the asylum-seekers
 * joined to them do not block the refugees' term.
 */
function lastTrigger(all: readonly Trigger[], tokens: readonly Token[], lex: Lexicon): Trigger | undefined {
  const last = all[all.length - 1];
  const before = all[all.length - 2];
  // "Refugees in camps", "Réfugiés hors des camps": the label's head noun says who they are, the
  // place after it only where they stay; refugees in a camp are still counted as refugees.
  const head = all[0];
  if (
    head?.entry.term === 'refugees' &&
    head.first === 0 &&
    last !== head &&
    (lex.stayingTerms.has(last!.entry.term) || last!.entry.reason === OUTSIDE_CAMPS)
  )
    return head;
  if (
    last?.entry.reason === ASYLUM_SEEKERS &&
    before?.entry.term === 'refugees' &&
    last.first > before.next &&
    tokens.slice(before.next, last.first).every((t) => lex.coordinators.has(t.norm))
  )
    return before;
  return last;
}

const ASYLUM_SEEKERS = 'block:other:asylum-seekers';
const OUTSIDE_CAMPS = 'displaced:outside-camps';

function splitLines(text: string): Line[] {
  return linesOf(text).map(({ start, end, raw }) =>
    /[|\t]/.test(raw) ? { start, end, cells: splitCells(raw, start) } : { start, end, cells: [] },
  );
}

function splitCells(raw: string, offset: number): Cell[] {
  const cells: Cell[] = [];
  let last = 0;
  const push = (from: number, to: number) => {
    let s = from;
    let e = to;
    while (s < e && /\s/.test(raw[s] ?? '')) s++;
    while (e > s && /\s/.test(raw[e - 1] ?? '')) e--;
    cells.push({ text: raw.slice(s, e), start: offset + s, end: offset + e });
  };
  for (const m of raw.matchAll(SEPARATOR)) {
    push(last, m.index ?? 0);
    last = (m.index ?? 0) + m[0].length;
  }
  push(last, raw.length);
  // Leading and trailing bars ("| a | b |") leave empty edge cells.
  while (cells.length > 0 && cells[0]!.text === '') cells.shift();
  while (cells.length > 0 && cells[cells.length - 1]!.text === '') cells.pop();
  return cells;
}
