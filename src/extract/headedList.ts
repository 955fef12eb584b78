// Facts from lists under a header that ends with a colon, as reports and agency releases print
// them:
//
//   Temporary shelters were opened in:            Houses destroyed:
//     • the town centre, with 60 people.            • Dhaka: 300
//     • El Faro, with 40 families.                  • Sylhet: 250
//
// Tracking reports print the items without bullets, one place and its bracketed count to a line,
// and may announce them without a colon ("… in the following governorates and districts."):
//
//   Marib (104 HH) – Marib City (50 HH), Marib (43 HH) districts.
//
// The header names the term once for every item; an item names a place and a count. The term
// is the header's own displacement trigger or, for a header without one ("The majority moved into
// the following districts:"), the trigger of the sentence before it in the same paragraph. An item
// with a trigger of its own (displacement or not: "300 dead", "30 houses affected") is read as a
// sentence and left alone here, as is an item in the conditional ("plans to evacuate 180,000").
import { HOUSING_TERMS, type Fact, type Span, type Term } from '../types.js';
import { type Lexicon, matchesAt } from './lexicon.js';
import { newFact } from './fact.js';
import { tokenize, type Token } from './segment/tokens.js';
import { findQuantities } from './quantity/find.js';
import { nonFigureReason } from './quantity/nonFigure.js';
import { buildFigures } from './figures.js';
import type { Figure } from './link.js';
import { findTriggers, impliedEntry, type Trigger } from './term/triggers.js';
import { modalityOf } from './term/modality.js';

/** A line whose first mark is a bullet: "•", "▪", "-", "–", "*". */
const BULLET = /^[ \t]*[•●▪◦·\-–*]/;
/** What may stand on a bullet line before its item: white space and the marks themselves. */
const MARKS = /[\s•●▪◦·\-–*]|\uFE0F/gu;
/**
 * A line opened by an enumerator in place of a bullet, as agency reports number their items: "a.
 * North Lombok: 101.735 people", "b) Great Mosque 50 people", "(iii) Sumbawa", "2. Mataram".
 */
const ENUMERATOR = /^[ \t]*\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})[.)][ \t]+/;
/** An enumerator the sentence splitter left as a sentence of its own ("1." before "Displaced 445.343"). */
const LONE_ENUMERATOR = /^\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})[.)]$/;
/** What stands on a line before an item whose enumerator the splitter cut off: "1. ". */
const ENUMERATED = /^[ \t]*\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})[.)][ \t]+$/;
/**
 * An item line without a bullet: a capitalised name and its count, bracketed ("Marib (104 HH)"),
 * after a colon ("Sylhet: 250") or, grouped in thousands, after a dash ("Jajpur-29,500, Puri-22,250").
 * Other lines after a header are prose, not items.
 */
