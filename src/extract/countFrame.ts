// "The number of displaced people in the region has risen to 63,000", "the tally of houses
// destroyed reached 2,140", "le nombre de déplacés s'élève à 5 000": a count head ("number of",
// "tally of") names what is counted and a level verb ("has risen to", "stands at", "reached")
// hands it the figure that follows, however far apart the two stand within the clause. The
// trigger's own form does not matter here: it names the counted people, it does not govern.
import { type Lexicon, endsAt, matchesAt, startingWith } from './lexicon.js';
import type { Token } from './segment/tokens.js';
import type { Trigger } from './term/triggers.js';

/** Tokens between the count head and the trigger ("number of [flood] displaced"). */
const HEAD_GAP = 3;
/** Tokens between the trigger and the figure ("… in the region has risen to"). */
const FRAME_REACH = 14;
/** The same when a count head ("the number of") opens the frame: its modifiers may run long ("the
 * number of families forced from their homes by the floods that swept the valley last week now
 * stands at"), since both ends of the frame are marked. */
const HEADED_REACH = 30;
/** Tokens inside brackets the frame crosses: a name's acronym or gloss ("(ELN)", "(Ituri)"). */
const ASIDE_REACH = 4;
/** Tokens of a change's earlier value and its date, at most: "315,000 in early December 2023". */
const EARLIER_REACH = 8;

export interface CountFrame {
  /** Whether a housing noun sits inside the frame ("the number of houses destroyed"). */
  housing: boolean;
  /** Whether the frame counts families ("the number of families forced from their homes"). */
  households: boolean;
}

/**
 * The count frame joining trigger `r` to the figure whose qualifier starts at `lead`, or null.
 * `blocked(k)` tells whether token k may not be crossed (another figure, a clause break).
 */
