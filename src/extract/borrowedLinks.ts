// Links a figure borrows from a neighbour that reached a trigger, where the gap rules cannot reach
// it themselves: the earlier value of a change ("passant de 315 000 à plus d'un million de
// personnes déplacées"), bracketed figures listed after place names before the trigger ("Derna
// (at least 30,000), Bayda (3,000) and Benghazi (2,195) have the largest number of displaced
// people"), people restated after "soit" / "es decir" / "that is" past their families' trigger, and
// a figure sharing the next one's noun ("87 private and 27 apartment buildings were damaged"),
// subjects joined by "and" before one verb ("52,000 Lebanese and 125,000 displaced Syrians have
// crossed into Syria"); parts of a total in partLinks.ts.
import type { Lexicon } from './lexicon.js';
import type { Figure, Link } from './link.js';
import type { Token } from './segment/tokens.js';
import { joinsLastTwo } from './figures.js';
import { partLinks } from './partLinks.js';
import type { Trigger } from './term/triggers.js';

export function borrowedLinks(
  figures: readonly Figure[],
  links: readonly Link[],
  triggers: readonly Trigger[],
  tokens: readonly Token[],
  lex: Lexicon,
): Link[] {
  const norms = tokens.map((t) => t.norm);
  return [
    ...earlierValues(figures, links, norms, lex),
    ...laterValues(figures, links, norms, lex),
    ...bracketedMates(figures, links, tokens, norms, lex),
    ...restatedAfter(figures, links, norms, lex),
    ...listed(figures, links, triggers, norms, lex),
    ...coordinatedSubjects(figures, links, norms, lex),
    ...partLinks(figures, links, tokens, norms, lex),
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
    const equivalent = equivalentBefore(norms, b.quantity.lead, lex);
    if (equivalent === 0) continue;
    if (b.quantity.lead - a.quantity.next > RESTATED_REACH) continue;
    if (norms.slice(a.quantity.next, b.quantity.lead - equivalent).some((w) => w === '.' || w === ';')) continue;
    const kinds = new Set([a.countKind, b.countKind]);
    if (!(kinds.has('people') && kinds.has('households'))) continue;
    for (const l of links) if (l.figure === a && !l.coordinated) out.push({ ...l, figure: b, score: l.score - 0.05 });
  }
  return out;
}

/**
 * How many tokens of "soit", "es decir", "that is" or "i.e." (four tokens with its periods) end
 * right before `lead`, or 0.
 */
