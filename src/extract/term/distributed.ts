// A list of figures shares one trigger: "displaced 2,000 people in Kalehe, 3,500 in Masisi and
// 1,100 in Rutshuru", "2,000 in Kalehe and 3,500 in Masisi have fled", "403 houses partially
// and 272 fully damaged", "by district: Bor South 8,200; Twic East 5,600". The trigger links its
// nearest figure; the other items of the list, each a bare figure with its own place or time,
// carry the same term and, unless they name their own, the same unit.
import { HOUSING_TERMS } from '../../types.js';
import { type Lexicon, matchesAt } from '../lexicon.js';
import type { Figure, Link } from '../link.js';
import type { Token } from '../segment/tokens.js';
import type { Trigger } from './triggers.js';

/** Words an item may hold besides its figure ("in the coastal district of Kalehe"). */
const ITEM_WORDS = 8;

/** Tokens between a first item and its own verb after it ("12,400 people [have been] displaced"). */
const VERB_GAP = 2;

export function distributedCounts(
  tokens: readonly Token[],
  links: Link[],
  triggers: Trigger[],
  figures: Figure[],
  lex: Lexicon,
): Link[] {
  const out: Link[] = [];
  // Items already given the term pass it on ("… 3,500 in B and 1,100 in C"); copies keep the quantity.
  const linked = (f: Figure) =>
    out.find((l) => l.figure.quantity === f.quantity) ??
    links.find((l) => l.figure.quantity === f.quantity && !l.coordinated);
  // Forwards ("displaced 2,000 people in A, 3,500 in B"), then backwards ("2,000 in A and 3,500 in B fled").
  for (let i = 1; i < figures.length; i++) {
    const f = figures[i]!;
    const prev = linked(figures[i - 1]!);
    if (!prev || linked(f)) continue;
    // An item restated in another unit: "1,329 families or 6,645 individuals in Camarines Norte".
    if (f.restatement.has(prev.figure.quantity.lead)) {
      out.push(share(prev, f));
      continue;
    }
    if (!isItem(tokens, f, prev.figure, lex) || hasOwnVerb(tokens, f, triggers, lex)) continue;
    // "155,710 returnees and 9,052,583 residents": a total's own noun named its group; an item
    // naming another group is no part of it ("… and 3,500 people in B" is).
    if (prev.direction === 'adjacent' && namesOtherGroup(tokens, f, lex)) continue;
    // The first item's own verb may follow it: "In Sindh 12,400 people were displaced, in Punjab 8,100".
    const prevEnd = itemEnd(prev.figure);
    const verbAfter = prev.trigger.first >= prevEnd && prev.trigger.first - prevEnd <= VERB_GAP;
    if (!itemGap(tokens, verbAfter ? prev.trigger.next : prevEnd, f.quantity.lead, triggers, lex, prev.trigger)) continue;
    // "displaced 6,000 people, with 3,000 in Al-Bayda": after a one-word joiner the item names its
    // place, after its figure or right before the joiner ("Guerrero, con 5.056 desplazados; Chiapas, con 5.035").
    const oneWord = lex.listJoiners.some((j) => j.length === 1 && j[0] === tokens[f.quantity.lead - 1]?.norm);
    if (oneWord && !placedAt(tokens, itemEnd(f), lex) && !namedBefore(tokens, f.quantity.lead - 1, lex)) continue;
    out.push(share(prev, f), ...otherTerms(prev, links, out).map((o) => share(o, f)));
  }
  const depth = bracketDepths(tokens);
  for (let i = figures.length - 2; i >= 0; i--) {
    const f = figures[i]!;
    const next = linked(figures[i + 1]!);
    if (!next || next.direction !== 'after' || linked(f)) continue;
    // An item restated in another unit, backwards: "7,777 families or 21,945 persons in Bicol, and
    // 107 families … were evacuated".
    if (next.figure.restatement.has(f.quantity.lead)) {
      out.push(share(next, f), ...otherTerms(next, links, out).map((o) => share(o, f)));
      continue;
    }
    if (!isItem(tokens, f, next.figure, lex)) continue;
    // A list inside brackets ends with them: "9 people died (4 in A and 5 in B), 474 families lost their homes".
    if (depth[f.quantity.lead]! > depth[next.figure.quantity.lead]!) continue;
    // Backwards, the item must name its own place or degree ("2,000 in A, …", "403 houses partially
    // and 272 fully damaged"): "Of the 10,000 victims, 3,000 …" is a whole and its part.
    const own = tokens[end(f)]?.norm ?? '';
    const placed = placedAt(tokens, end(f), lex);
    // Or homes of another kind counted by their own noun: "227 upgraded shelters, 369 emergency
    // shelters and 97 tents were destroyed".
    const homes = (x: Figure) => x.noun !== null && (x.countKind === 'housing' || x.countKind === 'shelter');
    const kindOfHome = homes(f) && homes(next.figure) && HOUSING_TERMS.has(next.term);
    if (!placed && !lex.itemAdverbs.has(own) && !kindOfHome) continue;
    if (!itemGap(tokens, end(f), next.figure.quantity.lead, triggers, lex)) continue;
    // "affected half a million people across the country, including 370,000 who have been
    // displaced": a whole before its part does not take the part's term.
    if (subsetBetween(tokens, end(f), next.figure.quantity.lead, lex)) continue;
    out.push(share(next, f), ...otherTerms(next, links, out).map((o) => share(o, f)));
  }
  return out;
}

