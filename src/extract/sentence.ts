// Reads the facts of one sentence: quantities → figures (with what they count) → triggers →
// links → facts. The document-level refiners (dates, places, cause, confidence) run after.
import type { Fact, Span, Term } from '../types.js';
import { newFact } from './fact.js';
import { HOUSING_TERMS } from '../types.js';
import { type Lexicon, matchesAt, startingWith } from './lexicon.js';
import { tokenize, type Token } from './segment/tokens.js';
import { withoutAbbreviationPeriods } from './segment/sentences.js';
import { findQuantities, type Quantity } from './quantity/find.js';
import { nonFigureReason } from './quantity/nonFigure.js';
import { findTriggers, type Trigger } from './term/triggers.js';
import { withNamedStays } from './term/namedStay.js';
import { affectedByDisplacement } from './term/affecting.js';
import { anaphoricTriggers } from './term/anaphora.js';
import { additiveTriggers } from './term/additive.js';
import { bracketedTriggers } from './term/bracketed.js';
import { withHostedNationals } from './term/hosted.js';
import { withSiteHosts } from './term/siteHosts.js';
import { withRemovals } from './term/removedFrom.js';
import { linkFigures } from './link.js';
import { withoutRefugeeCampStays } from './refugeeStays.js';
import { withoutReliefCampMoves } from './reliefCampMoves.js';
import { buildFigures } from './figures.js';
import { refineLinks } from './term/refineLinks.js';
import { sentencePairs, type Pair } from './learned/pairs.js';
import type { Features } from './learned/features.js';
import type { Figure } from './link.js';

function insideCountedPlace(triggers: readonly Trigger[], at: number): boolean {
  return triggers.some((r) => r.first < at && at < r.next && r.entry.words.includes('#'));
}

/** An evacuation drill or simulation: its figures are of people practising, not displaced. */
export function isExercise(tokens: readonly Token[], lex: Lexicon): boolean {
  const norms = tokens.map((t) => t.norm);
  return norms.some((w, i) => startingWith(lex.exercises, w).some((e) => matchesAt(norms, i, e)));
}

/** What a sentence hands the next one: the term an anaphor there refers back to, in its paragraph, and what
 * its last count counted, for a part opening the next sentence. */
export interface SentenceContext {
  antecedent: Term | null;
  /** What the last figure read counted, for a part opening the next sentence ("Of these, 120 were destroyed"). */
  lastKind?: Figure['countKind'];
  /** Whether the sentence just read ended on its own displacement trigger, so the term may carry
   * past a paragraph break (pipeline.ts). */
  endsOnTerm?: boolean;
}

