// Links each figure in a sentence to the trigger that governs it. Every trigger, including
// the competing non-displacement ones ("killed", "affected", "in need"), proposes itself to
// the figures around it; the nearest well-placed one wins, so "3 dead and 4,000 displaced"
// gives 4,000 to "displaced" and 3 to "dead". A figure whose best trigger is a blocker, or
// that is too far from any trigger, yields nothing.
import type { Term } from '../types.js';
import { HOUSING_TERMS } from '../types.js';
import type { Lexicon } from './lexicon.js';
import type { Token } from './segment/tokens.js';
import type { Quantity } from './quantity/find.js';
import type { Noun } from './quantity/noun.js';
import type { Trigger } from './term/triggers.js';
import { modalityOf } from './term/modality.js';

export interface Figure {
  quantity: Quantity;
  noun: Noun | null;
  /** The noun kind this figure counts, stated or carried over from a parallel figure. */
  countKind: Exclude<Noun['kind'], 'elided' | 'other'> | null;
  countStated: boolean;
}

export interface Link {
  figure: Figure;
  trigger: Trigger;
  term: Term;
  score: number;
  direction: 'after' | 'before' | 'adjacent';
  /** Set when a coordinated trigger adds a second term to the same figure. */
  coordinated?: boolean;
}

const MIN_SCORE = 0.3;
/** The furthest, in tokens, a trigger may stand from its figure. */
const LINK_REACH = 30;
const BLOCKED = Infinity;

export function linkFigures(
  tokens: readonly Token[],
  figures: Figure[],
  triggers: Trigger[],
  lex: Lexicon,
  listItems: ReadonlySet<number> = new Set(),
): Link[] {
  const norms = tokens.map((t) => t.norm);
  const figureAt = new Set<number>();
  for (const f of figures) for (let k = f.quantity.lead; k < f.quantity.next; k++) figureAt.add(k);
  const links: Link[] = [];
  for (const f of figures) {
    let best: { trigger: Trigger; score: number; direction: Link['direction'] } | null = null;
    const q = f.quantity;
    const countEnd = f.noun ? f.noun.next : q.next;
    for (const r of triggers) {
      // Links never reach further than this; the bound keeps long sentences linear.
      if (r.next < q.lead - LINK_REACH || r.first > countEnd + LINK_REACH) continue;
      if (!compatible(f, r)) continue;
      let score: number;
      let direction: Link['direction'];
      if (r.first >= q.next && r.first <= countEnd) {
        // The trigger is the counted noun or sits among its modifiers: "5,000 displaced people", "300 IDPs".
        direction = 'adjacent';
        score = 1.05;
      } else if (r.first >= countEnd) {
        if (r.entry.form === 'active' || r.entry.form === 'noun') continue;
        const cost = gapCost(tokens, countEnd, r.first, figureAt, lex, 'after', listItems);
        if (cost === BLOCKED) continue;
        direction = 'after';
        score = (r.entry.form === 'agent' ? 0.85 : 1) - 0.12 * cost;
        // "destroyed 1,200 homes and damaged 3,400 more": a verb with its own object is not ours.
        if (figureAt.has(r.next)) score -= 0.2;
      } else if (r.next <= q.lead) {
        if (r.entry.form === 'passive') continue;
        const cost = gapCost(tokens, r.next, q.lead, figureAt, lex, 'before', listItems);
        if (cost === BLOCKED) continue;
        direction = 'before';
        // A figure right after its verb is its object: "displaced 5,000 people".
        // (Not when a scraper glued table cells together: "45 dead16,000 families".)
        const glued = tokens[r.next - 1]!.end === tokens[q.lead]!.start;
        score = cost === 0 && !glued ? 1.02 : 0.95 - 0.15 * cost;
      } else continue;
      if (r.entry.weak) score -= 0.3;
      if (!best || score > best.score) best = { trigger: r, score, direction };
    }
    if (!best || best.score < MIN_SCORE) continue;
    let chosen = best.trigger;
    // "affected and evacuated": a blocker coordinated with a displacement trigger yields to it.
    if (isBlocker(chosen)) {
      const partner = coordinatedTrigger(tokens, triggers, chosen, lex);
      if (!partner || isBlocker(partner) || !compatible(f, partner)) continue;
      chosen = partner;
    }
    const modality =
      best.direction === 'after'
        ? modalityOf(tokens, norms, q.lead, chosen.first, lex)
        : modalityOf(
            tokens,
            norms,
            Math.max(0, chosen.first - 4),
            best.direction === 'before' ? q.lead : chosen.first,
            lex,
          );
    if (modality !== 'asserted') continue;
    links.push({
      figure: f,
      trigger: chosen,
      term: chosen.entry.term as Term,
      score: best.score,
      direction: best.direction,
    });
    // "evacuated and sheltered", "Evacuated / Displaced": one figure, two terms.
    const second = coordinatedTrigger(tokens, triggers, chosen, lex);
    if (second && !isBlocker(second) && compatible(f, second) && second.entry.term !== chosen.entry.term) {
      links.push({
        figure: f,
        trigger: second,
        term: second.entry.term as Term,
        score: best.score - 0.1,
        direction: best.direction,
        coordinated: true,
      });
    }
  }
  return links;
}