/** Whether a subset marker ("including", "of whom") opens between `from` and `to`. */
function subsetBetween(tokens: readonly Token[], from: number, to: number, lex: Lexicon): boolean {
  const norms = tokens.map((t) => t.norm);
  for (let k = from; k < to; k++) if (lex.subsetMarkers.some((m) => matchesAt(norms, k, m))) return true;
  return false;
}

/**
 * The links giving the figure of `link` its other terms: an item counts the same people as the
 * figure it continues, under each of its terms ("20,720 displaced people sheltering in centres,
 * 8,208 in Pemba": displaced and sheltered both).
 */
export function otherTerms(link: Link, ...lists: Link[][]): Link[] {
  const out: Link[] = [];
  for (const list of lists)
    for (const l of list)
      if (l.figure.quantity === link.figure.quantity && l.term !== link.term && !out.some((o) => o.term === l.term))
        out.push(l);
  return out;
}

/** How many brackets are open before each token, in one pass. */
function bracketDepths(tokens: readonly Token[]): number[] {
  const out: number[] = [];
  let depth = 0;
  for (const t of tokens) {
    out.push(depth);
    if (t.text === '(') depth++;
    else if (t.text === ')') depth = Math.max(0, depth - 1);
  }
  return out;
}

function end(f: Figure): number {
  return f.noun ? f.noun.next : f.quantity.next;
}

/** Where an item ends: after the figure restating it, if one does ("1,329 families or 6,645 individuals"). */
function itemEnd(f: Figure): number {
  let last = end(f) - 1;
  for (const k of f.restatement) if (k > last) last = k;
  return last + 1;
}

/**
 * An item of homes that names its own degree of damage right after it counts homes of that degree:
 * "destroyed 730 houses totally and 931 partially", "730 derrumbes totales y 931 parciales".
 */
export function byDegree(tokens: readonly Token[], link: Link, lex: Lexicon): Link {
  if (!HOUSING_TERMS.has(link.term)) return link;
  const f = link.figure;
  const at = f.noun ? f.noun.next : f.quantity.next;
  const degree = lex.housingDegrees.get(tokens[at]?.norm ?? '');
  return degree && degree !== link.term && degreeAlone(tokens, at + 1, lex) ? { ...link, term: degree } : link;
}

function share(from: Link, f: Figure): Link {
  const figure = f.countKind === null ? { ...f, countKind: from.figure.countKind ?? f.elidedKind } : f;
  return { ...from, figure, score: from.score - 0.15, coordinated: true };
}

/**
 * A bare figure (or one counting what its neighbour counts) followed by its own place or time,
 * or by the end of the list: not a share ("300 of them") and not the subject of another verb
 * ("and 35 were killed").
 */
