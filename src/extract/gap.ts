// The cost of the words between a figure and a trigger. Fillers ("have been", "reportedly")
// cost little and content words cost one; another figure or a clause break blocks the link.
// Asides set off by commas ("according to officials", "or about 85 per cent of the
// population"), parentheses and lists of other counts are crossed cheaply, and so is a figure
// that restates this one ("12,345 families or 48,910 persons").
import { type Lexicon, matchesAt, startingWith } from './lexicon.js';
import { isCapitalised, type Token } from './segment/tokens.js';

export const BLOCKED = Infinity;
const MAX_COST = 8;
export const DASHES = new Set(['–', '—', '-']);
/** The longest aside between commas crossed without an aside word, in tokens. */
const SHORT_ASIDE = 6;
/** The longest dash aside crossed, in tokens. */
const DASH_ASIDE = 15;
/** The longest relative clause crossed between a subject figure and its verb, in words that count (clauseLength). */
const RELATIVE_CLAUSE = 16;
/** And in tokens, names and function words included. */
const RELATIVE_CLAUSE_TOKENS = 32;
/** How far after the figure a relative pronoun may open its clause: the figure's noun comes first. */
const RELATIVE_OPENS_WITHIN = 3;

export interface GapContext {
  tokens: readonly Token[];
  norms: readonly string[];
  lex: Lexicon;
  /** Token indices of every figure (with its qualifier) in the sentence. */
  figureAt: ReadonlySet<number>;
  /** Token indices of counts of other things ("14 schools"). */
  listItems: ReadonlySet<number>;
}

export function gapCost(
  ctx: GapContext,
  from: number,
  to: number,
  direction: 'after' | 'before',
  /** Token indices of a figure restating the one being linked, crossed freely. */
  restatement: ReadonlySet<number> = new Set(),
): number {
  const { tokens, lex, figureAt, listItems } = ctx;
  let cost = 0;
  let depth = 0;
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (restatement.has(k)) {
      cost += 0.1;
      continue;
    }
    if (t.text === ',') {
      const close = asideEnd(ctx, k, to, direction);
      if (close > 0) {
        cost += 0.5;
        k = close;
        continue;
      }
    }
    // A dash aside: "26,000 people – more than half of the district's population – have been evacuated".
    if (DASHES.has(t.text)) {
      const close = dashAsideEnd(ctx, k, to);
      if (close > 0) {
        cost += 0.5;
        k = close;
        continue;
      }
    }
    // A relative clause between a subject figure and its verb: "3,000 families who live near the
    // volcano were evacuated", "1.200 personas que habitaban en la zona fueron evacuadas"; or a
    // modifier of its noun: "25 families at Phafukhola in the district have been displaced".
    if (
      direction === 'after' &&
      depth === 0 &&
      k - from < RELATIVE_OPENS_WITHIN &&
      (lex.relatives.has(t.norm) || (lex.subjectModifiers.has(t.norm) && countsPeople(lex, nounBefore(tokens, k))))
    ) {
      const verb = relativeClauseEnd(ctx, k, to);
      if (verb > 0) {
        cost += 1;
        k = verb - 1;
        continue;
      }
    }
    // A breakdown by place between a subject total and its verb: "1,714 homes across Zindajan (1,373),
    // Gulran (295) and Kushk (46) districts have been destroyed": each item's name and the comma
    // after its bracket cost little, as the bracket itself does.
    if (direction === 'after' && depth === 0 && placeItem(tokens, k)) {
      cost += 0.25;
      continue;
    }
    if (direction === 'after' && depth === 0 && t.text === ',' && tokens[k - 1]?.text === ')' && tokens[k - 2]?.kind === 'number') {
      cost += 0.3;
      continue;
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
    // "20,000 lost their homes as the cyclone returned": the verb after is the cyclone's.
    if (direction === 'after' && startingWith(lex.clauseOpeners, t.norm).some((m) => matchesAt(ctx.norms, k, m))) return BLOCKED;
    if (listItems.has(k)) {
      cost += 0.3;
      continue;
    }
    if (t.text === ':' && direction === 'before') continue; // "Number of displaced: 452"
    // A list's place and its count joined by a dash as by a colon: "districts: Jajpur-29,500, Puri-22,250".
    if (direction === 'before' && DASHES.has(t.text) && k === to - 1 && k > from && isCapitalised(tokens[k - 1]!)) continue;
    if (lex.clauseBreaks.has(t.norm) || t.text === '.' || t.text === '?' || t.text === '!') return BLOCKED;
    if (t.kind === 'punct') {
      cost += t.text === ',' ? 0.8 : t.text === '-' || t.text === '–' ? 0.5 : 0.3;
      continue;
    }
    // Before a figure, "and" starts a new clause: "two died and 250 were left homeless".
    const conjunction = direction === 'before' && lex.conjunctions.has(t.norm);
    // A name of several words is one content word: "for Little Red River Cree Nation (7,000)".
    const nameGoesOn = k > from && isCapitalised(t) && isCapitalised(tokens[k - 1]!);
    cost += (lex.fillers.has(t.norm) && !conjunction) || nameGoesOn ? 0.25 : 1;
    if (cost > MAX_COST) return BLOCKED;
  }
  // The figure sits inside a parenthesis the trigger is outside of: "affected (85,000 of which …".
  if (depth > 0) cost += 1.5;
  return cost;
}