export function countFrame(
  tokens: readonly Token[],
  norms: readonly string[],
  r: Trigger,
  lead: number,
  lex: Lexicon,
  blocked: (k: number) => boolean,
  /** The figure's first number token, after its qualifier (`lead` when it has none). */
  first: number = lead,
): CountFrame | null {
  // The earlier value of a change and its date ("rising from 315,000 in December 2023 to") do not
  // count against the reach: they are skipped below as the change's own words.
  if (r.next > lead || lead - r.next > HEADED_REACH + EARLIER_REACH) return null;
  // The head may stand before the trigger or open it ("number of displaced" is a trigger).
  // A relative clause's pronoun and auxiliaries do not count: "the number of Sudanese who have
  // sought refuge in Egypt has reached 1.2 million".
  let head = -1;
  let headEnd = -1;
  let clause = 0;
  for (let k = r.first; k >= Math.max(0, r.first - HEAD_GAP - 6) && head < 0; k--) {
    if (k < r.first && (lex.relatives.has(norms[k]!) || lex.auxiliaries.has(norms[k]!))) clause++;
    const h = startingWith(lex.countHeads, norms[k]).find((h) => matchesAt(norms, k, h));
    // French elides the head's "de" into the noun: "le nombre d'habitations détruites".
    const elided = h ? null : startingWith(lex.countHeads, norms[k]).find((h) => elidedHead(norms, k, h));
    const length = h ? h.length : elided ? elided.length - 1 : 0;
    if (length && k + length <= r.next && r.first - (k + length) - clause <= HEAD_GAP) [head, headEnd] = [k, k + length];
  }
  // "the number of flood relief camps had been increased from 84 to 88" counts camps, "the number
  // of villages evacuated" villages; "the number of people in relief camps" counts people.
  if (head >= 0 && countsSites(norms, headEnd, r, lex)) return null;
  const reach = head >= 0 ? HEADED_REACH : FRAME_REACH;
  // A trigger naming a count itself is its own head: "the displaced population", "la población
  // desplazada", "displacement figures". Not an anaphor ("the total"): it names no one itself.
  if (head < 0 && !r.entry.reason.endsWith(':anaphor') && r.entry.words.some((w) => lex.countNouns.has(w)))
    head = r.first;
  // "passed the 600,000 mark": a figure named as a mark the count passed is a level.
  const marked = markedLevel(tokens, norms, lead, first, lex);
  // So is a noun of the event itself, passing a mark, its own head: "the voluntary repatriation of
  // Burundian refugees passed the 200,000 mark" (only a mark names its figure a level plainly enough).
  if (head < 0 && r.entry.form === 'noun' && !r.entry.housing && marked !== null) head = r.first;
  // "rose from 12,400 to 31,000": the later value through the split verb, across the earlier one;
  // the earlier value through the verb's first half ("rose from"), as a level of its own.
  const change = earlierValue(norms, lead, lex, blocked);
  const span = lead - r.next - (change ? change[1] - change[0] : 0);
  if (span > reach) return null;
  // An anaphor whose verb is such a change ("ce chiffre est passé de 68 000 à 147 000") hands the
  // later value the term it refers back to, as it does the earlier one.
  if (head < 0 && change && r.entry.reason.endsWith(':anaphor') && r.next === change[0]) head = r.first;
  if (head < 0) return null;
  // "reached a peak of 34,173", "dropped from the peak of 9,903 families to": the peak is a level too.
  const levelEnd = marked ?? beforePeak(norms, lead, lex);
  const level = (v: readonly string[]) => levelVerbEndsAt(norms, levelEnd, v, lex.levelAdverbs);
  const amount = changedBy(tokens, norms, levelEnd, lex);
  // A qualifier may hold the verb's end: "est estimé à 54 000" reads "estimé à" as "about".
  const inQualifier = (v: readonly string[]) => first > lead && levelVerbEndsAt(norms, first, v, lex.levelAdverbs);
  // "bringing the number of … to 9,870": the raising verb stands before the head (or before its
  // adjective: "bringing the total number of"), its "to" before the figure.
  const raised =
    headEnd >= 0 &&
    lex.countRaisers.some((c) => (endsAt(norms, head, c.from) || endsAt(norms, head - 1, c.from)) && level(c.to));
  if (
    !change &&
    !amount &&
    !raised &&
    !lex.levelVerbs.some((v) => level(v) || inQualifier(v)) &&
    !lex.levelChanges.some((c) => level(c.from))
  )
    return null;
  for (let k = r.next; k < lead; k++) {
    if (change && k >= change[0] && k < change[1]) continue;
    if (amount && k >= amount[0] && k < amount[1]) continue;
    const t = tokens[k]!;
    // A short aside in brackets: "los grupos armados (ELN) desde enero".
    if (t.text === '(' && head >= 0) {
      const close = closingBracket(tokens, k, Math.min(lead, k + ASIDE_REACH + 1));
      if (close > 0 && !blockedIn(blocked, k, close)) {
        k = close;
        continue;
      }
    }
    if (blocked(k) || t.text === '.' || t.text === ';' || t.text === '(' || lex.clauseBreaks.has(t.norm))
      return null;
    // Past the usual reach the frame is one run of modifiers: a comma there may close the head's
    // clause ("…has fallen since the ceasefire, the agency said, and deliveries reached 40,000").
    if (t.text === ',' && span > FRAME_REACH) return null;
  }
  return counted(norms, head, r, lex);
}