/** Whether the figure's counted noun names a group of its own: not a generic noun ("people") nor an elided one ("others"). */
export function namesOtherGroup(tokens: readonly Token[], f: Figure, lex: Lexicon): boolean {
  if (!f.noun) return false;
  const head = tokens[f.noun.next - 1]!.norm;
  return !lex.nouns.generic.has(head) && !lex.nouns.elided.has(head);
}

function isItem(tokens: readonly Token[], f: Figure, other: Figure, lex: Lexicon): boolean {
  if (f.quantity.value === null || other.quantity.value === null) return false;
  // People and families mix in one list ("2,000 families in A and 3,000 people in B"), and so do
  // homes and shelters ("369 houses and 97 tents"); people and homes do not.
  const peopleLike = (k: Figure['countKind']) => k === 'people' || k === 'households';
  const homeLike = (k: Figure['countKind']) => k === 'housing' || k === 'shelter';
  if (f.countKind !== null && other.countKind !== null && f.countKind !== other.countKind)
    if (!(peopleLike(f.countKind) && peopleLike(other.countKind)) && !(homeLike(f.countKind) && homeLike(other.countKind)))
      return false;
  const after = tokens[itemEnd(f)];
  return (
    !after ||
    lex.listSeparators.has(after.norm) ||
    after.text === '.' ||
    after.text === ')' ||
    placedAt(tokens, itemEnd(f), lex) ||
    lex.itemAdverbs.has(after.norm) ||
    // "730 derrumbes totales y 931 parciales": homes counted by their degree (byDegree), the
    // degree standing alone (not "about 30 completely inundated", another participle's degree).
    (lex.housingDegrees.has(after.norm) && degreeAlone(tokens, itemEnd(f) + 1, lex)) ||
    sharePlaced(tokens, itemEnd(f), lex)
  );
}

/** Whether the word after a degree ends the item: punctuation, a joiner, a place, or a participle of damage. */
function degreeAlone(tokens: readonly Token[], k: number, lex: Lexicon): boolean {
  const t = tokens[k];
  if (!t || t.kind !== 'word') return true;
  return lex.coordinators.has(t.norm) || placedAt(tokens, k, lex) || lex.housingParticiples.has(t.norm);
}

/**
 * Whether the token at `k` opens an item's place: a place preposition ("in", "en", "à"), or a
 * preposition of origin before a name ("300 de Escuintla, 34 de Chimaltenango"; "300 de ellos" is
 * a share).
 */
function placedAt(tokens: readonly Token[], k: number, lex: Lexicon): boolean {
  const t = tokens[k];
  if (!t) return false;
  return lex.itemPrepositions.has(t.norm) || (lex.namePrepositions.has(t.norm) && /^\p{Lu}/u.test(tokens[k + 1]?.text ?? ''));
}

/** Tokens after a share's relative within which its place preposition stands ("of which [were] in"). */
const SHARE_PLACE_REACH = 3;

/**
 * "864 homes nationwide, 588 of which were in Rakhine": a share's relative ("of which", "de los
 * cuales") followed by the place it was counted in makes the figure an item of the count before.
 */
function sharePlaced(tokens: readonly Token[], at: number, lex: Lexicon): boolean {
  const norms = tokens.map((t) => t.norm);
  const relative = lex.shareRelatives.find((r) => r.every((w, k) => norms[at + k] === w));
  if (!relative) return false;
  const from = at + relative.length;
  for (let k = from; k < Math.min(norms.length, from + SHARE_PLACE_REACH); k++)
    if (lex.itemPrepositions.has(norms[k]!)) return true;
  return false;
}

/**
 * The item's words up to the next separator hold a trigger or blocker of their own: "…; 300 in
 * Masisi were killed" is no item of the list before it.
 */
