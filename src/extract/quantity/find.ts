// Finds the quantities in one sentence: digits, scaled decimals, number words, vague
// quantities and ranges, each with its qualifier. Whether a quantity is a *figure* (and not a
// date, sum of money or distance) is decided afterwards by nonFigure.ts.
import type { Qualifier } from '../../types.js';
import { type Lexicon, matchesAt, endsAt } from '../lexicon.js';
import { isCapitalised, type Token } from '../segment/tokens.js';
import { readDigits } from './digits.js';
import { elidedPrefix, readWordNumber } from './words.js';
import { findNoun, type NounKind } from './noun.js';

export interface Quantity {
  /** null for a vague quantity. */
  value: number | null;
  range?: [number, number];
  vague?: string;
  qualifier: Qualifier;
  qualifierStated: boolean;
  /** Token indices of the number itself (half-open). */
  first: number;
  next: number;
  /** Character span of the number as written (the quantity_span). */
  start: number;
  end: number;
  /** Token index where the qualifier starts (equals `first` when there is none). */
  lead: number;
  written: 'digits' | 'words' | 'vague';
  /** The digits had a decimal part and no scale word ("2.5"): never a count of people. */
  fractional: boolean;
}

const SPACE_SEP = /^[ \u00a0\u202f\u2009]$/;
const APOSTROPHE = /^['’]$/;
/** Nouns that make an ambiguous "2.500" a count: people, families and homes are never fractional. */
const AMBIGUOUS = /^\d{1,3}[.,]\d{3}$/;
const COUNTED = new Set<NounKind>(['people', 'households', 'housing', 'shelter']);

/**
 * Whether what follows a number makes it a count: a noun of people or homes ("2.500 people"), or
 * a trigger word standing for them ("1.116 injured, and 417.529 displaced", as reports from
 * countries that group thousands with a dot write even in English).
 */
function countedAt(tokens: readonly Token[], j: number, lex: Lexicon): boolean {
  if (COUNTED.has(findNoun(tokens, j, lex)?.kind ?? 'other')) return true;
  const t = tokens[j];
  return t?.kind === 'word' && lex.triggers.has(t.norm);
}

export function findQuantities(text: string, tokens: readonly Token[], lex: Lexicon): Quantity[] {
  const norms = tokens.map((t) => t.norm);
  const out: Quantity[] = [];
  let i = 0;
  while (i < tokens.length) {
    const q = readAt(text, tokens, norms, i, lex);
    if (!q) {
      i++;
      continue;
    }
    restatedInDigits(text, tokens, norms, q, lex);
    spacedNoteAfter(tokens, q);
    // Past 2^53 a number is no longer exact, and no count of people comes near: not a quantity.
    if (q.value === null || q.value <= Number.MAX_SAFE_INTEGER) out.push(q);
    i = q.next;
  }
  return mergeRanges(text, tokens, norms, out, lex);
}

/** Words a spaced footnote's number may stand before: "from 554,949 1 to 920,784 2 , or 16%". */
const NOTE_FOLLOWERS = new Set(['to', 'and', 'or', 'et', 'ou', 'y', 'o']);

/**
 * "almost doubled from 554,949 1 to 920,784 2 , or 16%": PDF text keeps a footnote's number after
 * a figure grouped in thousands, spaced, before a comma, a stop or a joining word. It belongs to
 * the figure, not a quantity of its own (nor the low end of a range "1 to 920,784").
 */
function spacedNoteAfter(tokens: readonly Token[], q: Quantity): void {
  if (q.written !== 'digits' || q.range || q.value === null || q.value < 1000) return;
  const core = tokens[q.next - 1]!;
  const note = tokens[q.next];
  if (!/\d[,.]\d{3}$/.test(core.text) || !note || note.kind !== 'number' || !/^[1-9]$/.test(note.text)) return;
  if (note.start !== core.end + 1) return;
  const after = tokens[q.next + 1];
  if (after && !(after.kind === 'punct' && /^[,.;:)]$/.test(after.text)) && !NOTE_FOLLOWERS.has(after.norm)) return;
  q.next++;
}

/**
 * "five (5) evacuation centres", "twenty-two (22) families": reports write a number in words and
 * again in digits. The digits are the same quantity, read with the words, not a second figure.
 */
