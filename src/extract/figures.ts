// From quantities to figures: what each counts (its noun, a table label's noun, "the homes of
// 480 families"), what a parallel figure before it counted ("31 houses destroyed and 300
// damaged"), and which neighbour restates it ("12,345 families or 48,910 persons"). Counts of
// other things (districts, hectares) are set aside as list items the linker may look across.
import { countsSubgroup } from './term/profile.js';
import { triggerEndAt } from './term/triggers.js';
import { type Lexicon, endsAt, matchesAt, startingWith } from './lexicon.js';
import type { Token } from './segment/tokens.js';
import type { Quantity } from './quantity/find.js';
import { findNoun } from './quantity/noun.js';
import { countsNoDisplacement } from './quantity/otherCount.js';
import type { Figure } from './link.js';

/** How far back a figure without a noun looks for a parallel figure to borrow its noun from. */
const ELISION_WINDOW = 10;
/** How far back a figure opening an elliptic clause looks for its parallel figure: "Two homes in
 * Namalata Village were completely destroyed by the winds and nine were partially damaged". */
const ELLIPSIS_WINDOW = 20;

/**
 * Whether the figure opens a clause whose subject it is, joined to the clause of the figure before
 * ("… and nine were partially damaged"): a coordinator right before it, an auxiliary right after,
 * and no other clause's end between the two figures.
 */
function ellipticClause(norms: readonly string[], q: Quantity, prev: Figure, lex: Lexicon): boolean {
  if (q.first - prev.quantity.next > ELLIPSIS_WINDOW) return false;
  if (!lex.coordinators.has(norms[q.lead - 1] ?? '') || !lex.auxiliaries.has(norms[q.next] ?? '')) return false;
  return !norms.slice(prev.quantity.next, q.lead).some((w) => w === '.' || w === ';' || w === ':');
}

/** How far back a figure without a noun looks for a label naming what it counts ("Displaced families: 1,034"). */
const LABEL_WINDOW = 6;

