// Links a figure borrows from a neighbour that reached a trigger, where the gap rules cannot reach
// it themselves: the earlier value of a change ("passant de 315 000 à plus d'un million de
// personnes déplacées"), bracketed figures listed after place names before the trigger ("Derna
// (at least 30,000), Bayda (3,000) and Benghazi (2,195) have the largest number of displaced
// people"), people restated after "soit" / "es decir" / "that is" past their families' trigger, and
// a figure sharing the next one's noun ("87 private and 27 apartment buildings were damaged").
import { HOUSING_TERMS } from '../types.js';
import type { Lexicon } from './lexicon.js';
import type { Figure, Link } from './link.js';
import type { Token } from './segment/tokens.js';

export function borrowedLinks(
  figures: readonly Figure[],
  links: readonly Link[],
  tokens: readonly Token[],
  lex: Lexicon,
): Link[] {
  const norms = tokens.map((t) => t.norm);
  return [
    ...earlierValues(figures, links, norms, lex),
    ...bracketedMates(figures, links, tokens, norms, lex),
    ...restatedAfter(figures, links, norms, lex),
    ...sharedNoun(figures, links, norms, lex),
    ...markedParts(figures, links, norms, lex),
    ...placedBreakdown(figures, links, tokens, norms, lex),
  ];
}

/** How far back a restated figure may stand ("17 600 ménages hors de leurs habitations, soit"). */
const RESTATED_REACH = 12;

/**
 * "ont poussé plus de 17 600 ménages hors de leurs habitations soit quelque 13 800 personnes":
 * families, then their trigger, then the same people restated after "soit" / "es decir" / "that
 * is": the restatement counts what the figure before it does.
 */
function restatedAfter(figures: readonly Figure[], links: readonly Link[], norms: readonly string[], lex: Lexicon): Link[] {
  const out: Link[] = [];
  for (let i = 1; i < figures.length; i++) {
    const b = figures[i]!;
    const a = figures[i - 1]!;
    if (links.some((l) => l.figure === b)) continue;
    const word = norms[b.quantity.lead - 1] ?? '';
    if (!/\p{L}/u.test(word) || !lex.equivalents.has(word)) continue;
    if (b.quantity.lead - a.quantity.next > RESTATED_REACH) continue;
    if (norms.slice(a.quantity.next, b.quantity.lead).some((w) => w === '.' || w === ';')) continue;
    const kinds = new Set([a.countKind, b.countKind]);
    if (!(kinds.has('people') && kinds.has('households'))) continue;
    for (const l of links) if (l.figure === a && !l.coordinated) out.push({ ...l, figure: b, score: l.score - 0.05 });
  }
  return out;
}

/** The most words of a place name before its bracketed figure ("Fata Barno (24,000)"). */
const MATE_NAME_WORDS = 4;

/**
 * "the cities of Derna (at least 30,000), Bayda (3,000) and Benghazi (2,195) have the largest
 * number of displaced people": figures in brackets after place names, listed before the trigger
 * that the nearest of them reaches, take its term too (the farther ones are too far for the gap).
 */
function bracketedMates(
  figures: readonly Figure[],
  links: readonly Link[],
  tokens: readonly Token[],
  norms: readonly string[],
  lex: Lexicon,
): Link[] {
  const out: Link[] = [];
  const linked = (g: Figure) => links.some((l) => l.figure === g) || out.some((l) => l.figure === g);
  for (const l of links) {
    if (l.direction !== 'after' || l.coordinated) continue;
    let f = l.figure;
    for (let g = figures[figures.indexOf(f) - 1]; g && !linked(g); g = figures[figures.indexOf(f) - 1]) {
      const name = bracketedName(tokens, f.quantity);
      if (name < 0 || bracketedName(tokens, g.quantity) < 0) break;
      const sep = norms.slice(g.quantity.next + 1, name);
      const joined =
        (sep.length === 1 && (sep[0] === ',' || lex.conjunctions.has(sep[0]!))) ||
        (sep.length === 2 && sep[0] === ',' && lex.conjunctions.has(sep[1]!));
      if (!joined) break;
      out.push({ ...l, figure: g, score: l.score - 0.05 });
      f = g;
    }
  }
  return out;
}