const NAMED_COUNT = /^\p{Lu}[\p{L}\p{M}'’.\- ]{0,50}(?:\(\s*\d[\d.,\s]*[\p{L}.]*\s*\)|:\s*\d|\p{L}\s?[-–]\s?\d{1,3},\d)/u;
/** How many of a sentence's last tokens may follow a list lead ("the following governorates and districts."). */
const LEAD_REACH = 6;
/** More figures than this in one item is a table row or PDF debris, not a place and its count. */
const MAX_ITEM_FIGURES = 6;
/** The end of the reason of every fact read from a list's entry: dedupe and places read it. */
export const LIST_ENTRY = ':list-header';
/** What the confidence of an item's fact starts at: the header's term is a step removed. */
const ITEM_CONFIDENCE = 0.75;

interface Header {
  trigger: Trigger;
  tokens: Token[];
  /** The trigger is the header's own, not the sentence's before it. */
  own: boolean;
}

export function readHeadedLists(text: string, sentences: readonly Span[], lex: Lexicon, facts: readonly Fact[]): Fact[] {
  const out: Fact[] = [];
  for (let h = 0; h < sentences.length; h++) {
    const span = sentences[h]!;
    const kind = announcesList(text, span, lex);
    if (!kind) continue;
    const items = listItems(text, sentences, h);
    if (items.length === 0) continue;
    const header = headerTrigger(text, sentences, h, lex);
    // A heading line names its term itself ("Returnees⏎Kabul: 3,400"); it borrows none.
    if (!header || (kind === 'heading' && !header.own)) continue;
    for (const item of items) out.push(...readItem(text, item, header, lex, facts));
  }
  return out;
}

/**
 * A header: a sentence ending with a colon, one with a list lead among its last words and a line
 * break after it, or a short heading line of its own ("Refugees", "Returnees by province").
 */
function announcesList(text: string, span: Span, lex: Lexicon): 'colon' | 'lead' | 'heading' | null {
  const sentence = text.slice(span[0], span[1]).trimEnd();
  if (sentence.endsWith(':')) return 'colon';
  if (isHeading(text, span, sentence)) return 'heading';
  if (!sentence.endsWith('.') || !/^[ \t]*\n/.test(text.slice(span[1]))) return null;
  const norms = tokenize(text, span[0], span[1]).map((t) => t.norm);
  for (let i = Math.max(0, norms.length - LEAD_REACH); i < norms.length; i++)
    if (lex.listLeads.some((w) => matchesAt(norms, i, w))) return 'lead';
  return null;
}

/** The most words of a heading line. */
const HEADING_WORDS = 5;

/** A whole line of a few words, without digits or a closing stop. */
function isHeading(text: string, span: Span, sentence: string): boolean {
  const lineStart = text.lastIndexOf('\n', span[0] - 1) + 1;
  const lineEnd = text.indexOf('\n', span[1]);
  const whole = /^[ \t]*$/.test(text.slice(lineStart, span[0])) && /^[ \t]*$/.test(text.slice(span[1], lineEnd));
  return (
    whole && lineEnd !== -1 && !/\d|[.!?;,]$/.test(sentence) && sentence.split(/\s+/).length <= HEADING_WORDS
  );
}

/**
 * The item sentences after header `h`: each starts a bullet line, or a line of a name and its
 * count; sentences after it on its line belong to it.
 */
function listItems(text: string, sentences: readonly Span[], h: number): Span[] {
  const items: Span[] = [];
  for (let k = h + 1; k < sentences.length; k++) {
    const [start, end] = sentences[k]!;
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const before = text.slice(lineStart, start);
    const blank = /^[ \t]*$/.test(before);
    // "1." split from its item: the item is the next sentence on the line.
    if (blank && LONE_ENUMERATOR.test(text.slice(start, end).trim())) continue;
    const enumerated = lineStart > 0 && ((blank && ENUMERATOR.test(text.slice(start, end))) || ENUMERATED.test(before));
    const bulleted = enumerated || (before.replace(MARKS, '') === '' && BULLET.test(before + (text[start] ?? '')));
    if (bulleted || (lineStart > 0 && blank && NAMED_COUNT.test(text.slice(start, end)))) {
      items.push(sentences[k]!);
      continue;
    }
    // "- Ma'rib (19 HHs) – … districts. Most displacements … originated from Marib.": the item's second sentence.
    const previous = items[items.length - 1];
    if (previous && !text.slice(previous[0], start).includes('\n')) continue;
    break;
  }
  return items;
}

/**
 * The header's last displacement trigger; else a shelter it names ("se activaron 13 refugios
 * temporales en:"), whose items count people sheltered; else the last trigger of the sentence
 * before it in its paragraph. Only the header's own trigger gives its term to a bare figure.
 */
function headerTrigger(text: string, sentences: readonly Span[], h: number, lex: Lexicon): Header | null {
  const span = sentences[h]!;
  const { trigger, tokens } = lastTrigger(text, span, lex);
  if (trigger) return trigger.entry.term.startsWith('block:') ? null : { trigger, tokens, own: true };
  const norms = tokens.map((t) => t.norm);
  for (let i = norms.length - 1; i >= 0; i--) {
    const shelter = lex.listShelters.find((w) => matchesAt(norms, i, w));
    if (!shelter) continue;
    const entry = impliedEntry(shelter, 'sheltered', 'both', 'sheltered:list-shelters');
    return { trigger: { entry, first: i, next: i + shelter.length, namesHousing: false }, tokens, own: false };
  }
  const before = sentences[h - 1];
  if (!before || /\n[ \t]*\n/.test(text.slice(before[1], span[0]))) return null;
  const previous = lastTrigger(text, before, lex);
  if (!previous.trigger || previous.trigger.entry.term.startsWith('block:')) return null;
  return { trigger: previous.trigger, tokens: previous.tokens, own: false };
}

/** A sentence's tokens and its last trigger, if any. */
function lastTrigger(text: string, span: Span, lex: Lexicon): { trigger: Trigger | undefined; tokens: Token[] } {
  const tokens = tokenize(text, span[0], span[1]);
  return { trigger: findTriggers(tokens, lex).pop(), tokens };
}

/**
 * Whether every figure follows its place's name and a dash or colon ("Jajpur-29,500, Bhadrak-24,600,
 * Cuttack-1,00,000, …"): a run of items on one line, however long, not a table row.
 */
function namedRun(tokens: readonly Token[], figures: readonly Figure[]): boolean {
  return figures.every((f) => {
    const mark = tokens[f.quantity.first - 1];
    const name = tokens[f.quantity.first - 2];
    return (mark?.text === '-' || mark?.text === '–' || mark?.text === ':') && name?.kind === 'word' && /^\p{Lu}/u.test(name.text);
  });
}

function readItem(text: string, span: Span, header: Header, lex: Lexicon, facts: readonly Fact[]): Fact[] {
  // An item the sentence reader already took a fact from is its own sentence.
  if (facts.some((f) => f.quantity_span[0] >= span[0] && f.quantity_span[1] <= span[1])) return [];
  const tokens = tokenize(text, span[0], span[1]);
  if (findTriggers(tokens, lex).length > 0) return [];
  const norms = tokens.map((t) => t.norm);
  if (modalityOf(tokens, norms, 0, tokens.length, lex) !== 'asserted') return [];
  const quantities = findQuantities(text, tokens, lex).filter((q) => nonFigureReason(text, tokens, q, lex) === null);
  const { figures } = buildFigures(tokens, quantities, lex);
  if (figures.length === 0 || (figures.length > MAX_ITEM_FIGURES && !namedRun(tokens, figures))) return [];
  const term = header.trigger.entry.term as Term;
  const housing = HOUSING_TERMS.has(term);
  const site = header.tokens[header.trigger.next - 1]?.norm ?? '';
  const bareCounts = header.own && !lex.refuge.sites.has(site);
  // A bare count is of what the header counts: "Families had been displaced in these blocks:".
  const headerNouns = header.tokens.map((t) => t.norm);
  const headerHouseholds =
    headerNouns.some((w) => lex.nouns.households.has(w)) && !headerNouns.some((w) => lex.nouns.people.has(w));
  const out: Fact[] = [];
  for (const f of figures) {
    const kind = f.countKind;
    // A bare figure takes the header's term only from the header itself ("Houses destroyed:"), and
    // not from a place of stay: under "Evacuation centres opened:" it counts the centres.
    if (kind === null ? !bareCounts : housing ? kind !== 'housing' : kind === 'housing') continue;
    const q = f.quantity;
    const implied = kind === null ? ['unit'] : [];
    if (!q.qualifierStated) implied.push('qualifier');
    out.push(
      newFact({
        term,
        figure: q.value,
        ...(q.vague !== undefined ? { vague: q.vague } : {}),
        ...(q.range ? { range: q.range } : {}),
        qualifier: q.qualifier,
        unit: housing || kind === 'households' || (kind === null && headerHouseholds) ? 'households' : 'people',
        span: [span[0], span[1]],
        quantity_span: [q.start, q.end],
        term_span: [header.tokens[header.trigger.first]!.start, header.tokens[header.trigger.next - 1]!.end],
        confidence: ITEM_CONFIDENCE,
        reason: `${header.trigger.entry.reason}${LIST_ENTRY}`,
        implied,
      }),
    );
  }
  return out;
}
