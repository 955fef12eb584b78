// Links a part borrows from its total in the same sentence, where the gap rules cannot reach it:
// a part opened by a subset marker ("of whom 690,000 are in Djugu", "dont 210 000 à Goma") and bare
// figures of a breakdown by place ("40 sur Saint-Jean-d'Illac et 80 sur Pessac"). Only parts that
// say where they are: a part with a predicate of its own ("of whom 300 were injured") is not one.
// A bracket right after the total may list its places, each name before its figure ("20,000
// people (Isfara 15,850 persons, B. Gafurov 1,962 persons)").
import { HOUSING_TERMS } from '../types.js';
import { DASHES } from './gap.js';
import { type Lexicon, matchesAt } from './lexicon.js';
import type { Figure, Link } from './link.js';
import type { Token } from './segment/tokens.js';

export function partLinks(
  figures: readonly Figure[],
  links: readonly Link[],
  tokens: readonly Token[],
  norms: readonly string[],
  lex: Lexicon,
): Link[] {
  // A part opened by a marker may be the first of a breakdown: "of whom 41,000 in 2022 and 18,500 in 2023".
  const marked = [...markedParts(figures, links, norms, lex), ...frontedParts(figures, links, norms, lex)];
  return [
    ...marked,
    ...placedBreakdown(figures, [...links, ...marked], tokens, norms, lex),
    ...causedParts(figures, [...links, ...marked], norms, lex),
    ...bracketedPlaces(figures, links, tokens),
    ...nationalParts(figures, links, norms, lex),
  ];
}

/**
 * "There are 200,000 refugees in Uganda, including 20,200 Congolese and 15,600 Rwandans", "hosts
 * 1.5 million refugees, among them 900,000 South Sudanese": after an inclusion or subset marker,
 * figures counting a nationality break a count of refugees down by origin, each a count of refugees.
 * The breakdown ends at the sentence's end or at a figure that counts anything else.
 */
function nationalParts(
  figures: readonly Figure[],
  links: readonly Link[],
  norms: readonly string[],
  lex: Lexicon,
): Link[] {
  const out: Link[] = [];
  const markers = [...lex.inclusionMarkers, ...lex.subsetMarkers];
  for (let i = 0; i < figures.length - 1; i++) {
    const total = figures[i]!;
    const link = links.find((l) => l.figure === total && l.term === 'refugees' && !l.coordinated);
    if (!link) continue;
    const first = figures[i + 1]!;
    const gap = norms.slice(total.quantity.next, first.quantity.lead);
    if (gap.some((w) => w === '.' || w === ';')) continue;
    if (!markers.some((m) => gap.some((_, k) => matchesAt(gap, k, m)))) continue;
    for (let j = i + 1; j < figures.length; j++) {
      const part = figures[j]!;
      const before = norms.slice(figures[j - 1]!.quantity.next, part.quantity.lead);
      if (before.some((w) => w === '.' || w === ';') || !countsNationality(norms, part.quantity.next, lex))
        break;
      if (!links.some((l) => l.figure === part))
        out.push({ ...link, figure: part, score: link.score - 0.15 });
    }
  }
  return out;
}

/** A plural noun of nationality of one or two words at k ("Congolese", "South Sudanese"). */
function countsNationality(norms: readonly string[], k: number, lex: Lexicon): boolean {
  return lex.nationals.has(norms[k] ?? '') || lex.nationals.has(`${norms[k] ?? ''} ${norms[k + 1] ?? ''}`);
}

/** Tokens from a part's subset marker to its figure: "of whom [nearly] 690,000", "— [nearly] 690,000". */
const PART_MARKER_REACH = 3;
/** Tokens from the total's figure to the marker: "displaced within Ituri, the majority of them". */
const PART_TOTAL_REACH = 14;

/** How far after a day its month may stand, and the longest word between: "2 al 16 de marzo". */
const DAY_REACH = 5;
const DAY_JOINER_CHARS = 5;

/**
 * Whether `part` is opened by a subset marker after `total` in the same sentence: "of whom
 * [nearly] 690,000", "dont [environ] 25.000", with no other figure and no sentence break between.
 */
export function opensPart(
  norms: readonly string[],
  part: Figure,
  total: Figure,
  lex: Lexicon,
  reach = PART_TOTAL_REACH,
): boolean {
  const q = part.quantity;
  const marker = lex.subsetMarkers.find((m) =>
    Array.from({ length: PART_MARKER_REACH }, (_, gap) => q.lead - m.length - gap).some(
      (at) => at >= total.quantity.next && m.every((w, k) => norms[at + k] === w),
    ),
  );
  if (!marker) return false;
  const between = norms.slice(total.quantity.next, q.lead);
  // (A year between is the total's time, not another figure: "displaced since 2019, of whom 41,000";
  // so are the days of a date: "between 1 and 19 September, of whom 5,000".)
  // A day is a number of one or two digits a month follows within DAY_REACH short words ("1 and
  // 19 September", "del 2 al 16 de marzo"); no comma and no longer word stands between.
  const dayOf = (k: number) =>
    /^\d{1,2}$/.test(between[k]!) &&
    Array.from({ length: DAY_REACH }, (_, d) => d + 1).some(
      (d) =>
        lex.months.has(between[k + d] ?? '') &&
        !between.slice(k + 1, k + d).some((w) => w === ',' || w.length > DAY_JOINER_CHARS),
    );
  return (
    between.length <= reach &&
    !between.some((w, k) => w === '.' || w === ';' || (/^\d/.test(w) && !YEAR.test(w) && !dayOf(k)))
  );
}

