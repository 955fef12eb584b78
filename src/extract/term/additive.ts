// "Some 6,000 people were displaced in Beni. Another 2,300 in Lubero.", "Otras 1.200 personas en
// Castellón", "1 700 personnes ont fui vers Hombo-Nord, 970 autres vers Hombo-Sud": an additive
// ("another", "otras", "autres"; or a contrast: "while 255,000 are in Kassala", "mientras que",
// "tandis que") before or after a figure that is followed by its own place
// counts more of the same people somewhere else. With no trigger of its own after it in the
// clause, the figure takes the term of the last displacement trigger before it in the sentence,
// else of the sentence before it in the paragraph. Only with a place: "an additional 330
// families" alone is an increase over time, not a count of its own.
//
// A ranking continues a count the same way: "Colombia hosts 1.1 million refugees. It is followed
// by Peru, with 506,000; Chile, with 288,000", "seguido de Chiapas, con 800, y Veracruz, con 450":
// after a ranking lead, each figure introduced by "with" / "con" / "avec", or in brackets after
// its place ("followed by Adamawa (222,882) and Yobe (135,000)"), takes the term.
import type { Lexicon } from '../lexicon.js';
import { matchesAt, startingWith, startsOf } from '../lexicon.js';
import { HOUSING_TERMS, type Term } from '../../types.js';
import type { Token } from '../segment/tokens.js';
import { impliedEntry, type Trigger } from './triggers.js';

/** Tokens between the figure and the preposition of its place ("another 2,300 [displaced people] in"). */
const PLACE_REACH = 4;

export function additiveTriggers(
  tokens: readonly Token[],
  triggers: readonly Trigger[],
  antecedent: Term | null,
  lex: Lexicon,
): Trigger[] {
  const { before, after } = lex.additives;
  if (before.length === 0 && after.length === 0) return [];
  const norms = tokens.map((t) => t.norm);
  const out: Trigger[] = rankedTriggers(tokens, norms, triggers, antecedent, lex);
  const befores = startsOf(before);
  const afters = startsOf(after);
  for (let i = 0; i < norms.length; i++) {
    const pre = befores(norms[i]).find((a) => matchesAt(norms, i, a));
    const post = pre ? undefined : afters(norms[i]).find((a) => matchesAt(norms, i, a));
    if (!pre && !post) continue;
    const length = (pre ?? post)!.length;
    // The figure: right after a leading additive, right before a trailing one.
    const figureEnd = pre ? numberEnd(tokens, i + length, lex) : i;
    if (pre ? figureEnd < 0 : !isNumberAt(tokens, i - 1, lex)) continue;
    if (!placeFollows(tokens, pre ? figureEnd : i + length, lex)) continue;
    if (ownTriggerAfter(tokens, triggers, i)) continue;
    const term = continuedTerm(triggers, i, antecedent);
    if (!term) continue;
    out.push({ entry: additiveEntry(norms.slice(i, i + length), term), first: i, next: i + length, namesHousing: false });
  }
  return out;
}

/** The figures of a ranking after its lead, each behind its "with": "followed by Peru, with 506,000". */
function rankedTriggers(
  tokens: readonly Token[],
  norms: readonly string[],
  triggers: readonly Trigger[],
  antecedent: Term | null,
  lex: Lexicon,
): Trigger[] {
  const { leads, items } = lex.additives;
  const out: Trigger[] = [];
  for (let i = 0; i < norms.length; i++) {
    const lead = startingWith(leads, norms[i]).find((l) => matchesAt(norms, i, l));
    if (!lead) continue;
    // A ranking of homes ranks homes: "Veracruz, con 12 mil 300 viviendas dañadas. Le siguen Puebla con 4 mil 796".
    const continued = continuedTerm(triggers, i, antecedent, true);
    if (!continued || countsSites(triggers, i, norms, lex)) return out;
    // The ranking ends at the next trigger of any kind: "…, with 400, and 30 were killed"; not at a
    // camp's name, which is an item: "along with Al-Salam camp with 45,000, Zamzam with 42,000".
    // A ranking of named camps counts the people in them.
    const after = triggers.filter((t) => t.first >= i + lead.length);
    const end = after.find((t) => !namedSite(tokens, t, i + lead.length))?.first ?? tokens.length;
    const site = after.find((t) => t.first < end);
    const term = site ? (site.entry.term as Term) : continued;
    const ranked: Trigger[] = [];
    for (let k = i + lead.length; k < end - 1; k++) {
      // "followed by Mahottari 7,963 and Udayapur 1,573": a place's name right before its figure.
      const named = /^\p{Lu}/u.test(tokens[k]!.text) && tokens[k + 1]?.kind === 'number';
      if ((!items.has(norms[k]!) && !named) || !isNumberAt(tokens, k + 1, lex)) continue;
      // "Chocó, con 19 eventos; Valle del Cauca, con 16": the ranking counts something else.
      if (countsOtherThanPeople(tokens, numberEnd(tokens, k + 1, lex), lex, HOUSING_TERMS.has(term))) return out;
      // A bare figure in a ranking of homes counts homes.
      ranked.push({ entry: additiveEntry([norms[k]!], term), first: k, next: k + 1, namesHousing: HOUSING_TERMS.has(term) });
    }
    return [...out, ...ranked];
  }
  return out;
}