function restatedInDigits(text: string, tokens: readonly Token[], norms: string[], q: Quantity, lex: Lexicon): void {
  if (q.written !== 'words' || q.value === null || tokens[q.next]?.text !== '(') return;
  const digits = readAt(text, tokens, norms, q.next + 1, lex);
  if (digits?.written !== 'digits' || digits.value !== q.value || tokens[digits.next]?.text !== ')') return;
  q.next = digits.next + 1;
}

function readAt(
  text: string,
  tokens: readonly Token[],
  norms: string[],
  i: number,
  lex: Lexicon,
): Quantity | null {
  const t = tokens[i]!;
  // Vague quantities first: "tens of thousands", "hundreds".
  for (const v of lex.vagueByFirst.get(norms[i]!) ?? []) {
    if (matchesAt(norms, i, v)) {
      const last = tokens[i + v.length - 1]!;
      return withQualifier(tokens, norms, lex, {
        value: null,
        vague: text.slice(t.start, last.end),
        first: i,
        next: i + v.length,
        start: t.start,
        end: last.end,
        written: 'vague',
      });
    }
  }
  if (t.kind === 'number') {
    // The minutes of a clock time ("At 9:30, 150 residents") group with nothing after them.
    // Nor does a day of the month after its month or weekday ("June 20, 350 people", "viernes 23, 720 personas").
    const before = norms[i - 1] ?? '';
    const dayAfter =
      lex.months.has(before) || (lex.changeTimeAnchors.has(before) && /^(?:[1-9]|[12]\d|3[01])$/.test(t.text));
    const { raw, next: j } = clockMinutes(tokens, i)
      ? { raw: t.text, next: i + 1 }
      : joinGroups(text, tokens, i, !dayAfter && tokens[i - 1]?.kind !== 'number', lex);
    // "20-thousand residents", "3-million people": a hyphen may join the digits to their scale.
    const sj = hyphenScale(tokens, j, lex) ? j + 1 : j;
    const scaleTok = tokens[sj];
    const scaleAdjacent = scaleTok !== undefined && scaleTok.kind === 'word' && lex.scales.has(scaleTok.norm);
    const reading = readDigits(raw, {
      followedByScale: scaleAdjacent,
      decimalMark: lex.decimalMark,
      counted: AMBIGUOUS.test(raw) && countedAt(tokens, j, lex),
    });
    if (!reading) return null;
    let value = reading.value;
    let end = tokens[j - 1]!.end;
    let next = j;
    let usedScale = false;
    if (scaleAdjacent && isScaleUse(text, tokens, sj, reading.decimal, lex)) {
      value = Math.round(value * lex.scales.get(scaleTok.norm)!);
      end = scaleTok.end;
      next = sj + 1;
      usedScale = true;
      // "1.2 million" or "2 mil": also "2 hundred thousand"
      const nx = tokens[next];
      if (
        nx &&
        nx.kind === 'word' &&
        lex.scales.has(nx.norm) &&
        (lex.scales.get(nx.norm) ?? 0) > lex.scales.get(scaleTok.norm)!
      ) {
        value = Math.round(value * lex.scales.get(nx.norm)!);
        end = nx.end;
        next++;
      }
      const rest = scaledRemainder(text, tokens, next, lex.scales.get(tokens[next - 1]!.norm)!, lex);
      if (rest) {
        value += rest.value;
        end = tokens[rest.next - 1]!.end;
        next = rest.next;
      }
    }
    return withQualifier(tokens, norms, lex, {
      value,
      first: i,
      next,
      start: t.start,
      end,
      written: 'digits',
      fractional: reading.decimal && !usedScale,
    });
  }
  // "por ciento", "pour cent", "per cent": the second word is a unit of the word before.
  // "plus d'un million": the number starts after an elided "de" (or "que").
  const elision = t.kind === 'word' ? elidedPrefix(t.norm) : 0;
  if (
    t.kind === 'word' &&
    startsNumberWord(t.norm.slice(elision), lex) &&
    !lex.measureAfter.has(`${norms[i - 1] ?? ''} ${t.norm}`)
  ) {
    const w = readWordNumber(tokens, i, lex);
    if (!w || inPlaceName(tokens, i, w.next, lex)) return null;
    // "mil 961", "tres mil 173": the groups below a spelled scale written in digits after it.
    const scale = lex.scales.get(tokens[w.next - 1]!.norm);
    const rest = scale !== undefined && scale >= 1000 ? scaledRemainder(text, tokens, w.next, scale, lex) : null;
    // A lone scale word is no number ("thousand"), except where the language says so ("mil personas").
    const lone = !rest && w.next === i + 1 && lex.scales.has(t.norm) && !lex.numberUnits.has(t.norm);
    if (lone && !lex.standaloneScales.has(t.norm)) return null;
    const next = rest ? rest.next : w.next;
    return withQualifier(tokens, norms, lex, {
      value: w.value + (rest?.value ?? 0),
      first: i,
      next,
      start: t.start + elision,
      end: tokens[next - 1]!.end,
      written: 'words',
      approximate: w.approximate,
    });
  }
  return null;
}