function hasOwnVerb(tokens: readonly Token[], f: Figure, triggers: Trigger[], lex: Lexicon): boolean {
  const from = itemEnd(f);
  let to = from;
  let reach = from + ITEM_WORDS;
  while (to < tokens.length && to <= reach && tokens[to]!.text !== '.') {
    if (lex.listSeparators.has(tokens[to]!.norm)) {
      // "and four individuals, including two firefighters, have suffered minor injuries": a subset
      // aside between the item and its own verb is crossed. (Read off the tokens, as itemGap does.)
      const close = subsetAsideEnd(tokens, to, lex);
      if (close < 0) break;
      reach += close - to + 1;
      to = close + 1;
      continue;
    }
    to++;
  }
  // A blocker among the item's own modifiers is its verb too: "65 displaced and 11,650 affected
  // people" counts the affected, not more displaced.
  const blockedItem = (r: Trigger) => r.entry.term.startsWith('block:') && r.first >= f.quantity.next && r.first < from;
  return triggers.some((r) => (r.first >= from && r.first < to) || blockedItem(r));
}

/** The comma closing a subset aside opened by the comma at `comma` (", including two firefighters,"), or -1. */
function subsetAsideEnd(tokens: readonly Token[], comma: number, lex: Lexicon): number {
  if (tokens[comma]!.text !== ',') return -1;
  if (!lex.subsetMarkers.some((m) => m.every((w, j) => tokens[comma + 1 + j]?.norm === w))) return -1;
  for (let k = comma + 2; k < tokens.length && k - comma <= ITEM_WORDS; k++) {
    if (tokens[k]!.text === ',') return k;
    if (tokens[k]!.text === '.') return -1;
  }
  return -1;
}

/** Between two items: the first item's own words, then a list separator right before the second. */
function itemGap(
  tokens: readonly Token[],
  from: number,
  to: number,
  triggers: Trigger[],
  lex: Lexicon,
  /**
   * The first item's own trigger, which may stand inside it: "794,000 persons underwent
   * evacuation in Albay; 1,329 families in Camarines Norte".
   */
  own?: Trigger,
): boolean {
  if (to - from < 1 || to - from - asideWords(tokens, from, to) > ITEM_WORDS + 2) return false;
  // A trigger coordinated with the item's own ("deported or repatriated in the first quarter") is its own too.
  const ownTerm = (r: Trigger) => own !== undefined && r.entry.term === own.entry.term;
  if (triggers.some((r) => r !== own && !ownTerm(r) && r.first < to && r.next > from)) return false;
  // "…, as well as 600 in Balochistan", "así como a 600": a joiner of several words ends the gap.
  // Read off the tokens: this runs for every pair of neighbouring figures in a long table.
  const joiner = lex.listJoiners.find((j) => j.every((w, k) => tokens[to - j.length + k]?.norm === w));
  if (joiner) to -= joiner.length - 1;
  if (!lex.listSeparators.has(tokens[to - 1]!.norm) && !joiner) return namedItem(tokens, from, to, lex);
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    // "3,000 in Sindh (60%) and 2,000 in Punjab": an item's share of the total is part of the item.
    const share = shareEnd(tokens, k);
    if (share > 0) {
      k = share;
      continue;
    }
    // "crossed at the Elegu border point (Adjumani axis), 247 in Moyo": a bracket of words only is an aside.
    const aside = asideEnd(tokens, k, to);
    if (aside > 0) {
      k = aside;
      continue;
    }
    if (t.kind === 'number' || t.text === '.' || t.text === ':' || t.text === '(') return false;
    if (lex.clauseBreaks.has(t.norm) && t.text !== ';') return false;
  }
  return true;
}

/** The most words of an aside in brackets. */
const ASIDE_WORDS = 5;

/** The ")" of a bracket opening at k that holds only a few words ("(Adjumani axis)", "(IDPs)"), or 0. */
function asideEnd(tokens: readonly Token[], k: number, to: number): number {
  if (tokens[k]?.text !== '(') return 0;
  for (let j = k + 1; j < to && j <= k + ASIDE_WORDS + 1; j++) {
    if (tokens[j]!.text === ')') return j > k + 1 ? j : 0;
    if (tokens[j]!.kind !== 'word') return 0;
  }
  return 0;
}

/** How many tokens between from and to stand in asides, brackets included. */
function asideWords(tokens: readonly Token[], from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) {
    const end = asideEnd(tokens, k, to);
    if (end > 0) {
      n += end - k + 1;
      k = end;
    }
  }
  return n;
}

/**
 * A list item's place named right before the joiner at `k`, after the list's separator: "; Chiapas,
 * con 5.035", "y Michoacán con 240".
 */