/** A capitalised name right before a bracket holding a figure: "Zindajan (1,373)". */
function placeItem(tokens: readonly Token[], k: number): boolean {
  return isCapitalised(tokens[k]!) && tokens[k + 1]?.text === '(' && tokens[k + 2]?.kind === 'number';
}

/**
 * The closing comma of an aside opened at `comma` ("…, according to the latest data, …"), or -1.
 * Between a subject figure and its verb any short aside counts ("2,000 families, 40 percent of
 * the village, have been evacuated"); elsewhere only one opened by an aside word.
 */
function asideEnd(ctx: GapContext, comma: number, to: number, direction: 'after' | 'before'): number {
  if (!startingWith(ctx.lex.asides, ctx.norms[comma + 1]).some((a) => matchesAt(ctx.norms, comma + 1, a))) {
    if (direction !== 'after') return -1;
    // In an aside saying where the people are from or at, a name of several words counts as one
    // and a count of other things may sit inside ("574 people, from 12 villages in Karbi Anglong
    // district, have taken shelter"); not in a clause of its own ("…, had fled Las Anod, seeking").
    const placed = ctx.lex.additives.places.has(ctx.norms[comma + 1] ?? '');
    // An aside opened by a part of the subject's figure may hold that part ("Some 400,000 residents,
    // 200,000 of them from Marawi City, were displaced"): it starts after the subset words.
    const from = partOpener(ctx, comma + 1);
    let words = 0;
    for (let j = from; j < to && words <= SHORT_ASIDE; j++) {
      const t = ctx.tokens[j]!;
      if ((ctx.figureAt.has(j) && !(placed && ctx.listItems.has(j))) || t.text === '.' || ctx.lex.clauseBreaks.has(t.norm))
        return -1;
      if (t.text === ',') return j > comma + 1 ? j : -1;
      if (!(placed && j > comma + 1 && isCapitalised(t) && isCapitalised(ctx.tokens[j - 1]!))) words++;
    }
    return -1;
  }
  for (let j = comma + 2; j < to; j++) if (ctx.tokens[j]!.text === ',') return j;
  return unclosedPart(ctx, comma, to, direction);
}

/** Where an aside opening with a figure and subset words ("200,000 of them") goes on, or `at`. */
function partOpener(ctx: GapContext, at: number): number {
  if (!ctx.figureAt.has(at)) return at;
  let j = at;
  while (ctx.figureAt.has(j)) j++;
  const opener = startingWith(ctx.lex.subsetOpeners, ctx.norms[j]).find((o) => matchesAt(ctx.norms, j, o));
  return opener ? j + opener.length : at;
}

/** The longest part named after an inclusion word and left unclosed before the verb, in tokens. */
const UNCLOSED_PART = 10;

/**
 * "Some 1,500 people, including women and children in Rudaky district were evacuated": a part of
 * the subject opened by an inclusion word whose closing comma was never written runs up to the
 * subject's verb; no number, clause break or stop inside.
 */
function unclosedPart(ctx: GapContext, comma: number, to: number, direction: 'after' | 'before'): number {
  if (direction !== 'after' || to - comma > UNCLOSED_PART + 1) return -1;
  // Only up to the subject's verb, told by its auxiliary: not a group named inside the part
  // ("incluidos desplazados", "including displaced children").
  const aux = ctx.lex.auxiliaries;
  if (!aux.has(ctx.norms[to] ?? '') && !aux.has(ctx.norms[to - 1] ?? '')) return -1;
  if (
    !startingWith(ctx.lex.subsetMarkers, ctx.norms[comma + 1]).some((m) => matchesAt(ctx.norms, comma + 1, m))
  )
    return -1;
  for (let j = comma + 1; j < to; j++) {
    const t = ctx.tokens[j]!;
    if (
      ctx.figureAt.has(j) ||
      t.kind === 'number' ||
      t.text === '.' ||
      t.text === ';' ||
      ctx.lex.clauseBreaks.has(t.norm)
    )
      return -1;
  }
  return to - 1;
}

/** The closing dash of an aside opened at `dash`, with no figure or clause break inside, or -1. */
function dashAsideEnd(ctx: GapContext, dash: number, to: number): number {
  const open = ctx.tokens[dash]!;
  // A hyphen only opens an aside when it stands apart ("people - more than half - have").
  if (open.text === '-' && ctx.tokens[dash + 1]?.start === open.end) return -1;
  for (let j = dash + 1; j < Math.min(to, dash + DASH_ASIDE); j++) {
    const t = ctx.tokens[j]!;
    if (t.text === open.text) return j;
    if (ctx.figureAt.has(j) || t.text === '.' || ctx.lex.clauseBreaks.has(t.norm)) return -1;
  }
  return -1;
}