export function buildFigures(
  tokens: readonly Token[],
  quantities: Quantity[],
  lex: Lexicon,
  /** What the last figure of the sentence before counted, for a part opening this one ("Of these, 127,351 were totally damaged"). */
  carried: Figure['countKind'] = null,
): { figures: Figure[]; listItems: Set<number> } {
  const norms = tokens.map((t) => t.norm);
  const figures: Figure[] = [];
  const listItems = new Set<number>();
  for (const [n, q] of quantities.entries()) {
    // "passed the 600,000 mark last week": a mark noun names the figure a level, it counts nothing.
    let noun = lex.markNouns.has(norms[q.next] ?? '') && lex.functionWords.has(norms[q.lead - 1] ?? '')
      ? null
      : findNoun(tokens, q.next, lex);
    // A member noun no list names ("integrantes") is read like one listed among other things.
    const member = noun ?? (lex.memberNouns.has(norms[q.next] ?? '') ? { kind: 'other' as const, first: q.next, next: q.next + 1 } : null);
    if (member?.kind === 'other' && membersOfFamilies(tokens, q, member, quantities[n + 1], lex))
      noun = { ...member, kind: 'people' };
    if (noun?.kind === 'other' || countsNoDisplacement(tokens, norms, q, noun === null, lex)) {
      for (let k = q.lead; k < (noun?.next ?? q.next); k++) listItems.add(k);
      continue;
    }
    // "avoir dû fuir deux ou trois fois", "2 or 3 times": a bare figure joined right to the next
    // one counts what that one counts, things as well.
    const after = quantities[n + 1];
    if (
      !noun &&
      after?.lead === q.next + 1 &&
      lex.coordinators.has(norms[q.next] ?? '') &&
      findNoun(tokens, after.next, lex)?.kind === 'other' &&
      !unlike(q, after)
    ) {
      for (let k = q.lead; k < q.next; k++) listItems.add(k);
      continue;
    }
    // The noun may be shared with the next figure; it counts, but is not this figure's own span.
    const shared = noun ? null : (sharedNounKind(tokens, q, quantities[n + 1], lex) ?? listNounKind(tokens, quantities, n, lex));
    let countKind: Figure['countKind'] = noun && noun.kind !== 'elided' ? noun.kind : shared;
    // "180 houses were affected, 84 of them completely destroyed", "84 de ellas": a pronoun after a
    // partitive counts what the figure before it counted, homes as well as people.
    // (The figure right before, not one past a count of other things: "16 puentes y tres de ellos".)
    const prior = figures[figures.length - 1];
    const homesBefore =
      prior?.quantity === quantities[n - 1] && (prior?.countKind === 'housing' || prior?.countKind === 'households');
    if (noun && homesBefore && pronounOfWhole(norms, noun, lex)) countKind = prior!.countKind;
    let countStated = countKind !== null;
    if (lex.housingOf.some((h) => endsAt(norms, q.lead, h))) {
      countKind = 'housing';
      countStated = true;
    } else if (countKind === null) {
      countKind = labelKind(tokens, q.lead, lex);
      countStated = countKind !== null;
    }
    const prev = figures[figures.length - 1];
    // A part named right after its whole counts what the whole counts, however long the whole's
    // clause: "150,000 houses destroyed or damaged in Sofala province …, including 60,898 totally destroyed",
    // "1,052 houses were damaged by the storm; of which, 892 were partially damaged".
    const at = norms[q.lead - 1] === ',' ? q.lead - 1 : q.lead;
    const part = lex.subsetMarkers.some((m) => endsAt(norms, at, m));
    // A total without a noun of its own may name its things before it: "las viviendas dañadas
    // ascienden a 8.708, de las cuales 2.262 quedaron destruidas", "Damaged houses total 8,708, of which".
    const elidedKind =
      countKind === null && prev && (part || q.first - prev.quantity.next <= ELISION_WINDOW || ellipticClause(norms, q, prev, lex))
        ? (prev.countKind ?? prev.elidedKind ?? (part ? subjectKind(tokens, prev.quantity.lead, lex) : null))
        : countKind === null && !prev && lex.auxiliaries.has(norms[q.lead - 1] ?? '') && !levelVerbBefore(norms, q.lead, lex)
          ? // The subject of a copula before a first bare figure names what it counts: "The damaged
            // houses in Pandeglang were 214 heavily damaged, 269 moderately damaged, …".
            subjectKind(tokens, q.lead - 1, lex)
          : // "The typhoon damaged 405,208 houses. Of these, 127,351 were totally damaged": a part opening
            // the sentence counts what the sentence before counted last.
            countKind === null && n === 0 && lex.subsetOpeners.some((o) => endsAt(norms, at, o))
            ? carried
            : null;
    const figure: Figure = { quantity: q, noun, countKind, countStated, elidedKind, restatement: new Set() };
    if (noun && countKind === 'housing' && lex.nouns.buildings.has(norms[noun.next - 1] ?? '')) figure.building = true;
    figures.push(figure);
  }
  const counted = takeShares(tokens, dropBreakdowns(tokens, figures, listItems, lex), listItems, lex);
  linkRestatements(tokens, counted, lex);
  return { figures: counted, listItems };
}

/** Whether the figure's noun is a pronoun after a partitive ("of them", "de ellas", "d'entre elles"). */
function pronounOfWhole(norms: readonly string[], noun: { first: number; next: number }, lex: Lexicon): boolean {
  const one = noun.next - noun.first === 1;
  return one && lex.nouns.pronouns.has(norms[noun.first]!) && lex.partitives.has(norms[noun.first - 1] ?? '');
}

/** How many words may stand between a figure and the next one whose noun it shares. */
const SHARED_NOUN_GAP = 3;

/**
 * The noun a figure shares with the next one across "and" / "or": "1,674,114 returnee and
 * 2,129,856 IDP individuals" counts individuals in both, not what the figure before counted.
 */