/**
 * "evacuadas en Tres Cantos", "near Seven Sisters", "à Trois Rivières": capitalised number words
 * inside running text, before a capitalised word that is no noun the lexicon counts, are a name.
 * Title-case headlines ("Floods Displace Five Thousand") have no lower-case word before them.
 */
function inPlaceName(tokens: readonly Token[], first: number, next: number, lex: Lexicon): boolean {
  const before = tokens[first - 1];
  const after = tokens[next];
  if (!before || before.kind !== 'word' || !/^\p{Ll}/u.test(before.text)) return false;
  if (!/^\p{Lu}/u.test(tokens[first]!.text) || !after || after.kind !== 'word' || !/^\p{Lu}/u.test(after.text)) return false;
  const n = lex.nouns;
  const w = after.norm;
  return !(n.people.has(w) || n.households.has(w) || n.housing.has(w) || n.other.has(w) || lex.triggers.has(w) || lex.scales.has(w));
}

/** Whether a comma and another number follow as a list does: "1, 234, 5" is a list, not a figure. */
function listGoesOn(tokens: readonly Token[], k: number, lex: Lexicon): boolean {
  // "1,200, 900 and 450 families", "1,200, 900, and 450": a coordinator and a number end the list.
  const coordinator = tokens[k]?.text === ',' ? k + 1 : k;
  if (lex.coordinators.has(tokens[coordinator]?.norm ?? '') && tokens[coordinator + 1]?.kind === 'number') return true;
  if (tokens[k]?.text !== ',' || tokens[k + 1]?.kind !== 'number') return false;
  // "1, 204, 330 people": groups of three to the end of the run are one number's, unless the run
  // goes on as a list does ("150, 143, 129 and 98").
  let m = k;
  while (tokens[m]?.text === ',' && /^\d{3}$/.test(tokens[m + 1]?.text ?? '')) m += 2;
  if (m === k) return true;
  const after = tokens[m];
  return !!after && (after.text === ',' || lex.coordinators.has(after.norm)) && tokens[m + 1]?.kind === 'number';
}

/** May a word start a number: "two", "twenty-five", "million", "quatre-vingt-dix", "half"? */
function startsNumberWord(norm: string, lex: Lexicon): boolean {
  if (lex.numberUnits.has(norm) || lex.scales.has(norm) || lex.fractions.has(norm)) return true;
  const dash = norm.indexOf('-');
  if (dash < 0) return false;
  if (lex.numberUnits.has(norm.slice(0, dash))) return true;
  const second = norm.indexOf('-', dash + 1);
  return lex.compounds.has(second < 0 ? norm : norm.slice(0, second));
}

/** Whether the number at `i` is glued after "<hours>:", the minutes of a clock time ("9:30"). */
function clockMinutes(tokens: readonly Token[], i: number): boolean {
  const colon = tokens[i - 1];
  const hours = tokens[i - 2];
  return colon?.text === ':' && hours?.kind === 'number' && hours.end === colon.start && colon.end === tokens[i]!.start;
}

/** Digit groups split by spaces ("14 000", "3 385", "2 350 112"; never after a lone zero, a
 * table's empty cell: "0 310"), by apostrophes ("2'350'112") or by a stray ", " before "000": one number. Returns the groups joined and the next token.
 * `looseComma`: a stray ", " before any three digits joins too ("4, 263 persons", "314, 412
 * houses", "2, 995, 355 persons"), where the first group follows no date or number ("June 20, 350 people" stays two). */
