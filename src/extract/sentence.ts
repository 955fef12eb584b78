// Reads the facts of one sentence: quantities → figures (with what they count) → triggers →
// links → facts. The document-level refiners (dates, places, cause, confidence) run after.
import type { Fact, Span } from '../types.js';
import { HOUSING_TERMS } from '../types.js';
import type { Lexicon } from './lexicon.js';
import { tokenize } from './segment/tokens.js';
import { findQuantities } from './quantity/find.js';
import { nonFigureReason } from './quantity/nonFigure.js';
import { findNoun } from './quantity/noun.js';
import { findTriggers } from './term/triggers.js';
import { type Figure, linkFigures } from './link.js';
import { refineLinks } from './term/refineLinks.js';

/** How far back a figure without a noun looks for a parallel figure to borrow its noun from. */
const ELISION_WINDOW = 10;

export function readSentence(text: string, span: Span, lex: Lexicon): Fact[] {
  if (!lex.mayHoldQuantity.test(text.slice(span[0], span[1]))) return [];
  const tokens = tokenize(text, span[0], span[1]);
  const quantities = findQuantities(text, tokens, lex).filter(
    (q) => nonFigureReason(text, tokens, q, lex) === null,
  );
  if (quantities.length === 0) return [];
  const figures: Figure[] = [];
  // Counts of other things ("14 schools, two hospitals and 560 homes") are list items the
  // linker may look across.
  const listItems = new Set<number>();
  for (const q of quantities) {
    const noun = findNoun(tokens, q.next, lex);
    if (noun?.kind === 'other') {
      for (let k = q.lead; k < noun.next; k++) listItems.add(k);
      continue;
    }
    let countKind: Figure['countKind'] = noun && noun.kind !== 'elided' ? noun.kind : null;
    // "31 houses were destroyed and more than 300 damaged": the second figure counts houses too.
    const prev = figures[figures.length - 1];
    if (countKind === null && prev && prev.countKind && q.first - prev.quantity.next <= ELISION_WINDOW)
      countKind = prev.countKind;
    figures.push({ quantity: q, noun, countKind, countStated: noun !== null && noun.kind !== 'elided' });
  }
  const triggers = findTriggers(tokens, lex);
  if (triggers.length === 0) return [];
  const links = refineLinks(tokens, linkFigures(tokens, figures, triggers, lex, listItems), triggers, lex);
  return links.map((l) => {
    const q = l.figure.quantity;
    const housing = HOUSING_TERMS.has(l.term);
    const kind = l.figure.countKind;
    const unit = housing || kind === 'households' || kind === 'housing' ? 'households' : 'people';
    const termFirst = tokens[l.trigger.first]!;
    const termLast = tokens[l.trigger.next - 1]!;
    const implied: string[] = [];
    if (!l.figure.countStated) implied.push('unit');
    if (!q.qualifierStated) implied.push('qualifier');
    const fact: Fact = {
      term: l.term,
      figure: q.value,
      ...(q.vague !== undefined ? { vague: q.vague } : {}),
      ...(q.range ? { range: q.range } : {}),
      qualifier: q.qualifier,
      unit,
      people: null,
      cause: null,
      hazard: null,
      country: null,
      locations: [],
      date: null,
      stock_or_flow: 'flow',
      span: [span[0], span[1]],
      quantity_span: [q.start, q.end],
      term_span: [termFirst.start, termLast.end],
      confidence: l.score,
      reason: `${l.trigger.entry.reason}:${l.direction}${l.coordinated ? ':coordinated' : ''}`,
      implied,
    };
    return fact;
  });
}