/**
 * "More than 1.5 million people are displaced within Ituri, of whom 690,000 are in Djugu", "the
 * majority of them — nearly 690,000 — are in Djugu", "dont 210 000 à Goma": a figure opened by a
 * subset marker after a linked total, in the same sentence, counts a part of the total with its
 * term, homes as well as people ("dont 78 000 à Alger"; subgroups by age or sex were dropped before
 * linking: figures.ts).
 */
function markedParts(
  figures: readonly Figure[],
  links: readonly Link[],
  norms: readonly string[],
  lex: Lexicon,
): Link[] {
  const out: Link[] = [];
  for (let i = 1; i < figures.length; i++) {
    const part = figures[i]!;
    if (links.some((l) => l.figure === part)) continue;
    const q = part.quantity;
    const total = figures[i - 1]!;
    if (!opensPart(norms, part, total, lex)) continue;
    if (!placedPart(norms, part.noun ? part.noun.next : q.next, lex)) continue;
    for (const l of links)
      if (l.figure === total && !l.coordinated) out.push({ ...l, figure: part, score: l.score - 0.15 });
  }
  return out;
}

/** Tokens from a fronted total's figure to the comma that closes its phrase. */
const FRONTED_REACH = 14;

/**
 * "De los 38.000 desplazados que ha dejado la guerra en el Catatumbo, unas 5.300 están en Tibú",
 * "Of the 38,000 displaced by the fighting, some 5,300 are in Tibú": a total fronted by a
 * partitive at the start of its clause, then the figure right after the comma that closes it,
 * saying only where it is, counts a part of the total with its term, however long the total's phrase.
 */
function frontedParts(
  figures: readonly Figure[],
  links: readonly Link[],
  norms: readonly string[],
  lex: Lexicon,
): Link[] {
  const out: Link[] = [];
  for (let i = 1; i < figures.length; i++) {
    const part = figures[i]!;
    const total = figures[i - 1]!;
    if (links.some((l) => l.figure === part)) continue;
    const lead = total.quantity.lead;
    const article =
      lex.groupArticles.has(norms[lead - 1] ?? '') || norms[lead - 1] === 'the' ? lead - 1 : lead;
    const opener = article - 1;
    if (!lex.partitives.has(norms[opener] ?? '') || (opener > 0 && !/^[,;:.(•]$/.test(norms[opener - 1]!)))
      continue;
    const comma = part.quantity.lead - 1;
    if (norms[comma] !== ',' || comma - total.quantity.next > FRONTED_REACH) continue;
    if (norms.slice(total.quantity.next, comma).some((w) => w === ',' || w === '.' || w === ';')) continue;
    if (!placedPart(norms, part.noun ? part.noun.next : part.quantity.next, lex)) continue;
    for (const l of links)
      if (l.figure === total && !l.coordinated && !HOUSING_TERMS.has(l.term))
        out.push({ ...l, figure: part, score: l.score - 0.15 });
  }
  return out;
}

/**
 * Whether the part says only where it is: a place preposition after it (past an auxiliary, a
 * dash or a closing bracket), or the end of its clause; not a predicate of its own ("of whom 300 were injured").
 */
function placedPart(norms: readonly string[], from: number, lex: Lexicon): boolean {
  let k = from;
  // (And the bracket that closes it: "the majority (127,524 people) in Somali region".)
  while (k < norms.length && (lex.auxiliaries.has(norms[k]!) || DASHES.has(norms[k]!) || norms[k] === ')'))
    k++;
  const w = norms[k];
  if (w === undefined || w === '.' || w === ',' || w === ';' || lex.additives.places.has(w)) return true;
  // Or why, right after it: "of whom 5,000 people by conflict and 16,000 due to drought" (not
  // past an auxiliary: "of whom 300 were injured by shelling" has a predicate of its own).
  return k === from && causeAt(norms, k, lex);
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
      between.length <= 6 &&
      lex.coordinators.has(norms[part.quantity.lead - 1]!) &&
      namedPlaceAfter(tokens, prev.quantity.next, lex);
    // (A year between is the previous part's: "65,000 in 2021 and 21,788 in 2022".)
    if (!(first || next) || between.some((w) => w === '.' || w === ';' || (/^\d/.test(w) && !YEAR.test(w))))
      continue;
    out.push({ ...from, figure: part, score: from.score - 0.15 });
  }
  return out;
}