function sharedNounKind(
  tokens: readonly Token[],
  q: Quantity,
  next: Quantity | undefined,
  lex: Lexicon,
): Figure['countKind'] {
  if (!next || next.lead - q.next > SHARED_NOUN_GAP || next.lead <= q.next) return null;
  if (!lex.coordinators.has(tokens[next.lead - 1]?.norm ?? '')) return null;
  for (let k = q.next; k < next.lead - 1; k++) if (tokens[k]!.kind !== 'word') return null;
  // A verb between makes the first figure a clause of its own: "some 20,000 are displaced and
  // 2,000 houses were destroyed" counts people, not houses. Not a participle matched by one before
  // the shared noun: "670 destroyed and more than 700 damaged houses" counts houses in both.
  const parallel =
    next.lead - q.next === 2 && isVerb(tokens[q.next]!.norm, lex) && !lex.auxiliaries.has(tokens[q.next]!.norm) &&
    tokens[next.next]?.kind === 'word' && isVerb(tokens[next.next]!.norm, lex) && !lex.auxiliaries.has(tokens[next.next]!.norm);
  if (parallel) return countedKindAt(tokens, next.next + 1, lex);
  for (let k = q.next; k < next.lead - 1; k++) if (isVerb(tokens[k]!.norm, lex)) return null;
  const kind = countedKindAt(tokens, next.next, lex);
  if (kind === 'people' && restatesFamilies(tokens, q, next, lex)) return 'households';
  // Things shared across "and" are of like number: "those displaced are about 300,000 and 22
  // counties have been placed under flood watch" counts no counties in the first.
  if (kind !== 'people' && kind !== 'households' && unlike(q, next)) return null;
  return kind;
}

/** How many times larger than the next figure a figure is when the two cannot count the same things. */
const UNLIKE_SHARE = 100;

/** Whether a figure is too many times the next one for the two to count the same things. */
function unlike(q: Quantity, next: Quantity): boolean {
  return q.value !== null && next.value !== null && q.value > next.value * UNLIKE_SHARE;
}

/** The smallest ratio of people to families a restatement gives: "15,474 or 78,903 persons". */
const PEOPLE_PER_FAMILY = 2;

/**
 * "the number of IDP families served stands at 15,474 or 78,903 persons": a bare figure after a
 * label naming families, restated in people after an equivalent ("or"), counts the families; the
 * people are several times as many. Not a choice between two counts of people ("2,000 or 3,000 persons").
 */
function restatesFamilies(tokens: readonly Token[], q: Quantity, next: Quantity, lex: Lexicon): boolean {
  if (next.lead !== q.next + 1 || !lex.equivalents.has(tokens[q.next]!.norm)) return false;
  if (q.value === null || next.value === null || next.value < PEOPLE_PER_FAMILY * q.value) return false;
  for (let k = q.lead - 1; k >= Math.max(0, q.lead - LABEL_WINDOW - 2); k--) {
    const t = tokens[k]!;
    if (t.kind === 'number' || t.text === '.' || t.text === ';') return false;
    if (lex.nouns.households.has(t.norm)) return true;
    if (lex.nouns.people.has(t.norm)) return false;
  }
  return false;
}

/** What the noun at `from` counts, or null for none, an elided one ("others") or other things. */
function countedKindAt(tokens: readonly Token[], from: number, lex: Lexicon): Figure['countKind'] {
  const noun = findNoun(tokens, from, lex);
  return noun && noun.kind !== 'elided' && noun.kind !== 'other' ? noun.kind : null;
}

/** Whether the words between two figures join them as a list's last two: "and" or ", and". */
export function joinsLastTwo(sep: readonly string[], lex: Lexicon): boolean {
  return (sep.length === 1 && lex.coordinators.has(sep[0]!)) || (sep.length === 2 && sep[0] === ',' && lex.coordinators.has(sep[1]!));
}

/**
 * The noun after the last of a list of bare figures one comma apart, the last two joined by "and"
 * (", and"): "1,300, 800 and 250 families" counts families in all three.
 */
function listNounKind(tokens: readonly Token[], quantities: readonly Quantity[], n: number, lex: Lexicon): Figure['countKind'] {
  const gap = (a: Quantity, b: Quantity) => tokens.slice(a.next, b.lead).map((t) => t.norm);
  let m = n;
  while (quantities[m + 1] && gap(quantities[m]!, quantities[m + 1]!).join(' ') === ',') m++;
  const last = quantities[m + 1];
  if (m === n || !last) return null;
  return joinsLastTwo(gap(quantities[m]!, last), lex) ? countedKindAt(tokens, last.next, lex) : null;
}