/**
 * Where the main clause's verb group starts after a relative clause opened at `relative`, or -1:
 * the trigger at `to` must start with an auxiliary or follow one with only fillers between, and the
 * clause must hold no figure, clause break or sentence end and be short.
 */
function relativeClauseEnd(ctx: GapContext, relative: number, to: number): number {
  const { tokens, lex, figureAt } = ctx;
  if (to - relative > RELATIVE_CLAUSE_TOKENS || clauseLength(ctx, relative, to) > RELATIVE_CLAUSE) return -1;
  // The trigger's own first word may be the auxiliary: "were evacuated" is one trigger. A clause
  // set off by commas ends at its closing comma, and the verb after it is the main clause's in any
  // tense: "Over 400 Meiteis, who took shelter at a temple in Myanmar, returned to Manipur".
  const commaClause = tokens[relative - 1]?.text === ',' && tokens[to - 1]?.text === ',';
  let verb = lex.auxiliaries.has(tokens[to]?.norm ?? '') || commaClause ? to : -1;
  for (let j = to - 1; j > relative + 1; j--) {
    const norm = tokens[j]!.norm;
    if (lex.auxiliaries.has(norm)) verb = j;
    else if (!lex.fillers.has(norm)) break;
  }
  if (verb < 0) return -1;
  for (let j = relative + 1; j < verb; j++) {
    const t = tokens[j]!;
    if (figureAt.has(j) || t.text === '.' || t.text === ';' || lex.clauseBreaks.has(t.norm)) return -1;
  }
  return verb;
}

/**
 * A clause's length in words that carry meaning: a place's name counts once however many words
 * it has ("the Democratic Republic of Congo (DRC)"), and function words count nothing, so "200,000
 * people in the provinces of North Kivu and South Kivu, in the east of the Democratic Republic of
 * Congo (DRC), have fled" crosses as readily as "3,000 families who live near the volcano".
 */
function clauseLength(ctx: GapContext, from: number, to: number): number {
  const { tokens, lex } = ctx;
  let length = 0;
  let depth = 0;
  for (let j = from + 1; j < to; j++) {
    const t = tokens[j]!;
    if (t.text === '(') depth++;
    else if (t.text === ')') depth = Math.max(0, depth - 1);
    else if (depth > 0 || lex.functionWords.has(t.norm)) continue;
    else if (!continuesName(ctx, j, from)) length++;
  }
  return length;
}

/** A capitalised word after another, or after "of" inside a name: "North Kivu", "Republic of Congo". */
function continuesName(ctx: GapContext, j: number, from: number): boolean {
  const { tokens, lex } = ctx;
  if (!isCapitalised(tokens[j]!)) return false;
  const before = tokens[j - 1]!;
  if (isCapitalised(before)) return true;
  return j - 2 > from && lex.functionWords.has(before.norm) && isCapitalised(tokens[j - 2]!);
}

/**
 * The word before `k`, or before a closing parenthesis there: "21 per cent (14,629 individuals) of
 * the affected population" modifies the people counted in the parenthesis.
 */
function nounBefore(tokens: readonly Token[], k: number): Token | undefined {
  return tokens[k - 1]?.text === ')' ? tokens[k - 2] : tokens[k - 1];
}

/** A noun of people, families or homes: what a modifier after a figure describes ("families [at …]"). */
function countsPeople(lex: Lexicon, t: Token | undefined): boolean {
  const n = t?.norm ?? '';
  return lex.nouns.people.has(n) || lex.nouns.households.has(n) || lex.nouns.housing.has(n) || DEMONYM_PLURAL.test(t?.text ?? '');
}

/** A people named by their country, as a plural noun: "4,000 Mozambicans [from …]", "Syrians", "Iraqis", "Sudanese". */
const DEMONYM_PLURAL = /^\p{Lu}(?:\p{Ll}+ians|\p{Ll}{2,}(?:ans|ese)|\p{Ll}{3,}is)$/u;

/** No figure, clause break or sentence end in [from, to). */
export function sameClause(gap: GapContext, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const t = gap.tokens[k]!;
    if (gap.figureAt.has(k) || t.text === '.' || t.text === ';' || gap.lex.clauseBreaks.has(t.norm)) return false;
  }
  return true;
}

/** How far before a group its inclusion marker may end: "including [many] IDPs", "y compris [des] déplacés". */
const INCLUSION_REACH = 3;

/**
 * Whether the group at `at` is named right after an inclusion marker ("including IDPs", "y compris
 * des déplacés internes"), after `from`: part of the people counted before it, not what they are.
 */
export function includedGroup(norms: readonly string[], from: number, at: number, lex: Lexicon): boolean {
  for (let k = Math.max(from, at - INCLUSION_REACH - 2); k < at; k++)
    for (const m of lex.inclusionMarkers)
      if (k + m.length <= at && at - (k + m.length) <= INCLUSION_REACH && m.every((w, j) => norms[k + j] === w)) return true;
  return false;
}