/** Where the capitalised name before a bracketed figure starts ("Benghazi (2,195)"), or -1. */
function bracketedName(tokens: readonly Token[], q: Figure['quantity']): number {
  if (tokens[q.lead - 1]?.text !== '(' || tokens[q.next]?.text !== ')') return -1;
  let k = q.lead - 2;
  if (!/^\p{Lu}/u.test(tokens[k]?.text ?? '')) return -1;
  while (k > 0 && q.lead - 1 - k < MATE_NAME_WORDS && /^\p{Lu}/u.test(tokens[k - 1]!.text)) k--;
  return k;
}

/**
 * "passant de 315 000 à plus d'un million de personnes déplacées", "rising from 12,400 to 31,000
 * displaced people": the earlier value of a change counts what the later one does, when only the
 * later one has a trigger (a frame before both reads both already: countFrame.ts).
 */
function earlierValues(figures: readonly Figure[], links: readonly Link[], norms: readonly string[], lex: Lexicon): Link[] {
  const out: Link[] = [];
  for (const f of figures) {
    const q = f.quantity;
    if (links.some((l) => l.figure === f)) continue;
    const change = lex.levelChanges.find((c) => c.from.every((w, j) => norms[q.lead - c.from.length + j] === w));
    if (!change || !change.to.every((w, j) => norms[q.next + j] === w)) continue;
    // A qualifier the reader left out of the later figure may stand between: "à [plus d']un million".
    const at = q.next + change.to.length;
    const later = figures.find((g) => g.quantity.lead >= at && g.quantity.lead <= at + 2);
    for (const l of links)
      if (l.figure === later && !l.coordinated) out.push({ ...l, figure: f, score: l.score - 0.1 });
  }
  return out;
}

/**
 * "some 87 private and 27 apartment buildings have been damaged": the first figure's noun is the
 * second's (noun.ts reads it across the coordinator), so the two share the link the gap rules give
 * one of them: they stop at the other figure.
 */
function sharedNoun(figures: readonly Figure[], links: readonly Link[], norms: readonly string[], lex: Lexicon): Link[] {
  const out: Link[] = [];
  for (let i = 0; i + 1 < figures.length; i++) {
    const a = figures[i]!;
    const b = figures[i + 1]!;
    // Or the first figure has no words of its own before the coordinator: "home to 181 and 220 households".
    // Not a clause of its own ("the death toll reached 90 and thousands more were displaced").
    const bare =
      !a.noun &&
      !!b.noun &&
      b.quantity.value !== null &&
      b.quantity.lead - a.quantity.next === 1 &&
      lex.coordinators.has(norms[a.quantity.next]!) &&
      !lex.levelVerbs.some((v) => v.every((w, k) => norms[a.quantity.lead - v.length + k] === w));
    if (!bare && (!a.noun || !b.noun || a.noun.first !== b.noun.first || a.noun.first < b.quantity.next)) continue;
    // Either reaches the trigger: "were damaged" after the second, "damaged" before the first.
    const [from, to] = links.some((l) => l.figure === a) ? [a, b] : [b, a];
    if (links.some((l) => l.figure === to)) continue;
    for (const l of links) {
      if (l.figure !== from || l.coordinated) continue;
      // "219,000 and 107,000 people are affected and displaced respectively": one term each.
      if (bare && lex.coordinators.has(norms[l.trigger.first - 1] ?? '')) continue;
      out.push({ ...l, figure: to, score: l.score - 0.05 });
    }
  }
  return out;
}

/** Tokens from a part's subset marker to its figure: "of whom [nearly] 690,000", "— [nearly] 690,000". */
const PART_MARKER_REACH = 3;
/** Tokens from the total's figure to the marker: "displaced within Ituri, the majority of them". */
const PART_TOTAL_REACH = 14;

/**
 * "More than 1.5 million people are displaced within Ituri, of whom 690,000 are in Djugu", "the
 * majority of them — nearly 690,000 — are in Djugu", "dont 210 000 à Goma": a figure opened by a
 * subset marker after a linked total, in the same sentence, counts a part of the total with its
 * term (subgroups by age or sex were dropped before linking: figures.ts).
 */
