// Quantities that are points or stretches of time, not counts: days of the month ("on 4 June",
// "June 4", "between 2 and 9 July", "4-9 July", "4 de junio"), years and periods ("in 2019",
// "2019-2020"), clock times ("11:00", "10 pm", "16 h", "1600 hrs") and durations or ages
// ("24 hours", "3-year-old"). Returns the reason, or null.
import type { Lexicon } from '../lexicon.js';
import type { Token } from '../segment/tokens.js';
import type { Quantity } from './find.js';

/** English ordinal suffixes, which no other word spells, may stand apart from their day ("29 th March"). */
const SPACED_ORDINALS = new Set(['st', 'nd', 'rd', 'th']);

/** Qualifiers that bound a count, which a year does not take ("more than 2000 people"). */
const BOUNDS: ReadonlySet<string> = new Set(['more_than', 'at_least', 'up_to']);
/** Nouns of time a bounded four-digit number may count ("more than 2000 years"). */
const TIME_NOUN = /^(?:years?|a(?:ñ|n)os|ans|années|siècles?|centuries|siglos)$/u;

export function calendarReason(
  text: string,
  tokens: readonly Token[],
  q: Quantity,
  lex: Lexicon,
): string | null {
  const value = q.value!;
  const before = tokens[q.lead - 1];
  const isMonth = (t: Token | undefined) =>
    t !== undefined &&
    lex.months.has(t.norm.replace(/\.$/, '')) &&
    (!lex.ambiguousMonths.has(t.norm) || /^\p{Lu}/u.test(t.text));
  // "31st October", "1er juin": an ordinal suffix glued to the day stands before its month. PDF
  // text and careless typing part an English one from its day ("As of 29 th March"): then the
  // month must follow it.
  const suffix = tokens[q.next];
  const glued = suffix !== undefined && suffix.start === tokens[q.next - 1]!.end;
  const parted = suffix !== undefined && SPACED_ORDINALS.has(suffix.norm) && isMonth(tokens[q.next + 1]);
  const skip = suffix && lex.ordinalSuffixes.has(suffix.norm) && (glued || parted) ? 1 : 0;
  const after = tokens[q.next + skip];
  const after2 = tokens[q.next + skip + 1];
  const core = tokens[q.first]!;
  const isDay = (t: Token | undefined) =>
    t?.kind === 'number' && /^\d{1,2}$/.test(t.text) && Number(t.text) <= 31;

  // "Dec.'17", "Mar.’18", "June '22": a two-digit year behind an apostrophe.
  if (q.written === 'digits' && /^\d{2}$/.test(core.text) && q.first === q.lead && /['’]/.test(text[core.start - 1] ?? '')) return 'date';
  // "4 June", "4 of June", "4 de junio"; "June 4", "June 2019". A day is at most 31: "las 362.551 de
  // marzo" are those counted in March.
  if (value <= 31 && (isMonth(after) || (after && lex.dayMonthJoiners.has(after.norm) && isMonth(after2)))) return 'date';
  // A year is written without separators: "June 2000", but "June 2,000 people fled" is a count.
  const year = q.written === 'digits' && /^\d{4}$/.test(core.text) && value >= 1900 && value <= 2100;
  // "Feb. 11, 2013": an abbreviated month keeps its full stop, a token of its own.
  const abbreviated = tokens[q.lead - 2];
  const monthBefore =
    isMonth(before) || (before?.text === '.' && isMonth(abbreviated) && abbreviated!.end === before.start);
  if (monthBefore && ((value <= 31 && q.written === 'digits') || year)) return 'date';
  // "on 3 and 4 February", "18 to 22 June"; "between June 2 and 9".
  if (
    value <= 31 &&
    after &&
    lex.rangeJoiners.has(after.norm) &&
    isDay(after2) &&
    isMonth(tokens[q.next + 2])
  )
    return 'date';
  if (
    value <= 31 &&
    before &&
    lex.rangeJoiners.has(before.norm) &&
    isDay(tokens[q.lead - 2]) &&
    isMonth(tokens[q.lead - 3])
  )
    return 'date';
  // "entre le 3 et le 19 avril", "del 3 al 19 de abril": the first day of a range whose days
  // take articles, and whose month may follow a joiner ("19 de abril").
  if (value <= 31 && q.written === 'digits' && dayRangeAfter(tokens, q.next, lex, isDay, isMonth))
    return 'date';
  // Years: "in 2019", unless they count something ("2019 families"); "2019-2020".
  if (year && !q.range) {
    const noun = after?.norm ?? '';
    // "estime à 2000 le nombre de maisons": the level of a count head after it is no year.
    const level =
      before !== undefined &&
      lex.levelBeforeHead.prepositions.has(before.norm) &&
      lex.levelBeforeHead.articles.has(noun) &&
      lex.countHeads.some((h) => h.length > 1 && h[0] === tokens[q.next + 1]?.norm);
    const countNoun = (w: string) => lex.nouns.people.has(w) || lex.nouns.households.has(w) || lex.nouns.housing.has(w);
    // "ya son más de 2000 las personas evacuadas": a bound on it ("more than", "at least", "up
    // to"), or the counted noun after an article, makes it a count too; not "more than 2000 years".
    const bounded = BOUNDS.has(q.qualifier) && !TIME_NOUN.test(noun);
    const articleCount = lex.levelBeforeHead.articles.has(noun) && countNoun(tokens[q.next + 1]?.norm ?? '');
    const counts = countNoun(noun) || level || bounded || articleCount;
    // …but after "in", "since", "end of" it is the year: "in 2014 IDPs were counted".
    // Right before the number, not before a qualifier: "in approximately 2000 people" counts.
    const dated =
      q.first === q.lead && lex.yearBefore.some((w) => w.every((x, j) => tokens[q.lead - w.length + j]?.norm === x));
    if (!counts || dated) return 'year';
  }
  if (q.range && q.range[0] >= 1900 && q.range[1] <= 2100 && /^\d{4}$/.test(core.text)) return 'years';
  // Clock times: "11:00", "8 a.m.", "10pm", "1600 hrs", "16 h 30".
  if (after && after.text === ':' && after2?.kind === 'number' && after.start === core.end) return 'time';
  // Its minutes: "at 17:50", "à 8:30".
  const hour = tokens[q.lead - 2];
  if (
    before?.text === ':' &&
    hour?.kind === 'number' &&
    /^\d{1,2}$/.test(hour.text) &&
    Number(hour.text) <= 24 &&
    hour.end === before.start &&
    before.end === core.start &&
    /^\d{2}$/.test(core.text) &&
    value <= 59
  )
    return 'time';
  if (
    after &&
    (lex.timeAfter.has(after.norm) ||
      lex.timeAfter.has(wordAt(text, after.start)) ||
      lex.timeAfter.has(`${after.norm} ${after2?.norm ?? ''}`))
  )
    return 'duration or time';
  // "a las tres de la tarde", "at six in the morning", "à huit heures du soir": an hour of the day.
  if (value <= 12 && lex.clockAfter.some((c) => c.every((w, k) => tokens[q.next + k]?.norm === w))) return 'time';
  // "24 hours", "3-year-old", "a 10-day stay".
  const unit = after?.text === '-' && after.start === q.end ? after2 : after;
  if (unit && (lex.timeAfter.has(unit.norm) || lex.timeAfter.has(unit.norm.split('-')[0]!)))
    return 'duration or age';
  return null;
}

/** Joiners and articles (at most two), then a day and its month, from token `at`. */
function dayRangeAfter(
  tokens: readonly Token[],
  at: number,
  lex: Lexicon,
  isDay: (t: Token | undefined) => boolean,
  isMonth: (t: Token | undefined) => boolean,
): boolean {
  const joins = (t: Token | undefined) =>
    t !== undefined && (lex.rangeJoiners.has(t.norm) || lex.dayArticles.has(t.norm));
  let k = at;
  while (k < at + 2 && joins(tokens[k])) k++;
  if (k === at || !isDay(tokens[k])) return false;
  const next = tokens[k + 1];
  return (
    isMonth(next) || (next !== undefined && lex.dayMonthJoiners.has(next.norm) && isMonth(tokens[k + 2]))
  );
}

/** The text from `at` to the next space, lower-cased, without a trailing comma or full stop after
 * letters: "a.m." → "a.m.", "hrs," → "hrs". */
function wordAt(text: string, at: number): string {
  const m = /^\S+/.exec(text.slice(at, at + 12));
  const w = (m?.[0] ?? '').toLowerCase();
  return /^\p{L}+[.,;]$/u.test(w) ? w.slice(0, -1) : w.replace(/[,;]$/, '');
}