/** A one-word camp or shelter trigger after a capitalised name, past the ranking's lead: "Al-Salam camp". */
function namedSite(tokens: readonly Token[], t: Trigger, from: number): boolean {
  const term = t.entry.term;
  return (
    (term === 'in_relief_camp' || term === 'sheltered') &&
    t.next - t.first === 1 &&
    t.first > from &&
    /^\p{Lu}/u.test(tokens[t.first - 1]!.text)
  );
}

/**
 * "The most number of relief camps is in Paravur (223), followed by …", "el mayor número de
 * albergues": the trigger before the ranking is the noun of the places it counts.
 */
function countsSites(triggers: readonly Trigger[], i: number, norms: readonly string[], lex: Lexicon): boolean {
  const prior = triggers.filter((t) => t.next <= i && !t.entry.term.startsWith('block:')).pop();
  return (
    !!prior &&
    lex.partitives.has(norms[prior.first - 1] ?? '') &&
    (lex.nouns.shelters.has(norms[prior.next - 1] ?? '') || lex.nouns.other.has(norms[prior.next - 1] ?? ''))
  );
}

/** A lower-case word after a ranked figure that names no people (nor homes, in a ranking of homes): "19 eventos", "25 deaths". */
function countsOtherThanPeople(tokens: readonly Token[], k: number, lex: Lexicon, homes: boolean): boolean {
  const t = tokens[k];
  if (!t || t.kind !== 'word' || /^\p{Lu}/u.test(t.text) || lex.scales.has(t.norm)) return false;
  const { people, households, housing } = lex.nouns;
  // A ranking of homes names its homes: "… and Udayapur 1,573 houses".
  if (homes && housing.has(t.norm)) return false;
  return !people.has(t.norm) && !households.has(t.norm) && !lex.conjunctions.has(t.norm) && !lex.coordinators.has(t.norm);
}

/**
 * The term a continuation at token `i` carries on: the last displacement trigger before it in the
 * sentence, else the paragraph's antecedent. None after a blocker nearer to it ("30 killed,
 * another 12 in B") nor for homes, which a continuation of people does not count.
 */
export function continuedTerm(
  triggers: readonly Trigger[],
  i: number,
  antecedent: Term | null,
  homes = false,
): Term | null {
  const prior = triggers.filter((t) => t.next <= i && !t.entry.term.startsWith('block:')).pop();
  if (triggers.some((t) => t.next <= i && t.entry.term.startsWith('block:') && (!prior || t.first > prior.first)))
    return null;
  const term = (prior?.entry.term as Term | undefined) ?? antecedent;
  return term && (homes || !HOUSING_TERMS.has(term)) ? term : null;
}

function isNumberAt(tokens: readonly Token[], k: number, lex: Lexicon): boolean {
  const t = tokens[k];
  return t !== undefined && (t.kind === 'number' || lex.numberUnits.has(t.norm) || lex.scales.has(t.norm));
}

/** The token after the figure that starts at `k` ("2,300", "1,2 millones"), or -1 when none starts there. */
function numberEnd(tokens: readonly Token[], k: number, lex: Lexicon): number {
  if (tokens[k]?.kind !== 'number') return -1;
  let end = k + 1;
  while (isNumberAt(tokens, end, lex)) end++;
  return end;
}

/** A preposition and a capitalised name within reach: "in Lubero", "en Castellón", "at the Palanca crossing". */
function placeFollows(tokens: readonly Token[], from: number, lex: Lexicon): boolean {
  const norms = tokens.map((t) => t.norm);
  for (let k = from; k < Math.min(tokens.length - 1, from + PLACE_REACH); k++) {
    const t = tokens[k]!;
    if (t.kind !== 'word') return false;
    // "evacuated 500 people by boat and another 30 by helicopter": the way they left stands for
    // the place.
    if (lex.additives.means.some((m) => matchesAt(norms, k, m))) return true;
    if (!lex.additives.places.has(t.norm)) continue;
    // One short article may stand before the name: "at the Palanca checkpoint", "dans la Ruzizi".
    const name = tokens[k + 1]!.text.length <= 3 && /^\p{Ll}/u.test(tokens[k + 1]!.text) ? tokens[k + 2] : tokens[k + 1];
    // An elided article stays on its name: "vers l'Ouganda".
    return name !== undefined && /^\p{Lu}/u.test(name.text.replace(/^(?:l|d)['’]/u, ''));
  }
  return false;
}

/** A trigger of the figure's own clause after the additive: it governs the figure itself. */
function ownTriggerAfter(tokens: readonly Token[], triggers: readonly Trigger[], from: number): boolean {
  let end = from;
  while (end < tokens.length && tokens[end]!.text !== ';') end++;
  return triggers.some((t) => t.first > from && t.first < end);
}

/** Both sides: "another 2,300" has the figure after it, "970 autres" before it. */
const additiveEntry = (words: string[], term: Term) => impliedEntry(words, term, 'both', `${term}:additive`);