export function readSentence(
  text: string,
  span: Span,
  lex: Lexicon,
  context: SentenceContext = { antecedent: null },
  /** Where the learned linker's pairs of this sentence go (learned/), if anywhere. */
  learned: { lang: string; pairs?: Pair[]; mayPass?: (x: Features) => boolean } = { lang: 'en' },
): Fact[] {
  if (!lex.mayHoldQuantity.test(text.slice(span[0], span[1]))) return [];
  const tokens = withoutAbbreviationPeriods(tokenize(text, span[0], span[1]));
  const quantities = findQuantities(text, tokens, lex).filter(
    (q) => nonFigureReason(text, tokens, q, lex) === null,
  );
  if (quantities.length === 0) return [];
  const built = buildFigures(tokens, quantities, lex, context.lastKind ?? null);
  context.lastKind = lastCounted(built.figures, quantities);
  const found = affectedByDisplacement(
    withRemovals(
      withNamedStays(withSiteHosts(withHostedNationals(findTriggers(tokens, lex), tokens, lex), tokens, lex), tokens, lex),
      tokens,
      lex,
    ),
    tokens,
    lex,
  );
  const anaphoric = [
    ...anaphoricTriggers(tokens, found, context.antecedent, lex),
    ...additiveTriggers(tokens, found, context.antecedent, lex),
    ...bracketedTriggers(tokens, found, lex),
  ];
  let triggers = anaphoric.length ? [...found, ...anaphoric].sort((a, b) => a.first - b.first) : found;
  const named = found.filter((t) => !t.entry.term.startsWith('block:')).pop();
  if (named) context.antecedent = named.entry.term as Term;
  // A sentence whose last count is of other things ("seeking asylum (12,295 first-time applicants)")
  // hands no term on: "They were followed by Afghans (6,030)" ranks applicants.
  const last = found[found.length - 1];
  if (last?.entry.term === 'block:other' && (!named || last.first > named.first)) context.antecedent = null;
  context.endsOnTerm = named !== undefined && last === named;
  if (isExercise(tokens, lex)) return [];
  // The count of places inside a stay phrase ("staying in 28 shelters") is part of the trigger.
  const figures = built.figures.filter((f) => !insideCountedPlace(triggers, f.quantity.lead));
  const listItems = built.listItems;
  // A blocker that labels a count of no displacement blocks nothing beyond it: "64,000 residents
  // out of a population of 900,000 lost their homes" ("population of" labels the whole).
  const labelsNonFigure = (t: Trigger) =>
    t.entry.term.startsWith('block:') &&
    listItems.has(t.next) &&
    tokens.slice(t.first, t.next).some((w) => lex.population.labels.has(w.norm));
  if (triggers.some(labelsNonFigure)) triggers = triggers.filter((t) => !labelsNonFigure(t));
  // Without a trigger the rules link nothing; the learned linker may still read the sentence.
  const links =
    triggers.length === 0
      ? []
      : withoutReliefCampMoves(
          withoutRefugeeCampStays(
            refineLinks(tokens, linkFigures(tokens, figures, triggers, lex, listItems), triggers, figures, lex),
            lex,
          ),
        ).filter((l) => !(l.trigger.events && l.figure.countKind === null && l.figure.quantity.lead > l.trigger.first));
  const fact = (f: Figure, term: Term, first: number, last: number, score: number, reason: string) => {
    const q = f.quantity;
    const housing = HOUSING_TERMS.has(term);
    // A bare figure after a count of families counts families too ("1,200 families in A, 700 in B").
    const kind = f.countKind ?? (f.elidedKind === 'households' ? 'households' : null);
    // People counted by the homes they lost stay people ("100,000 people whose homes were destroyed").
    const unit = (housing && kind !== 'people') || kind === 'households' || kind === 'housing' ? 'households' : 'people';
    const implied: string[] = [];
    if (!f.countStated) implied.push('unit');
    if (!q.qualifierStated) implied.push('qualifier');
    return newFact({
      term,
      figure: q.value,
      ...(q.vague !== undefined ? { vague: q.vague } : {}),
      ...(q.range ? { range: q.range } : {}),
      qualifier: q.qualifier,
      unit,
      span: [span[0], span[1]],
      quantity_span: [q.start, q.end],
      term_span: [tokens[first]!.start, tokens[last]!.end],
      confidence: score,
      reason,
      implied,
    });
  };
  learned.pairs?.push(
    ...sentencePairs(
      tokens,
      figures,
      links,
      triggers,
      lex,
      learned.lang,
      (f, term, cue) =>
        fact(
          f,
          term,
          cue.at,
          cue.at,
          0,
          `learned:${cue.stem}:${cue.at > f.quantity.lead ? 'after' : 'before'}`,
        ),
      learned.mayPass,
    ),
  );
  // A count of people joined to the homes of a coordinated clause ("13,510 people were displaced
  // after their houses collapsed") counts the people, not the homes: that link gives no fact.
  const peopleAsHomes = (l: (typeof links)[number]) =>
    l.coordinated && HOUSING_TERMS.has(l.term) && l.figure.countKind === 'people';
  return links.filter((l) => !peopleAsHomes(l)).map((l) =>
    fact(
      l.figure,
      l.term,
      l.trigger.first,
      l.trigger.next - 1,
      l.score,
      `${l.trigger.entry.reason}:${l.direction}${l.coordinated ? ':coordinated' : ''}`,
    ),
  );
}

/**
 * What the sentence's last count counted, for a part opening the next ("Of these, …"): nothing when
 * its last number counts other things ("98,181 appeals"); the people of a pair restated in
 * brackets, not the bracket's families ("251,478 individuals (41,913 families) … Of these").
 */
function lastCounted(figures: readonly Figure[], quantities: readonly Quantity[]): Figure['countKind'] {
  let k = figures.length - 1;
  if (k < 0 || figures[k]!.quantity !== quantities[quantities.length - 1]) return null;
  while (k > 0 && figures[k]!.restatement.has(figures[k - 1]!.quantity.lead)) k--;
  return figures[k]!.countKind ?? figures[k]!.elidedKind;
}