/** An auxiliary, or a one-word trigger used as a verb ("displaced", "fled"), not as a noun ("returnee"). */
function isVerb(word: string, lex: Lexicon): boolean {
  if (lex.auxiliaries.has(word)) return true;
  return (lex.triggers.get(word) ?? []).some(
    (e) => e.words.length === 1 && e.form !== 'noun' && e.form !== 'agent',
  );
}

/** How many words may stand between "of the" and the total: "of the village's more than". */
const SHARE_GAP = 4;

/**
 * "80 of the village's 400 homes were destroyed", "1,200 de las 3,000 familias": the first
 * figure is the count and the second the total it is part of. The share counts what the total
 * counts; the total is no figure, and the linker may look across it.
 */
function takeShares(
  tokens: readonly Token[],
  figures: Figure[],
  listItems: Set<number>,
  lex: Lexicon,
): Figure[] {
  const norms = tokens.map((t) => t.norm);
  const out: Figure[] = [];
  for (let i = 0; i < figures.length; i++) {
    const share = figures[i]!;
    const total = figures[i + 1];
    out.push(share);
    if (!total) continue;
    const at = share.quantity.next;
    const words =
      startingWith(lex.shareOf, norms[at]).find((p) => matchesAt(norms, at, p)) ?? possessiveOf(tokens, at);
    // The share's own noun, if any, is the total's ("2,000 of the 5,000 displaced people").
    const noun = share.noun;
    if (!words || (noun && noun.kind !== 'elided' && noun.first < at + words.length)) continue;
    const between = tokens.slice(at + words.length, total.quantity.lead);
    if (between.length > SHARE_GAP || between.some((t) => t.kind === 'number' || /^[.;:,()]$/.test(t.text)))
      continue;
    // A share of sites counts sites, whatever noun came before: "families living in three of
    // Dili's 48 camps".
    if (share.countKind === null || total.countKind === 'shelter') {
      share.countKind = total.countKind;
      share.countStated = total.countStated;
    }
    const end = total.noun ? total.noun.next : total.quantity.next;
    // A total named by a displacement word is a figure of its own: "6.000 parmi les 36.750
    // personnes évacuées ont pu rentrer" reports 36,750 evacuated and 6,000 returns.
    // …and so is one a relative clause names: "77,000 of the 500,000 people who have left their
    // homes are staying in shelters" reports 500,000 who left and 77,000 sheltered.
    const named = Math.max(namedAt(norms, total.quantity.next, end, lex), relativeTrigger(tokens, end, lex));
    if (named >= 0) {
      total.shareTotal = true;
      for (let k = at; k < at + words.length; k++) listItems.add(k);
      // The share's verb comes after the whole: "2,500 of the 9,000 evacuated have returned".
      for (let k = total.quantity.lead; k <= named; k++) share.restatement.add(k);
      share.whole = [total.quantity.lead, named];
      continue;
    }
    for (let k = at; k < end; k++) listItems.add(k);
    i++;
  }
  return out;
}

/** The noun of the subject a total ends its clause with: "[houses] total", "[viviendas] dañadas ascienden a". */
/**
 * A level verb ends right before the figure ("asciende a", "s'élève à", "stands at"): its "a" or
 * "at" is no copula (the lexicon's auxiliaries hold every language's, French "a" among them).
 */
function levelVerbBefore(norms: readonly string[], lead: number, lex: Lexicon): boolean {
  return lex.levelVerbs.some((v) => v.length > 1 && endsAt(norms, lead, v));
}

function subjectKind(tokens: readonly Token[], lead: number, lex: Lexicon): Figure['countKind'] {
  for (let k = lead - 1; k >= Math.max(0, lead - LABEL_WINDOW); k--) {
    const t = tokens[k]!;
    if (t.kind !== 'word') return null;
    if (lex.nouns.housing.has(t.norm)) return 'housing';
    if (lex.nouns.households.has(t.norm)) return 'households';
    if (lex.nouns.people.has(t.norm)) return 'people';
  }
  return null;
}