function joinGroups(
  text: string,
  tokens: readonly Token[],
  i: number,
  looseComma: boolean,
  lex: Lexicon,
): { raw: string; next: number } {
  let raw = tokens[i]!.text;
  let j = i + 1;
  while (j < tokens.length) {
    const nx = tokens[j]!;
    const gap = text.slice(tokens[j - 1]!.end, nx.start);
    if (
      nx.kind === 'number' &&
      /^\d{3}$/.test(nx.text) &&
      SPACE_SEP.test(gap) &&
      /^[1-9]\d{0,2}$|[ ]\d{3}$/.test(raw)
    ) {
      raw += ' ' + nx.text;
      j++;
      continue;
    }
    // Swiss grouping: the apostrophe touches both groups.
    const after = tokens[j + 1];
    if (
      APOSTROPHE.test(nx.text) &&
      gap === '' &&
      after?.kind === 'number' &&
      after.start === nx.end &&
      (/^\d{3}$/.test(after.text) || (/^\d{3}[.,]\d{3}$/.test(after.text) && /^\d{1,3}$/.test(raw))) &&
      /^\d{1,3}$|'\d{3}$/.test(raw)
    ) {
      raw += "'" + after.text;
      j += 2;
      continue;
    }
    if (
      nx.text === ',' &&
      // (Group after group: "2, 995, 355 persons".)
      (/^\d{1,3}$/.test(raw) || (looseComma && /^\d{1,3}(?:,\d{3})+$/.test(raw))) &&
      (after?.text === '000' || (looseComma && /^\d{3}$/.test(after?.text ?? '') && !listGoesOn(tokens, j + 2, lex))) &&
      text.slice(nx.end, after!.start) === ' '
    ) {
      raw += ',' + after!.text;
      j += 2;
      continue;
    }
    // PDF text detaches the comma from the group before it ("1 ,991 ,340", "1 ,048,896"): a space
    // before a comma never happens in prose, so the comma still joins whole groups of three.
    if (
      nx.text === ',' &&
      gap === ' ' &&
      /^\d{1,3}$|,\d{3}$/.test(raw) &&
      after?.kind === 'number' &&
      after.start === nx.end &&
      /^\d{3}(,\d{3})*$/.test(after.text)
    ) {
      raw += ',' + after.text;
      j += 2;
      continue;
    }
    break;
  }
  return { raw, next: j };
}

/**
 * "16 mil 591", "3 mil 62", "1 millón 200 mil": the Mexican press writes the groups below a scale
 * word in digits after it. Returns what the groups after `j` add, below `scale`.
 */
function scaledRemainder(
  text: string,
  tokens: readonly Token[],
  j: number,
  scale: number,
  lex: Lexicon,
): { value: number; next: number } | null {
  const t = tokens[j];
  // Glued to the scale word only as a whole group of three ("8 mil163", as one press pastes it).
  const between = t ? text.slice(tokens[j - 1]!.end, t.start) : '';
  if (
    !t ||
    t.kind !== 'number' ||
    !/^\d{1,3}$/.test(t.text) ||
    !(between === ' ' || (between === '' && t.text.length === 3))
  )
    return null;
  const v = Number(t.text);
  const sub = tokens[j + 1];
  // A scale letter glued to the group makes it a key figure of its own: "641K 613K" are two.
  if (sub && sub.start === t.end && lex.letterScales.has(sub.norm)) return null;
  const subScale =
    sub && sub.kind === 'word' && !lex.letterScales.has(sub.norm) ? lex.scales.get(sub.norm) : undefined;
  if (subScale !== undefined && subScale >= 1000 && subScale < scale && v * subScale < scale) {
    const more = scaledRemainder(text, tokens, j + 2, subScale, lex);
    return { value: v * subScale + (more?.value ?? 0), next: more?.next ?? j + 2 };
  }
  if (subScale !== undefined || v >= scale || scale < 1000) return null;
  return { value: v, next: j + 1 };
}

/**
 * "m" and "k" after a number are scales in "2.5m people", "10k people", "1.2m displaced", never in
 * "500m from the river", "2.5 m of water" or a word cut by mojibake ("5,175 m\ufffdnages"): a
 * decimal glued to the letter, a capital M glued to the number or after a decimal, or a count of people
 * right after it.
 */