function namedBefore(tokens: readonly Token[], k: number, lex: Lexicon): boolean {
  let j = k - 1;
  if (tokens[j]?.text === ',') j--;
  const last = j;
  while (j >= 0 && last - j < NAME_WORDS && /^\p{Lu}/u.test(tokens[j]!.text)) j--;
  if (j === last) return false;
  const before = tokens[j]?.norm ?? '';
  return lex.listSeparators.has(before) || lex.coordinators.has(before);
}

/** The most words of a place name that leads its figure in a list. */
const NAME_WORDS = 4;
/** Lower-case words inside a place name. */
const NAME_PARTICLES = new Set(['de', 'del', 'da', 'do', 'du', 'la', 'le', 'of', 'al', 'el']);

/** Articles a place's name may take after the item's preposition ("en el Medio Baudó", "dans le Nord-Ouest"). */
const NAME_ARTICLES: ReadonlySet<string> = new Set(['the', 'el', 'la', 'los', 'las', 'le', 'les', "l'"]);

/**
 * An item whose place leads its figure: "…: Bor South 8,200; Twic East 5,600", "Cabo Delgado
 * (650,000), Niassa (40,000)": a separator, a capitalised name, then the figure, maybe in brackets
 * or after a colon or a dash.
 */
function namedItem(tokens: readonly Token[], from: number, to: number, lex: Lexicon): boolean {
  let k = from;
  if (tokens[k]?.text === ')') k++;
  // The item before may name its own place first: "2,100 houses in Quelimane, Nicoadala (640)".
  if (lex.itemPrepositions.has(tokens[k]?.norm ?? ''))
    for (k++; k < to && /^\p{Lu}/u.test(tokens[k]!.text);) k++;
  if (!lex.listSeparators.has(tokens[k]?.norm ?? '')) return false;
  k++;
  // "…; and Chipewyan Lake (100)", "…, followed by Kolasib (3660)".
  if (lex.coordinators.has(tokens[k]?.norm ?? '')) k++;
  const lead = lex.itemLeads.find((l) => l.every((w, j) => tokens[k + j]?.norm === w));
  if (lead) k += lead.length;
  // The name may come with its preposition, the place before its figure: "se han evacuado 110 mil
  // personas, en Guantánamo 139 mil 914, en Holguín 69 mil y en Las Tunas 72 mil".
  if (lex.itemPrepositions.has(tokens[k]?.norm ?? '') && /^\p{Lu}/u.test(tokens[k + 1]?.text ?? '')) k++;
  // Its article too, before a name that takes one: "; en el Medio Baudó 66 familias", "in the Bajo Baudó".
  else if (
    lex.itemPrepositions.has(tokens[k]?.norm ?? '') &&
    NAME_ARTICLES.has(tokens[k + 1]?.norm ?? '') &&
    /^\p{Lu}/u.test(tokens[k + 2]?.text ?? '')
  )
    k += 2;
  // "; La Matanza - 358 people": a dash may stand between the name and its figure, as a colon does.
  const end = ['(', ':', '-'].includes(tokens[to - 1]?.norm ?? '') ? to - 1 : to;
  if (end - k < 1 || end - k > NAME_WORDS) return false;
  // Inner particles of a name: "Tres de Febrero", "Mocimboa da Praia".
  const particle = (j: number) => j > k && j < end - 1 && NAME_PARTICLES.has(tokens[j]!.norm);
  for (let j = k; j < end; j++) if (!/^\p{Lu}/u.test(tokens[j]!.text) && !particle(j)) return false;
  return true;
}

/** The ")" of a bracketed percentage opening at `k` ("(60%)", "(35 per cent)"), or -1. */
function shareEnd(tokens: readonly Token[], k: number): number {
  if (tokens[k]?.text !== '(' || tokens[k + 1]?.kind !== 'number') return -1;
  let j = k + 2;
  if (tokens[j]?.text === '%' || tokens[j]?.norm === 'percent') j++;
  else if (tokens[j]?.norm === 'per' && tokens[j + 1]?.norm === 'cent') j += 2;
  else return -1;
  return tokens[j]?.text === ')' ? j : -1;
}