function isBlocker(t: Trigger): boolean {
  return t.entry.term.startsWith('block:');
}

/** Housing triggers count homes; people triggers count people or families (or homes evacuated). */
function compatible(f: Figure, r: Trigger): boolean {
  if (isBlocker(r)) return true;
  const term = r.entry.term as Term;
  const housingTerm = HOUSING_TERMS.has(term);
  if (housingTerm) return f.countKind === 'housing' || (f.countKind === null && r.namesHousing);
  if (f.countKind === 'housing') return term === 'evacuated' || term === 'evicted' || term === 'homeless';
  return true;
}

/** The trigger joined to `t` by "and", "or", "/" or ", and": "affected and evacuated". */
function coordinatedTrigger(
  tokens: readonly Token[],
  triggers: Trigger[],
  t: Trigger,
  lex: Lexicon,
): Trigger | null {
  const joiners = new Set(['and', 'or', '/', 'y', 'o', 'et', 'ou', '&']);
  let k = t.next;
  if (tokens[k]?.text === ',') k++;
  if (!joiners.has(tokens[k]?.norm ?? '')) return null;
  k++;
  // allow one adverb: "and subsequently evacuated", but not a figure: "killed and thousands displaced"
  const r = triggers.find(
    (x) =>
      x.first === k ||
      (x.first === k + 1 &&
        tokens[k]?.kind === 'word' &&
        !lex.numberUnits.has(tokens[k]!.norm) &&
        !lex.vagueFirst.has(tokens[k]!.norm)),
  );
  return r ?? null;
}

/**
 * The cost of the words between a figure and a trigger: fillers ("have been", "reportedly")
 * cost little, content words cost one, another figure or a clause break blocks the link.
 */
function gapCost(
  tokens: readonly Token[],
  from: number,
  to: number,
  figureAt: Set<number>,
  lex: Lexicon,
  direction: 'after' | 'before',
  listItems: ReadonlySet<number>,
): number {
  let cost = 0;
  let depth = 0;
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    // "forced the evacuation of, according to the latest data, 17,631 people": an attribution
    // set off by commas belongs to neither side.
    if (t.text === ',' && tokens[k + 1]?.norm === 'according' && tokens[k + 2]?.norm === 'to') {
      const close = tokens.findIndex((x, j) => j > k + 2 && j < to && x.text === ',');
      if (close > 0) {
        cost += 0.5;
        k = close;
        continue;
      }
    }
    if (t.text === '(' || t.text === '[') {
      depth++;
      continue;
    }
    if (t.text === ')' || t.text === ']') {
      depth = Math.max(0, depth - 1);
      cost += 0.3;
      continue;
    }
    if (depth > 0) {
      cost += 0.1; // a parenthesis ("(around 460 families)") is skipped cheaply
      continue;
    }
    if (figureAt.has(k)) return BLOCKED;
    if (listItems.has(k)) {
      cost += 0.3;
      continue;
    }
    if (t.text === ':' && direction === 'before') continue; // "Number of displaced: 452"
    if (lex.clauseBreaks.has(t.norm) || t.text === '.' || t.text === '?' || t.text === '!') return BLOCKED;
    if (t.kind === 'punct') {
      cost += t.text === ',' ? 0.8 : t.text === '-' || t.text === '–' ? 0.5 : 0.3;
      continue;
    }
    // Before a figure, "and" starts a new clause: "two died and 250 were left homeless".
    const conjunction = direction === 'before' && (t.norm === 'and' || t.norm === 'y' || t.norm === 'et');
    cost += lex.fillers.has(t.norm) && !conjunction ? 0.25 : 1;
    if (cost > 8) return BLOCKED;
  }
  // The figure sits inside a parenthesis the trigger is outside of: "affected (85,000 of which …".
  if (depth > 0) cost += 1.5;
  return cost;
}