function isScaleUse(
  text: string,
  tokens: readonly Token[],
  j: number,
  decimal: boolean,
  lex: Lexicon,
): boolean {
  const s = tokens[j]!;
  if (!lex.letterScales.has(s.norm)) return true;
  if (/[\p{L}\p{M}\d\ufffd]/u.test(text[s.end] ?? '')) return false;
  const nx = tokens[j + 1];
  if (nx !== undefined && (lex.nouns.people.has(nx.norm) || lex.nouns.households.has(nx.norm))) return true;
  const glued = s.start === tokens[j - 1]!.end;
  // "Over 5K evacuated": no unit of length or money is written k, but races and screens are.
  if (glued && lex.gluedScales.has(s.norm)) return !lex.notScaledBefore.has(nx?.norm ?? '');
  // "9M have been displaced", "25M are in the Americas", "1.7 M live in IDP sites": a capital M is
  // never a metre, glued to the number or after a decimal.
  if ((glued || decimal) && s.text === 'M') return !lex.notScaledBefore.has(nx?.norm ?? '');
  // "1.6 m Registered Afghan Refugees": a key figure's caption, its words capitalised, names whom
  // a decimal and its spaced letter count; a length is followed by what it measures ("2.5 m of water").
  if (decimal && capitalisedCaptionCounts(tokens, j + 1, lex)) return true;
  return decimal && glued;
}

/** The most capitalised words of a caption read after a spaced scale letter. */
const CAPTION_WORDS = 3;

function capitalisedCaptionCounts(tokens: readonly Token[], from: number, lex: Lexicon): boolean {
  for (let k = from; k < from + CAPTION_WORDS; k++) {
    const t = tokens[k];
    if (!t || !isCapitalised(t)) return false;
    if (lex.nouns.people.has(t.norm) || lex.nouns.households.has(t.norm) || lex.triggers.has(t.norm)) return true;
  }
  return false;
}

interface Core {
  value: number | null;
  vague?: string;
  first: number;
  next: number;
  start: number;
  end: number;
  written: Quantity['written'];
  fractional?: boolean;
  approximate?: boolean;
}

function withQualifier(tokens: readonly Token[], norms: string[], lex: Lexicon, core: Core): Quantity {
  let qualifier: Qualifier = core.approximate ? 'approximately' : 'exact';
  let stated = core.approximate === true;
  let lead = core.first;
  // Skip "a total of" / "an estimated" style words between the qualifier and the number.
  for (const total of lex.totals) {
    if (endsAt(norms, lead, total)) {
      lead -= total.length;
      break;
    }
  }
  for (const q of lex.qualifiersByLast.get(norms[lead - 1] ?? '') ?? []) {
    if (endsAt(norms, lead, q.words)) {
      // "over" only qualifies when it directly precedes the number ("over 2,000"), not "over the weekend".
      qualifier = q.qualifier;
      stated = true;
      lead -= q.words.length;
      break;
    }
  }
  // "plus d'un million", "près d'un million": the qualifier's "de" is elided onto the number.
  if (!stated && norms[lead]?.startsWith("d'"))
    for (const q of lex.qualifiersByLast.get('de') ?? []) {
      const head = q.words.slice(0, -1);
      if (head.length && endsAt(norms, lead, head)) {
        qualifier = q.qualifier;
        stated = true;
        lead -= head.length;
        break;
      }
    }
  let next = core.next;
  for (const q of lex.qualifiersAfter) {
    if (matchesAt(norms, next, q.words)) {
      // "2,000+", "300 odd": these must sit right after the number; other words may follow after a space.
      if (lex.qualifiersAdjacent.has(q.words[0]!) && tokens[next]!.start > tokens[next - 1]!.end + 1)
        continue;
      qualifier = q.qualifier;
      stated = true;
      next += q.words.length;
      break;
    }
  }
  // Written out key by key, in the order the spread wrote them: an optional key spread into
  // the middle of a literal makes V8 copy it at run time (a microsecond a quantity).
  const q = { value: core.value } as Quantity;
  if (core.vague !== undefined) q.vague = core.vague;
  q.qualifier = qualifier;
  q.qualifierStated = stated;
  q.first = core.first;
  q.next = next;
  q.start = core.start;
  q.end = core.end;
  q.lead = lead;
  q.written = core.written;
  q.fractional = core.fractional === true;
  return q;
}

/** "rose from 12,400 to 31,000": a change between two values, not a range (countFrame.ts reads both). */
function changeBefore(norms: readonly string[], lead: number, lex: Lexicon): boolean {
  return lex.levelChanges.some((c) => c.from.every((w, j) => norms[lead - c.from.length + j] === w));
}

/** "rose by [2,000] to 15,000", "a decrease of [1,200] to": a change's amount opens the first value. */
function amountBefore(norms: readonly string[], lead: number, lex: Lexicon): boolean {
  return lex.changeAmounts.some((c) => c.every((w, j) => norms[lead - c.length + j] === w));
}

/** Words before a year that make it a date: "since 2019 to", "desde 2019 a". */
const YEAR_OPENERS = new Set(['since', 'desde', 'depuis']);