function equivalentBefore(norms: readonly string[], lead: number, lex: Lexicon): number {
  const word = norms[lead - 1] ?? '';
  if (/\p{L}/u.test(word) && lex.equivalents.has(word)) return 1;
  for (let n = 2; n <= 3; n++) if (lead >= n && lex.equivalents.has(norms.slice(lead - n, lead).join(' '))) return n;
  return word === '.' && lead >= 4 && lex.equivalents.has(norms.slice(lead - 4, lead).join('')) ? 4 : 0;
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
 * The figure a change leads to from `f` ("from 12,400 [to] 31,000", "passant de 315 000 à plus d'un
 * million"), when `f` is the change's earlier value; a qualifier the reader left out of the later
 * figure may stand between ("à [plus d']un million").
 */
function laterOfChange(figures: readonly Figure[], f: Figure, norms: readonly string[], lex: Lexicon): Figure | undefined {
  const q = f.quantity;
  const change = lex.levelChanges.find((c) => c.from.every((w, j) => norms[q.lead - c.from.length + j] === w));
  if (!change || !change.to.every((w, j) => norms[q.next + j] === w)) return undefined;
  const at = q.next + change.to.length;
  return figures.find((g) => g.quantity.lead >= at && g.quantity.lead <= at + 2);
}

/**
 * "passant de 315 000 à plus d'un million de personnes déplacées", "rising from 12,400 to 31,000
 * displaced people": the earlier value of a change counts what the later one does, when only the
 * later one has a trigger (a frame before both reads both already: countFrame.ts).
 */
function earlierValues(figures: readonly Figure[], links: readonly Link[], norms: readonly string[], lex: Lexicon): Link[] {
  const out: Link[] = [];
  for (const f of figures) {
    if (links.some((l) => l.figure === f)) continue;
    const later = laterOfChange(figures, f, norms, lex);
    for (const l of links)
      if (l.figure === later && !l.coordinated) out.push({ ...l, figure: f, score: l.score - 0.1 });
  }
  return out;
}

/**
 * "Evacuees rose from 2,572 to 7,566", "les personnes évacuées sont passées de 2 572 à 7 566": the
 * later value of a change counts what the earlier one does, when only the earlier one was linked
 * (its trigger before both).
 */
function laterValues(figures: readonly Figure[], links: readonly Link[], norms: readonly string[], lex: Lexicon): Link[] {
  const out: Link[] = [];
  for (const f of figures) {
    const later = laterOfChange(figures, f, norms, lex);
    if (!later || links.some((l) => l.figure === later)) continue;
    for (const l of links)
      if (l.figure === f && !l.coordinated && l.trigger.next <= f.quantity.lead)
        out.push({ ...l, figure: later, score: l.score - 0.05 });
  }
  return out;
}

/**
 * "some 87 private and 27 apartment buildings have been damaged": the first figure's noun is the
 * second's (noun.ts reads it across the coordinator), so the two share the link the gap rules give
 * one of them: they stop at the other figure.
 */
function sharedNoun(
  figures: readonly Figure[],
  links: readonly Link[],
  triggers: readonly Trigger[],
  norms: readonly string[],
  lex: Lexicon,
): Link[] {
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
    // Or neither has a noun and the second's trigger touches it as one: "with 91,239 and 5,719
    // displaced" (not after a verb of the first's own: "killed 90 and 5,000 displaced").
    const touching = links.filter((l) => l.figure === b && l.trigger.first === b.quantity.next && !l.coordinated);
    const nominal =
      touching.length > 0 &&
      !a.noun &&
      !b.noun &&
      b.quantity.lead - a.quantity.next === 1 &&
      lex.coordinators.has(norms[a.quantity.next]!) &&
      !verbBefore(a, triggers, norms) &&
      !lex.levelVerbs.some((v) => v.every((w, k) => norms[a.quantity.lead - v.length + k] === w));
    if (nominal) {
      if (!links.some((l) => l.figure === a)) for (const l of touching) out.push({ ...l, figure: a, score: l.score - 0.05 });
      continue;
    }
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

/**
 * "about 7,000, 16,500 and 2,100 residents evacuated, respectively", "1,300, 800, and 250
 * families": bare figures listed with commas, the last two joined by "and", share the noun after
 * the last and the link it or the one before it has (the gap rules stop at the next figure).
 */
function listed(
  figures: readonly Figure[],
  links: readonly Link[],
  triggers: readonly Trigger[],
  norms: readonly string[],
  lex: Lexicon,
): Link[] {
  const shared = sharedNoun(figures, links, triggers, norms, lex);
  const out: Link[] = [];
  const between = (a: Figure, b: Figure) => norms.slice(a.quantity.next, b.quantity.lead);
  const bareComma = (f: Figure, next: Figure) => !f.noun && between(f, next).join(' ') === ',';
  for (let i = figures.length - 2; i > 0; i--) {
    const [a, b] = [figures[i]!, figures[i + 1]!];
    if (a.noun || !b.noun || !joinsLastTwo(between(a, b), lex) || !bareComma(figures[i - 1]!, a)) continue;
    const own = (f: Figure) => [...links, ...shared].filter((l) => l.figure === f && !l.coordinated && l.direction !== 'before');
    const from = own(a).length > 0 ? own(a) : own(b);
    if (from.length === 0) continue;
    // The first of the list follows no verb or level of its own ("killed 90, 40 and 5,000 displaced").
    let first = i;
    while (first > 0 && bareComma(figures[first - 1]!, figures[first]!)) first--;
    const head = figures[first]!;
    if (verbBefore(head, triggers, norms) || lex.levelVerbs.some((v) => v.every((w, j) => norms[head.quantity.lead - v.length + j] === w)))
      continue;
    for (let k = first; k <= i; k++) {
      const f = figures[k]!;
      if (links.some((l) => l.figure === f) || shared.some((l) => l.figure === f)) continue;
      for (const l of from) out.push({ ...l, figure: f, score: l.score - 0.05 });
    }
    i = first;
  }
  return [...shared, ...out];
}

/**
 * "More than 52,000 Lebanese citizens and 125,000 displaced Syrians have crossed into Syria",
 * "3,000 people and 2,000 displaced families were evacuated": two counted subjects joined by a
 * coordinator share the verb after the second. Neither may be an earlier verb's object ("displaced
 * 3,000 people and 500 families were evacuated").
 */
function coordinatedSubjects(
  figures: readonly Figure[],
  links: readonly Link[],
  norms: readonly string[],
  lex: Lexicon,
): Link[] {
  const out: Link[] = [];
  const object = (f: Figure) => links.some((l) => l.figure === f && l.direction === 'before');
  for (let i = 0; i + 1 < figures.length; i++) {
    const a = figures[i]!;
    const b = figures[i + 1]!;
    const aEnd = a.noun ? a.noun.next : a.quantity.next;
    const bEnd = b.noun ? b.noun.next : b.quantity.next;
    // A comma may stand before the "and": "plus de 177 000 Syriens, et 63 000 Libanais ayant traversé".
    const joiner = norms[aEnd] === ',' ? aEnd + 1 : aEnd;
    if (!a.noun || !b.noun || b.quantity.lead - joiner !== 1 || !lex.coordinators.has(norms[joiner]!)) continue;
    if (object(a) || object(b) || !sameKind(a, b) || governedBefore(a, norms, lex)) continue;
    // The verb after both that one of them reached (the second, as a rule).
    const verbs = links.filter(
      (l) => (l.figure === a || l.figure === b) && l.direction === 'after' && l.trigger.first >= bEnd,
    );
    for (const l of verbs) {
      const to = l.figure === a ? b : a;
      if (links.some((m) => m.figure === to && m.term === l.term)) continue;
      // After a comma, only a figure with no term of its own: "69,991 evacuadas, y 74,395 personas
      // albergadas" lists two counts, each with its own.
      if (joiner !== aEnd && links.some((m) => m.figure === to)) continue;
      out.push({ ...l, figure: to, score: l.score - 0.05 });
    }
  }
  return out;
}

const PEOPLE_KINDS = new Set<Figure['countKind']>(['people', 'households']);
/** People and families may be joined as one subject; people and houses are two clauses' counts. */
const sameKind = (a: Figure, b: Figure) =>
  a.countKind === b.countKind || (PEOPLE_KINDS.has(a.countKind) && PEOPLE_KINDS.has(b.countKind));

/** A trigger found before the figure in its clause, a blocker too: "injured [40] and 5,000 displaced". */
function verbBefore(f: Figure, triggers: readonly Trigger[], norms: readonly string[]): boolean {
  const lead = f.quantity.lead;
  return triggers.some((t) => t.next <= lead && !norms.slice(t.next, lead).some((w) => /^[,;:.()]$/.test(w)));
}

/** A trigger word (a blocker too: "han muerto cuatro personas y …") before the figure in its clause. */
function governedBefore(f: Figure, norms: readonly string[], lex: Lexicon): boolean {
  for (let k = f.quantity.lead - 1; k >= 0; k--) {
    const w = norms[k]!;
    if (/^[,;:.()]$/.test(w)) return false;
    if (lex.triggers.has(w)) return true;
  }
  return false;
}