/** Whether one of `part_causes` starts at `k`: "by", "due to", "por", "à cause de". */
const causeAt = (norms: readonly string[], k: number, lex: Lexicon): boolean =>
  lex.partCauses.some((c) => matchesAt(norms, k, c));

/** How many tokens a part's cause may run to before the next part: "due to drought-related reasons and". */
const CAUSE_REACH = 8;

/**
 * "of whom 5,000 people by conflict and 16,000 people due to drought", "dont 5 000 à cause du
 * conflit et 16 000 en raison de la sécheresse": a breakdown by cause. A figure after a coordinator,
 * saying why right after it, follows a linked figure that says why right after it: the same count.
 */
function causedParts(
  figures: readonly Figure[],
  links: readonly Link[],
  norms: readonly string[],
  lex: Lexicon,
): Link[] {
  const out: Link[] = [];
  for (let i = 1; i < figures.length; i++) {
    const part = figures[i]!;
    if (links.some((l) => l.figure === part)) continue;
    const prev = figures[i - 1]!;
    const from = [...links, ...out].find((l) => l.figure === prev && !l.coordinated);
    const prevEnd = prev.noun ? prev.noun.next : prev.quantity.next;
    const partEnd = part.noun ? part.noun.next : part.quantity.next;
    if (!from || HOUSING_TERMS.has(from.term) || !causeAt(norms, prevEnd, lex) || !causeAt(norms, partEnd, lex))
      continue;
    const between = norms.slice(prevEnd, part.quantity.lead);
    if (
      between.length > CAUSE_REACH ||
      !lex.coordinators.has(norms[part.quantity.lead - 1]!) ||
      between.some((w) => w === '.' || w === ';' || w === ',' || /^\d/.test(w))
    )
      continue;
    out.push({ ...from, figure: part, score: from.score - 0.15 });
  }
  return out;
}

/** A place preposition right after the figure, then a capitalised name: "in Pessac", "sur Pessac". */
function namedPlaceAfter(tokens: readonly Token[], k: number, lex: Lexicon): boolean {
  if (!lex.additives.places.has(tokens[k]?.norm ?? '')) return false;
  // Or a year a total is broken down by: "of whom 65,000 in 2021 and 21,788 in 2022", "dont 65 000 en 2021".
  const year = tokens[k + 1];
  if (year?.kind === 'number' && YEAR.test(year.text)) {
    const after = tokens[k + 2];
    return !after || /^[,.;)(]$/.test(after.text) || lex.coordinators.has(after.norm);
  }
  const capitalised = (t: Token | undefined) => !!t && /^\p{Lu}/u.test(t.text.replace(/^(?:l|d)['’]/u, ''));
  if (!capitalised(tokens[k + 1])) return false;
  // The name ends the part: no predicate of its own follows ("30 in Kabul died").
  let end = k + 1;
  while (capitalised(tokens[end + 1]) || (tokens[end + 1]?.text === '-' && capitalised(tokens[end + 2])))
    end++;
  const after = tokens[end + 1];
  return (
    !after || /^[,.;)(]$/.test(after.text) || lex.coordinators.has(after.norm) || after.kind === 'number'
  );
}

/** A year of the last and this century, as a breakdown by year writes it. */
const YEAR = /^(?:19|20)\d\d$/;

/** How many tokens a bracket listing a total's places may span. */
const PLACES_BRACKET = 40;

/**
 * "the evacuation of over 20,000 people (Isfara 15,850 persons, B. Gafurov 1,962 persons)": a
 * bracket opened right after a linked total, whose figures each follow a capitalised name, breaks
 * the total down by place. A figure of another kind than the total's ("(Isfara 1,200 houses)") is
 * no part of it.
 */
function bracketedPlaces(
  figures: readonly Figure[],
  links: readonly Link[],
  tokens: readonly Token[],
): Link[] {
  const out: Link[] = [];
  for (const from of links) {
    if (from.coordinated || HOUSING_TERMS.has(from.term)) continue;
    const total = from.figure;
    const open = total.noun ? total.noun.next : total.quantity.next;
    if (tokens[open]?.text !== '(') continue;
    let close = open + 1;
    while (close < tokens.length && close - open < PLACES_BRACKET && tokens[close]!.text !== ')') close++;
    if (tokens[close]?.text !== ')') continue;
    for (const part of figures) {
      if (part.quantity.lead <= open || part.quantity.next > close) continue;
      if (links.some((l) => l.figure === part) || out.some((l) => l.figure === part)) continue;
      if (part.countKind !== null && part.countKind !== total.countKind) continue;
      const name = tokens[part.quantity.lead - 1];
      if (!name || name.kind !== 'word' || !/^\p{Lu}/u.test(name.text)) continue;
      out.push({ ...from, figure: part, score: from.score - 0.15, coordinated: true });
    }
  }
  return out;
}