function markedParts(figures: readonly Figure[], links: readonly Link[], norms: readonly string[], lex: Lexicon): Link[] {
  const out: Link[] = [];
  for (let i = 1; i < figures.length; i++) {
    const part = figures[i]!;
    if (links.some((l) => l.figure === part)) continue;
    const q = part.quantity;
    const total = figures[i - 1]!;
    const marker = lex.subsetMarkers.find((m) =>
      Array.from({ length: PART_MARKER_REACH }, (_, gap) => q.lead - m.length - gap).some(
        (at) => at >= total.quantity.next && m.every((w, k) => norms[at + k] === w),
      ),
    );
    if (!marker) continue;
    const between = norms.slice(total.quantity.next, q.lead);
    if (between.length > PART_TOTAL_REACH || between.some((w) => w === '.' || w === ';' || /^\d/.test(w))) continue;
    if (!placedPart(norms, part.noun ? part.noun.next : q.next, lex)) continue;
    for (const l of links)
      if (l.figure === total && !l.coordinated && !HOUSING_TERMS.has(l.term)) out.push({ ...l, figure: part, score: l.score - 0.15 });
  }
  return out;
}

/**
 * Whether the part says only where it is: a place preposition after it (past an auxiliary or a
 * dash), or the end of its clause; not a predicate of its own ("of whom 300 were injured").
 */
function placedPart(norms: readonly string[], from: number, lex: Lexicon): boolean {
  let k = from;
  while (k < norms.length && (lex.auxiliaries.has(norms[k]!) || norms[k] === '—' || norms[k] === '–' || norms[k] === '-')) k++;
  const w = norms[k];
  return w === undefined || w === '.' || w === ',' || w === ';' || lex.additives.places.has(w);
}

/**
 * "Some 120 households were evacuated on Friday, 40 in Saint-Jean and 80 in Pessac", "120 foyers
 * évacués, 40 sur Saint-Jean-d'Illac et 80 sur Pessac": bare figures after a comma, each followed
 * by a place preposition and a name, break the linked total before them down by place.
 */
function placedBreakdown(
  figures: readonly Figure[],
  links: readonly Link[],
  tokens: readonly Token[],
  norms: readonly string[],
  lex: Lexicon,
): Link[] {
  const out: Link[] = [];
  const linkOf = (g: Figure) => [...links, ...out].find((l) => l.figure === g && !l.coordinated);
  for (let i = 1; i < figures.length; i++) {
    const part = figures[i]!;
    if (links.some((l) => l.figure === part) || part.noun) continue;
    const prev = figures[i - 1]!;
    const from = linkOf(prev);
    if (!from || HOUSING_TERMS.has(from.term) || !namedPlaceAfter(tokens, part.quantity.next, lex)) continue;
    const between = norms.slice(prev.quantity.next, part.quantity.lead);
    // The first part follows its total's clause after a comma; the next ones follow a part.
    const first = norms[part.quantity.lead - 1] === ',' && between.length <= PART_TOTAL_REACH;
    const next =
      between.length <= 6 && lex.coordinators.has(norms[part.quantity.lead - 1]!) && namedPlaceAfter(tokens, prev.quantity.next, lex);
    if (!(first || next) || between.some((w) => w === '.' || w === ';' || /^\d/.test(w))) continue;
    out.push({ ...from, figure: part, score: from.score - 0.15 });
  }
  return out;
}

/** A place preposition right after the figure, then a capitalised name: "in Pessac", "sur Pessac". */
function namedPlaceAfter(tokens: readonly Token[], k: number, lex: Lexicon): boolean {
  if (!lex.additives.places.has(tokens[k]?.norm ?? '')) return false;
  const capitalised = (t: Token | undefined) => !!t && /^\p{Lu}/u.test(t.text.replace(/^(?:l|d)['’]/u, ''));
  if (!capitalised(tokens[k + 1])) return false;
  // The name ends the part: no predicate of its own follows ("30 in Kabul died").
  let end = k + 1;
  while (capitalised(tokens[end + 1]) || (tokens[end + 1]?.text === '-' && capitalised(tokens[end + 2]))) end++;
  const after = tokens[end + 1];
  return !after || /^[,.;)(]$/.test(after.text) || lex.coordinators.has(after.norm) || after.kind === 'number';
}