/** "between 3,000 and 5,000", "3,000-5,000", "4 to 5 million": one quantity with both ends. */
function mergeRanges(
  text: string,
  tokens: readonly Token[],
  norms: string[],
  qs: Quantity[],
  lex: Lexicon,
): Quantity[] {
  const out: Quantity[] = [];
  for (let k = 0; k < qs.length; k++) {
    const a = qs[k]!;
    const b = qs[k + 1];
    if (b && a.value !== null && b.value !== null && b.first === a.next + 1 && b.lead === b.first) {
      const joiner = norms[a.next] ?? '';
      const opener = lex.rangeOpeners.has(norms[a.lead - 1] ?? '');
      const isJoin =
        lex.rangeJoiners.has(joiner) &&
        (!lex.rangeJoinersNeedOpener.has(joiner) || opener) &&
        // "rose from 20 to 35 percent" stays one measure: the unit after the second end is both ends'.
        !(opener && changeBefore(norms, a.lead, lex) && !lex.measureAfter.has(norms[b.next] ?? '')) &&
        // "rose by 2,000 to 15,000": a change's amount, then the level it led to.
        !amountBefore(norms, a.lead, lex);
      // "from 16.5 million in 2018 to 34.8 million": a year before "to" ends a date, not a range.
      // So does a year after its month or "since" ("on 05 April 2019 to 2,725 families").
      const yearText = a.next === a.first + 1 && /^(19|20)\d\d$/.test(tokens[a.first]!.text);
      const year =
        yearText && (b.value > 10 * a.value || lex.months.has(norms[a.first - 1] ?? '') || YEAR_OPENERS.has(norms[a.first - 1] ?? ''));
      // "on March 3 to 6,950": a day after its month ends a date, not a range, when what follows is no day.
      const day =
        a.next === a.first + 1 && lex.months.has(norms[a.first - 1] ?? '') && a.value <= 31 && b.value > 31;
      if (isJoin && !a.fractional && !b.fractional && !year && !day) {
        let low = a.value;
        const high = b.value;
        // "4 to 5 million": the scale of the second end applies to the first.
        if (low < high && a.written === b.written && a.end === tokens[a.first]!.end) {
          const scaleTok = tokens[b.next - 1];
          const scale = scaleTok && lex.scales.get(scaleTok.norm);
          if (scale && low * scale <= high && low < 1000) low = low * scale;
        }
        low = sharedGroupScale(text, a, b, low, high);
        if (low < high) {
          // The lower end is the figure: monitoring practice records the conservative number.
          out.push({
            ...a,
            value: low,
            range: [low, high],
            qualifier: a.qualifierStated ? a.qualifier : 'at_least',
            qualifierStated: true,
            next: b.next,
            end: a.end,
            lead: opener ? a.lead - 1 : a.lead,
          });
          k++;
          continue;
        }
      }
    }
    out.push(a);
  }
  return out;
}

/**
 * "entre 10 et 15 000", "de 8 à 10.000", "between 20 and 25,000": when the first end is bare
 * digits below the leading group of a round second end, and of its order, the groups of zeros
 * after that lead are both ends' scale, as a scale word is ("4 to 5 million"). A first end that
 * is not below it ("between 50 and 1,000", "800 to 1,000") is a number of its own.
 */
function sharedGroupScale(text: string, a: Quantity, b: Quantity, low: number, high: number): number {
  if (a.written !== 'digits' || b.written !== 'digits' || low >= 1000) return low;
  if (!/^\d{1,3}$/.test(text.slice(a.start, a.end))) return low;
  const m = /^(\d{1,3})(?:[ .,\u00a0\u202f\u2009]000)+$/.exec(text.slice(b.start, b.end));
  if (!m) return low;
  const lead = Number(m[1]);
  return low < lead && low * 10 > lead ? low * (high / lead) : low;
}

/** A hyphen right after the digits at `j - 1` and right before a scale of a hundred or more ("20-thousand", "11-hundred"). */
function hyphenScale(tokens: readonly Token[], j: number, lex: Lexicon): boolean {
  const hyphen = tokens[j];
  const scale = tokens[j + 1];
  return (
    hyphen?.text === '-' &&
    hyphen.start === tokens[j - 1]!.end &&
    scale?.kind === 'word' &&
    scale.start === hyphen.end &&
    (lex.scales.get(scale.norm) ?? 0) >= 100
  );
}