/** "three [of Dili's] 48 camps": "of" and a name's possessive open a share as "of the" does. */
function possessiveOf(tokens: readonly Token[], at: number): string[] | undefined {
  const name = tokens[at + 1];
  if (tokens[at]?.norm !== 'of' || !name || !/^\p{Lu}/u.test(name.text) || !/['’]s$/.test(name.text)) return undefined;
  return ['of', name.norm];
}

/**
 * Where a one-word trigger names the total, from its figure to just past its noun, or -1: "the
 * 5,000 [displaced] families", "1.3 million internally [displaced] people", "1,3 millones de
 * [refugiados]", "personnes [évacuées]".
 */
function namedAt(norms: readonly string[], from: number, end: number, lex: Lexicon): number {
  for (let k = from; k <= end; k++) if (namedByTrigger(norms, k, lex)) return k;
  return -1;
}

/** Tokens of auxiliaries and adverbs between a relative pronoun and its verb: "who [have since] fled". */
const RELATIVE_REACH = 3;

/**
 * The last token of a trigger opening a relative clause at `at` ("[who have left their homes]",
 * "[qui ont fui]", "[que huyeron]"), or -1.
 */
function relativeTrigger(tokens: readonly Token[], at: number, lex: Lexicon): number {
  if (!lex.relatives.has(tokens[at]?.norm ?? '')) return -1;
  for (let k = at + 1; k <= at + 1 + RELATIVE_REACH && k < tokens.length; k++) {
    const end = triggerEndAt(tokens, k, lex);
    if (end > k) return end - 1;
    const w = tokens[k]!.norm;
    if (!lex.auxiliaries.has(w) && !lex.levelAdverbs.has(w)) return -1;
  }
  return -1;
}

/** A one-word trigger at `at`: "personnes [évacuées]", "the 5,000 [displaced] families". */
function namedByTrigger(norms: readonly string[], at: number, lex: Lexicon): boolean {
  const w = norms[at];
  if (w === undefined || lex.nouns.housing.has(w) || lex.nouns.shelters.has(w)) return false;
  return (lex.triggers.get(w) ?? []).some((e) => e.words.length === 1 && !e.term.startsWith('block:'));
}

/**
 * The noun of a label before a figure: "Total displaced households: 3,182", "Families in ECs:
 * 420". A label ends in a colon or a table bar, or starts the line; a comma ends the search.
 */
function labelKind(tokens: readonly Token[], lead: number, lex: Lexicon): Figure['countKind'] {
  const start = Math.max(0, lead - LABEL_WINDOW);
  const marked = [':', '|', '='].includes(tokens[lead - 1]?.text ?? '');
  // The label's first noun is what it counts: "Displaced persons with host families: 9,720" counts
  // persons (the families host them).
  let kind: Figure['countKind'] = null;
  let k = lead - 1;
  for (; k >= start; k--) {
    const t = tokens[k]!;
    if (t.kind === 'number' || t.text === '.' || t.text === ';' || t.text === ',') break;
    if (lex.nouns.households.has(t.norm)) kind = 'households';
    else if (lex.nouns.people.has(t.norm)) kind = 'people';
  }
  if (marked) return kind;
  return k < 0 ? kind : null;
}

/**
 * "182 members of 42 families", "430 families with 2,115 members": members, elsewhere a count of
 * other things ("members of parliament"), are the families' people when counted beside them.
 */
function membersOfFamilies(
  tokens: readonly Token[],
  q: Quantity,
  noun: NonNullable<ReturnType<typeof findNoun>>,
  next: Quantity | undefined,
  lex: Lexicon,
): boolean {
  if (noun.next - noun.first !== 1 || !lex.memberNouns.has(tokens[noun.first]!.norm)) return false;
  const households = (k: number) => lex.nouns.households.has(tokens[k]?.norm ?? '');
  if (lex.memberJoiners.has(tokens[noun.next]?.norm ?? '') && next?.lead === noun.next + 1) {
    const theirs = findNoun(tokens, next.next, lex);
    if (theirs && households(theirs.first)) return true;
  }
  // "74 families with 395 members", and the same people restated: "74 families made up of 395
  // members", "74 families (395 members)", "74 familles, soit 395 membres".
  for (let n = 1; n <= EQUIVALENT_WORDS && q.lead - n > 0; n++) {
    const words = tokens.slice(q.lead - n, q.lead).filter((t) => t.text !== ',').map((t) => t.norm);
    const joins = n === 1 ? lex.memberJoiners.has(words[0] ?? '') : false;
    if ((joins || lex.equivalents.has(words.join(' '))) && households(q.lead - n - 1)) return true;
  }
  return false;
}

/** The most words of an equivalent between families and their members ("made up of"). */
const EQUIVALENT_WORDS = 3;

/** Whether a bracket at `k` holds only a noun of people or families: "(hh)", "(HHs)", "(ind.)". */
function unitAbbreviation(tokens: readonly Token[], k: number, lex: Lexicon): boolean {
  const w = tokens[k + 1]?.norm ?? '';
  return (
    tokens[k]?.text === '(' &&
    tokens[k + 2]?.text === ')' &&
    (lex.nouns.households.has(w) || lex.nouns.people.has(w))
  );
}

/** The most adjectives after a noun before a bracketed restatement. */
const POST_NOMINAL = 2;

/** Whether the word at `k` is one of at most two plain lower-case words between a noun and the bracket at `open`. */
function postNominal(tokens: readonly Token[], k: number, lead: number, lex: Lexicon): boolean {
  const open = lead - 1;
  if (tokens[open]?.text !== '(' || k >= open || open - k > POST_NOMINAL) return false;
  const t = tokens[k]!;
  return /^\p{Ll}+$/u.test(t.text) && !lex.functionWords.has(t.norm);
}

/** Neighbouring figures joined by "or", "(", "from" count the same people: each may link across the other. */
function linkRestatements(tokens: readonly Token[], figures: Figure[], lex: Lexicon): void {
  for (let i = 0; i + 1 < figures.length; i++) {
    const a = figures[i]!;
    const b = figures[i + 1]!;
    let aEnd = a.noun ? a.noun.next : a.quantity.next;
    // "12,167 households (hh) approximately 71,954 people": the noun's abbreviation in brackets.
    if (a.noun && unitAbbreviation(tokens, aEnd, lex)) aEnd += 3;
    // "64 familias desplazadas (230 personas)", "120 ménages sinistrés (540 personnes)": an
    // adjective after the noun stands before the bracket as the noun's own.
    while (a.noun && postNominal(tokens, aEnd, b.quantity.lead, lex)) aEnd++;
    const between = tokens.slice(aEnd, b.quantity.lead);
    const bEnd = b.noun ? b.noun.next : b.quantity.next;
    // One figure counts families and the other people: the pair may state the same people twice.
    const familiesAndPeople =
      new Set([a.countKind, b.countKind]).size === 2 &&
      [a.countKind, b.countKind].every((k) => k === 'people' || k === 'households');
    const bothNamed = a.noun !== null && b.noun !== null;
    // "950 households, roughly 4,700 people, were moved": an apposition of families and people.
    const apposition =
      between.length === 1 &&
      between[0]!.text === ',' &&
      [',', '–', '—'].includes(tokens[bEnd]?.text ?? '') &&
      familiesAndPeople;
    // A multi-word equivalent may follow a comma: "3,062 families, es decir 96,811 people", "soit".
    const words = between.filter((t) => t.text !== ',').map((t) => t.norm);
    // (An abbreviation with its periods is read as four tokens: "i.e." is "i", ".", "e", ".".)
    const phrase =
      (words.length > 1 && words.length <= 3 && lex.equivalents.has(words.join(' '))) ||
      (words.length > 1 && words.length <= 4 && lex.equivalents.has(words.join('')));
    // "400 families, or 2,400 individuals,": a one-word equivalent after a comma.
    const commaWord =
      between.length === 2 &&
      between[0]!.text === ',' &&
      lex.equivalents.has(between[1]!.norm) &&
      familiesAndPeople;
    // "25 HH 95 INDs": report tables write families and people side by side, with no joiner.
    const sideBySide = between.length === 0 && bothNamed && familiesAndPeople;
    // "1,200 families and 4,800 individuals were evacuated": families and people joined by "and"
    // share the verb (situation reports count the same people both ways).
    const joined =
      between.length === 1 && lex.coordinators.has(between[0]!.norm) && bothNamed && familiesAndPeople;
    // "182 members of 42 families", "250 personas de 60 familias", "430 families with 2,115
    // members": the people of the families counted with them.
    const members =
      between.length === 1 && lex.memberJoiners.has(between[0]!.norm) && bothNamed && familiesAndPeople;
    if (
      !apposition &&
      !phrase &&
      !sideBySide &&
      !joined &&
      !members &&
      !commaWord &&
      (between.length === 0 || between.length > 2 || !between.every((t) => lex.equivalents.has(t.norm)))
    )
      continue;
    if (a.countKind === b.countKind) continue; // "2,000 people or 3,000 people" is a choice, not a restatement
    const close = [')', ...(apposition || commaWord ? [',', '–', '—'] : [])].includes(
      tokens[bEnd]?.text ?? '',
    )
      ? bEnd + 1
      : bEnd;
    for (let k = aEnd; k < close; k++) a.restatement.add(k);
    for (let k = a.quantity.lead; k < b.quantity.lead; k++) b.restatement.add(k);
  }
}

/** How far before its marker the figure broken down may stand: "3,000 people — including". */
const BREAKDOWN_REACH = 4;

/**
 * "At least 3,000 people — including 1,200 children — fled", "dont 400 enfants": a count by age or
 * sex inside a larger figure is a breakdown, not a figure of its own; the linker looks across it.
 * A part with a displacement of its own stays ("1 million affected, dont 350 000 déplacées").
 */
function dropBreakdowns(
  tokens: readonly Token[],
  figures: Figure[],
  listItems: Set<number>,
  lex: Lexicon,
): Figure[] {
  const norms = tokens.map((t) => t.norm);
  const split = splitFigures(tokens, figures, lex);
  // The breakdown last dropped: "dont 310 000 femmes et filles [et 180 000 enfants]" goes on with it.
  let dropped: Figure | null = null;
  const drop = (f: Figure) => ((dropped = f), false);
  return figures.filter((f, i) => {
    if (split.has(f)) {
      for (let k = f.quantity.lead; k < f.noun!.next; k++) listItems.add(k);
      return false;
    }
    const before = figures[i - 1];
    // "5,000 people were evacuated, 300 of whom were children": a share's relative, then its subgroup.
    const q = f.quantity;
    const relative = before && lex.shareRelatives.find((r) => r.every((w, k) => norms[q.next + k] === w));
    if (relative && countsSubgroup(tokens, q.next + relative.length, lex)) {
      for (let k = q.lead; k < q.next + relative.length; k++) listItems.add(k);
      return drop(f);
    }
    // "of which 1,282 are children": the subgroup may follow the figure as its predicate.
    if (!before || !(f.noun ? isSubgroup(tokens, f.noun, lex) : countsSubgroup(tokens, f.quantity.next, lex)))
      return true;
    // A subgroup coordinated with the breakdown just before it is one too.
    if (dropped === before) {
      const end = before.noun ? before.noun.next : before.quantity.next;
      // Joined by "and" or a comma, past the rest of the earlier group's name ("femmes [et filles]").
      const joins = (k: number) => norms[k] === ',' || lex.conjunctions.has(norms[k]!) || countsSubgroup(tokens, k, lex);
      if (q.lead - end <= 4 && Array.from({ length: q.lead - end }, (_, j) => end + j).every(joins)) {
        for (let k = end; k < (f.noun ? f.noun.next : q.next); k++) listItems.add(k);
        return drop(f);
      }
    }
    // "Of the 7,531 people who have been evacuated, 568 are children": a whole opened as a share,
    // then a figure whose predicate is a subgroup.
    if (!f.noun && lex.shareOf.some((m) => matchesAt(norms, before.quantity.lead - m.length, m))) {
      for (let k = q.lead; k < q.next; k++) listItems.add(k);
      return drop(f);
    }
    const marker = lex.subsetMarkers.find((m) =>
      [1, 2].some((gap) => matchesAt(norms, f.quantity.lead - m.length - gap + 1, m)),
    );
    if (!marker) return true;
    const markerAt = f.quantity.lead - marker.length - 1;
    const beforeEnd = before.noun ? before.noun.next : before.quantity.next;
    if (markerAt - beforeEnd > BREAKDOWN_REACH) return true;
    for (let k = Math.max(beforeEnd, markerAt - 1); k < (f.noun ? f.noun.next : f.quantity.next); k++) listItems.add(k);
    return drop(f);
  });
}

/** Marks that may open a split of a total by age or sex right after it: ", 180 adults and 120 children". */
/** The most words (a trigger: "displaced", "albergadas") between a total and the bracket splitting it by age or sex. */
const BRACKET_AFTER_WORDS = 3;
const SPLIT_MARKS = new Set([',', '(', ':', '–', '—']);
/** How many subgroup figures in a row make a profile of people counted elsewhere. */
const MIN_PROFILE = 3;

/**
 * The figures of a total's split by age or sex, right after it: "300 people, 180 adults and 120
 * children, were evacuated", "14 familles, soit 29 adultes et 9 enfants". Two or more figures
 * joined by "and" or commas, each counting a subgroup; they break the total down and are no facts of
 * their own, and the total reaches its verb across them.
 */
function splitFigures(tokens: readonly Token[], figures: Figure[], lex: Lexicon): Set<Figure> {
  const out = new Set<Figure>();
  const norms = tokens.map((t) => t.norm);
  /** The subgroup figures joined by commas or "and" from figure `i` on. */
  const runFrom = (i: number): Figure[] => {
    const run: Figure[] = [];
    for (let j = i; j < figures.length; j++) {
      const f = figures[j]!;
      if (!f.noun || !isSubgroup(tokens, f.noun, lex)) break;
      if (run.length > 0) {
        const prev = run[run.length - 1]!;
        const between = tokens.slice(prev.noun!.next, f.quantity.lead);
        if (between.length === 0 || between.length > 2 || !between.every((t) => t.text === ',' || lex.coordinators.has(t.norm))) break;
      }
      run.push(f);
    }
    return run;
  };
  for (let i = 0; i < figures.length; i++) {
    if (out.has(figures[i]!)) continue;
    const run = runFrom(i);
    // A list of three or more ("62 hombres, 54 mujeres, 17 niños, 40 niñas") is a profile of
    // people counted elsewhere, whatever stands before it.
    if (run.length >= MIN_PROFILE) {
      run.forEach((f) => out.add(f));
      continue;
    }
    if (i === 0 || run.length < 2) continue;
    const total = figures[i - 1]!;
    const totalEnd = total.noun ? total.noun.next : total.quantity.next;
    const lead = figures[i]!.quantity.lead;
    const gap = tokens.slice(totalEnd, lead);
    // Right after the total ("300 people, 180 adults and …", "2,400 people (1,300 women …"), or
    // after a word restating a total further back ("relogées, soit 29 adultes et 9 enfants").
    const restated = lex.restatements.some((r) => endsAt(norms, lead, r));
    const right = gap.length > 0 && gap.length <= 3 && gap.every((t) => SPLIT_MARKS.has(t.text));
    // In brackets after the total's own words: "22 personas albergadas (15 adultos y siete menores)".
    const bracketed =
      gap.length >= 2 &&
      gap.length <= BRACKET_AFTER_WORDS + 1 &&
      gap[gap.length - 1]!.text === '(' &&
      gap.slice(0, -1).every((t) => t.kind === 'word');
    if (right || restated || bracketed) run.forEach((f) => out.add(f));
  }
  return out;
}

function isSubgroup(tokens: readonly Token[], noun: { first: number; next: number }, lex: Lexicon): boolean {
  const words = tokens.slice(noun.first, noun.next).map((t) => t.norm);
  return lex.subgroups.has(words.join(' ')) || lex.subgroups.has(words[words.length - 1] ?? '');
}