/** What a frame from its head at `head` through trigger `r` counts: homes, families. */
function counted(norms: readonly string[], head: number, r: Trigger, lex: Lexicon): CountFrame {
  let housing = r.namesHousing;
  // The first noun of people or families after the head is what it counts: "el número de personas
  // que han tenido que abandonar sus hogares" counts people, not the homes' households.
  let counted: boolean | null = null;
  for (let k = head; k < r.next; k++) {
    const w = norms[k]!.replace(/^[dl]['’]/u, '');
    if (k < r.first) housing ||= lex.nouns.housing.has(w);
    if (counted === null && lex.nouns.households.has(w)) counted = true;
    else if (counted === null && lex.nouns.people.has(w)) counted = false;
  }
  // The counted noun may follow the trigger: "the number of [displaced] families", "[IDP] families".
  const households = counted ?? lex.nouns.households.has(norms[r.next] ?? '');
  return { housing, households };
}

/** The index of the ')' closing the '(' at `open` before `limit`, or -1. */
function closingBracket(tokens: readonly Token[], open: number, limit: number): number {
  for (let k = open + 1; k < limit; k++) {
    if (tokens[k]!.text === ')') return k;
    if (tokens[k]!.text === '(') return -1;
  }
  return -1;
}

/** Whether any token strictly between `from` and `to` may not be crossed. */
function blockedIn(blocked: (k: number) => boolean, from: number, to: number): boolean {
  for (let k = from + 1; k < to; k++) if (blocked(k)) return true;
  return false;
}

/** A head ending in "de" whose "de" is elided into the next word: "nombre d'habitations". */
function elidedHead(norms: readonly string[], k: number, h: readonly string[]): boolean {
  if (h.length < 2 || h[h.length - 1] !== 'de') return false;
  return matchesAt(norms, k, h.slice(0, -1)) && /^d['’]\p{L}/u.test(norms[k + h.length - 1] ?? '');
}

/**
 * Whether the count head names sites: its first noun is a camp or shelter ("the number of flood
 * relief camps", "le nombre de camps de déplacés", "the number of IDP camps"), not people ("the
 * number of people in relief camps", "le nombre de déplacés dans les camps").
 */
function countsSites(norms: readonly string[], headEnd: number, r: Trigger, lex: Lexicon): boolean {
  for (let k = headEnd; k < r.next; k++) {
    const w = norms[k]!;
    // "the number of villages evacuated", "el número de pueblos desalojados": places or things.
    if (lex.refuge.sites.has(w) || lex.nouns.other.has(w)) return true;
    const person = lex.nouns.people.has(w) || lex.nouns.households.has(w) || lex.triggers.has(w);
    if ((person && !lex.refuge.sites.has(norms[k + 1] ?? '')) || lex.refuge.prepositions.has(w)) return false;
  }
  return false;
}

/**
 * The earlier value's tokens [first, next) when a split level verb leads to the figure at `lead`:
 * "rose from [12,400] to", "pasó de [117] a", "est passé de [68 000] à".
 */
function earlierValue(
  norms: readonly string[],
  lead: number,
  lex: Lexicon,
  blocked: (k: number) => boolean,
): [number, number] | null {
  for (const c of lex.levelChanges) {
    const to = lead - c.to.length;
    if (to < 1 || c.to.some((w, j) => norms[to + j] !== w)) continue;
    // The earlier value may carry its date: "rose from 210,000 in January to", "de 315 000 en
    // décembre 2023 à".
    let end = to - 1;
    while (end > 0 && !blocked(end) && to - 1 - end < CHANGE_DATE_REACH && isDateWord(norms, end, lex)) end--;
    // The earlier value may name what it counts: "dropped from 5,210 families to 800 families".
    const dated = end;
    while (end > 0 && !blocked(end) && dated - end < EARLIER_NOUN_REACH && countsPeople(norms[end]!, lex)) end--;
    if (!blocked(end)) continue;
    const anchored = (w: string) =>
      isMonth(w, lex) || YEAR.test(w) || lex.timeAfter.has(w) || lex.changeTimeAnchors.has(w);
    if (dated < to - 1 && !norms.slice(dated + 1, to).some(anchored)) continue;
    let first = end;
    while (first > 0 && blocked(first - 1)) first--;
    first = beforePeak(norms, first, lex);
    if (levelVerbEndsAt(norms, first, c.from, lex.levelAdverbs)) return [first, to];
  }
  return null;
}

/** The most tokens of a figure's number before its mark noun: "1.2 million mark". */
const MARK_NUMBER_TOKENS = 3;

/**
 * "the 600,000 mark", "the one million milestone": where the level verb ends before a figure set
 * between an article and a mark noun, or null.
 */
function markedLevel(
  tokens: readonly Token[],
  norms: readonly string[],
  lead: number,
  first: number,
  lex: Lexicon,
): number | null {
  if (lead < 1 || !lex.functionWords.has(norms[lead - 1] ?? '')) return null;
  for (let k = first; k < first + MARK_NUMBER_TOKENS; k++) {
    if (k > first && lex.markNouns.has(norms[k] ?? '')) return lead - 1;
    if (tokens[k]?.kind !== 'number' && !lex.scales.has(norms[k] ?? '')) return null;
  }
  return null;
}

/**
 * Where a figure's words start once a peak head before it is taken in: "dropped from [the peak of]
 * 9,903 families to", "down from [a peak of] 34,173". The peak is the count's earlier level.
 */
export function beforePeak(norms: readonly string[], lead: number, lex: Lexicon): number {
  const head = lex.peakHeads.find((h) => endsAt(norms, lead, h));
  return head ? lead - head.length : lead;
}

/** Words naming what the earlier value counts, at most this many: "5,210 [displaced families]". */
const EARLIER_NOUN_REACH = 2;

function countsPeople(w: string, lex: Lexicon): boolean {
  return lex.nouns.people.has(w) || lex.nouns.households.has(w);
}

/**
 * "rose by 2,000 [in a week] to 15,000", "decreased by 1,200 to 14,800": a change's amount (no
 * count, quantity/otherCount.ts) between its verb and the "to" of the level it led to; its tokens
 * [first, next), or null.
 */
function changedBy(tokens: readonly Token[], norms: readonly string[], lead: number, lex: Lexicon): [number, number] | null {
  const to = lead - 1;
  if (!lex.levelChanges.some((c) => c.to.length === 1 && c.to[0] === norms[to])) return null;
  let k = to - 1;
  while (k > 0 && to - 1 - k < CHANGE_DATE_REACH && isDateWord(norms, k, lex)) k--;
  const amountEnd = k + 1;
  while (k > 0 && (tokens[k]!.kind === 'number' || lex.numberUnits.has(norms[k]!) || lex.scales.has(norms[k]!))) k--;
  if (k + 1 === amountEnd || !lex.changeAmounts.some((c) => endsAt(norms, k + 1, c))) return null;
  return [k + 1, to];
}

/** Words of the earlier value's date, at most this many: "in early January 2024". */
const CHANGE_DATE_REACH = 5;
const YEAR = /^(19|20)\d\d$/;

function isDateWord(norms: readonly string[], k: number, lex: Lexicon): boolean {
  const w = norms[k]!;
  if (isMonth(w, lex) || YEAR.test(w) || lex.changeTimeWords.has(w) || lex.changeTimeAnchors.has(w)) return true;
  // A day of the month beside its month: "on 14 November", "on November 14".
  return DAY.test(w) && (isMonth(norms[k + 1] ?? '', lex) || isMonth(norms[k - 1] ?? '', lex));
}

const DAY = /^(0?[1-9]|[12]\d|3[01])$/;

/** A month, or a month with its part glued on by a hyphen: "mid-November", "early-December". */
function isMonth(w: string, lex: Lexicon): boolean {
  const m = /^(\p{L}+)-(\p{L}+)$/u.exec(w);
  return lex.months.has(w) || (m !== null && lex.changeTimeAnchors.has(m[1]!) && lex.months.has(m[2]!));
}

/** Adverbs a level verb may enclose, at most this many: "has now officially reached". */
const MAX_ADVERBS = 2;

/**
 * Whether the level verb `verb` ends right before `end`, maybe crossing adverbs inside or after it:
 * "s'élève désormais à 45 000", "has now risen to", "asciende ya a".
 */
export function levelVerbEndsAt(
  norms: readonly string[],
  end: number,
  verb: readonly string[],
  adverbs: ReadonlySet<string>,
): boolean {
  let k = end - 1;
  let skipped = 0;
  for (let w = verb.length - 1; w >= 0; w--, k--) {
    while (norms[k] !== verb[w] && skipped < MAX_ADVERBS) {
      // Two-word adverbs too: "a de nouveau dépassé", "ha superado de nuevo".
      const width = adverbs.has(norms[k] ?? '') ? 1 : adverbs.has(`${norms[k - 1]} ${norms[k]}`) ? 2 : 0;
      if (!width) break;
      k -= width;
      skipped++;
    }
    if (norms[k] !== verb[w]) return false;
  }
  return true;
}

/**
 * "La Sécurité publique estime à 2000 le nombre de maisons inondées", "cifra en 3.500 el número de
 * viviendas destruidas", "put at 3,500 the number of homes destroyed": a bare figure right before
 * a count head is the level of what the head counts, trigger `r` inside it. The frame, or null.
 */
export function headAfter(
  norms: readonly string[],
  r: Trigger,
  lead: number,
  next: number,
  lex: Lexicon,
): CountFrame | null {
  // The estimate's own preposition before the figure, the head's article after it: not a
  // footnote's number before a heading ("3 The number of newly displaced …").
  const { prepositions, articles } = lex.levelBeforeHead;
  if (!prepositions.has(norms[lead - 1] ?? '') || !articles.has(norms[next] ?? '')) return null;
  const k = next + 1;
  const h = startingWith(lex.countHeads, norms[k]).find((h) => matchesAt(norms, k, h));
  const elided = h ? null : startingWith(lex.countHeads, norms[k]).find((h) => elidedHead(norms, k, h));
  const length = h ? h.length : elided ? elided.length - 1 : 0;
  if (!length) return null;
  const headEnd = k + length;
  if (r.first < k || r.first - headEnd > HEAD_GAP || countsSites(norms, headEnd, r, lex)) return null;
  return counted(norms, k, r, lex);
}
