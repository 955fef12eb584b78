// Decides which quantities cannot be counts of people or homes: dates, years, times, sums of
// money, percentages, distances and other measures, ages, labels ("Category 4"), identifiers
// ("COVID-19") and phone numbers. Returns the reason, or null when the quantity may be a figure.
import type { Lexicon } from '../lexicon.js';
import type { Token } from '../segment/tokens.js';
import type { Quantity } from './find.js';

/** Month abbreviations that are also common words, recognised only when capitalised. */
const AMBIGUOUS_MONTHS = new Set([
  'may',
  'mar',
  'jan',
  'sep',
  'dec',
  'oct',
  'nov',
  'aug',
  'jun',
  'jul',
  'apr',
  'feb',
  'mai',
]);

export function nonFigureReason(
  text: string,
  tokens: readonly Token[],
  q: Quantity,
  lex: Lexicon,
): string | null {
  if (q.value === null) return null;
  if (q.fractional) return 'decimal without a scale word';
  const before = tokens[q.lead - 1];
  const before2 = tokens[q.lead - 2];
  const after = tokens[q.next];
  const after2 = tokens[q.next + 1];
  const core = tokens[q.first]!;

  const isMonth = (t: Token | undefined) =>
    t !== undefined &&
    lex.months.has(t.norm.replace(/\.$/, '')) &&
    (!AMBIGUOUS_MONTHS.has(t.norm) || /^\p{Lu}/u.test(t.text));

  if (isMonth(after) || (after && (after.norm === 'of' || after.norm === 'de') && isMonth(after2)))
    return 'date';
  if (isMonth(before) && (q.value <= 31 || (q.value >= 1900 && q.value <= 2100))) return 'date';
  // "on 3 and 4 February", "18 to 22 June": a day followed by another day and a month.
  if (
    after &&
    q.value <= 31 &&
    (after.norm === 'and' || after.norm === 'to' || after.norm === '-' || after.norm === 'y')
  ) {
    const t3 = tokens[q.next + 2];
    if (after2?.kind === 'number' && Number(after2.text) <= 31 && isMonth(t3)) return 'date';
  }
  if (q.written === 'digits' && /^\d{4}$/.test(core.text) && q.value >= 1900 && q.value <= 2100 && !q.range) {
    const noun = after?.norm ?? '';
    const counts =
      lex.nouns.people.has(noun) || lex.nouns.households.has(noun) || lex.nouns.housing.has(noun);
    if (!counts) return 'year';
  }
  if (q.range && q.range[0] >= 1900 && q.range[1] <= 2100 && /^\d{4}$/.test(core.text)) return 'years';
  // Times: 11:00, 10 pm, 8 a.m.
  if (after && after.text === ':' && tokens[q.next + 1]?.kind === 'number' && after.start === core.end)
    return 'time';
  if (after && /^[ap]$/i.test(after.text) && text.slice(after.end, after.end + 3).match(/^\.?m\b/i))
    return 'time';
  if (after && (after.norm === 'am' || after.norm === 'pm') && after.start - q.end <= 1) return 'time';
  if (after && after.start === core.end && /^(st|nd|rd|th|er|e|º|ª)$/.test(after.norm)) return 'ordinal';
  if (after && lex.timeAfter.has(after.norm)) return 'duration or time';
  if (after && after.text === '-' && /^year|^month|^day|^week/.test(after2?.norm ?? ''))
    return 'age or duration';
  if (after && /^\d*-?(year|month|day|week|hour)/.test(after.norm)) return 'age or duration';
  // Money.
  if (
    before &&
    (lex.moneyBefore.has(before.norm) || lex.moneyBefore.has(`${before2?.norm ?? ''}${before.norm}`))
  )
    return 'money';
  if (/[$€£¥₹₦₱]\s*$/.test(text.slice(Math.max(0, q.start - 3), q.start))) return 'money';
  if (after && lex.moneyAfter.has(after.norm)) return 'money';
  // Percentages, distances, weights and other measures.
  if (after && lex.measureAfter.has(after.norm)) {
    // "m" after a count of people is a scale (handled in find.ts), never here.
    return 'measure';
  }
  // Two-word measures: "per cent", "por ciento", "pour cent".
  if (after && after2 && lex.measureAfter.has(`${after.norm} ${after2.norm}`)) return 'percentage or measure';
  if (after && after.norm === 'per' && after2?.norm === 'capita') return 'per capita';
  // Ratios: "1 in 5 children", "four in ten of the displaced".
  if (after?.norm === 'in' && (after2?.kind === 'number' || lex.numberUnits.has(after2?.norm ?? '')))
    return 'ratio';
  if (before?.norm === 'in' && (before2?.kind === 'number' || lex.numberUnits.has(before2?.norm ?? '')))
    return 'ratio';
  // Ages: "children under five", "Amina, 34, said".
  if (q.qualifier === 'less_than' && (after === undefined || after.kind === 'punct') && q.value <= 18)
    return 'age';
  if (
    before?.text === ',' &&
    after?.text === ',' &&
    /^\p{Lu}/u.test(before2?.text ?? '') &&
    q.value < 120 &&
    q.written === 'digits'
  )
    return 'age';
  // Labels and ranks: "Category 4", "No. 5", "aged 12", "level 3", "Resolution 2334".
  const labelTok = before?.text === '.' ? before2 : before;
  if (labelTok && lex.labelBefore.has(labelTok.norm) && !isQualifierWord(labelTok.norm))
    return 'label or age';
  // Identifiers glued to letters: COVID-19, H5N1, A320, 2nd, 173mm.
  // …but not text glued by a scraper ("dead16,000 families"): only short or upper-case prefixes.
  const glued = /([\p{L}]+)[-/#]?$/u.exec(text.slice(Math.max(0, q.start - 12), q.start))?.[1];
  if (
    glued &&
    (glued.length <= 3 || /^\p{Lu}+$/u.test(glued)) &&
    /[\p{L}\-/#]/u.test(text[q.start - 1] ?? '')
  )
    return 'identifier';
  if (/^[\p{L}]/u.test(text[core.end] ?? '') && q.written === 'digits' && q.end === core.end)
    return 'identifier or ordinal';
  // Phone numbers and codes: three or more digit groups joined by hyphens, dots or parentheses.
  const around = text.slice(Math.max(0, q.start - 6), Math.min(text.length, q.end + 12));
  if (/\d+[-.)]\s?\d{2,4}[-.]\d{2,4}/.test(around) && !/\d{1,3},\d{3}/.test(around)) return 'phone or code';
  if (/\(\d{2,4}\)\s?\d/.test(around)) return 'phone or code';
  return null;
}

function isQualifierWord(norm: string): boolean {
  return norm === 'no'
    ? false
    : norm === 'over' || norm === 'under' || norm === 'about' || norm === 'some' || norm === 'around';
}
