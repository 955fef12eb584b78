// Reads a number written in digits with any of the separators reporters use: 190,000 · 190.000 ·
// 190 000 and 190'000 (groups joined by the caller) · Indian 3,57,243 · 1,234.5 / 1.234,5 ·
// decimals 2.5 / 1,5. A separator before exactly three digits is ambiguous ("1.250"): the
// document language's decimal mark and the digit-group shape decide (see readDigits).
// Returns null when the string is not a well-formed number.

export interface DigitReading {
  value: number;
  /** True when the value has a fractional part as written ("2.5"), which needs a scale word. */
  decimal: boolean;
}

const int = (s: string): DigitReading => ({ value: Number(s.replace(/\D/g, '')), decimal: false });
const dec = (whole: string, fraction: string): DigitReading => ({
  value: Number(`${whole.replace(/\D/g, '')}.${fraction}`),
  decimal: true,
});

export interface DigitContext {
  /** A scale word follows ("million", "mil"): "1.2 million", "1,5 millones". */
  followedByScale?: boolean;
  /** The document language's decimal mark: "." in English, "," in Spanish and French. */
  decimalMark?: '.' | ',';
  /** A noun of people or homes follows ("2.500 people"): a count is never fractional. */
  counted?: boolean;
}

/** @param raw the digits as written, groups separated by spaces, apostrophes, dots or commas */
export function readDigits(raw: string, ctx: DigitContext = {}): DigitReading | null {
  const { followedByScale = false, decimalMark = '.', counted = false } = ctx;
  const s = raw.replace(/[\s\u00a0\u202f\u2009]/g, ' ').replace(/[’‘]/g, "'");
  if (/^\d+$/.test(s)) return int(s);
  // Spaces and apostrophes (Swiss) only ever group thousands.
  if (/^\d{1,3}( \d{3})+$/.test(s) || /^\d{1,3}('\d{3})+$/.test(s)) return int(s);
  // Colombia marks the millions with an apostrophe and the thousands with a dot: 2'165.000.
  if (/^\d{1,3}'\d{3}([.,])\d{3}$/.test(s)) return int(s);
  // Two or more groups with the same mark cannot be a decimal: 2.350.112, 2,350,112.
  if (/^\d{1,3}([.,])\d{3}(\1\d{3})+$/.test(s)) return int(s);
  if (/^\d{1,2}(,\d{2})+,\d{3}$/.test(s)) return int(s); // Indian lakh grouping: 23,50,112
  // Both marks: the last one is the decimal mark (1,234.5 · 1.234,5).
  const both = /^(\d{1,3}(?:([.,])\d{3})+)([.,])(\d+)$/.exec(s);
  if (both && both[2] !== both[3]) return dec(both[1]!, both[4]!);
  const one = /^(\d{1,3})([.,])(\d{3})$/.exec(s);
  if (one) {
    const [, whole, mark, fraction] = one as unknown as [string, string, string, string];
    // The language's grouping mark: 1,250 in English, 1.250 in Spanish ("1.200 millones" is 1.2 billion).
    if (mark !== decimalMark) return int(s);
    // The decimal mark before a scale: "1.250 million", "2,350 millions".
    if (followedByScale) return dec(whole, fraction);
    // Spanish and French: a count is never fractional, and "1,250 familias" is how Mexico and
    // Central America group thousands. English "1.250" is 1.25, but nobody writes "12.000" for
    // 12, and "2.500 people" can only be a count written with a continental thousands mark.
    if (decimalMark === ',' || fraction === '000' || counted) return int(s);
    return dec(whole, fraction);
  }
  if (/^\d+\.\d+$/.test(s)) return dec(s.split('.')[0]!, s.split('.')[1]!);
  if (/^\d+,\d{1,2}$/.test(s)) return dec(s.split(',')[0]!, s.split(',')[1]!); // 1,5 millones
  // A footnote's number glued to the last group by PDF extraction: "Some 274,5481 people were
  // displaced", "an estimated 40,0002". Not a day glued to its year ("October 18,2002").
  const noted = /^(\d{1,3}(?:,\d{3})*,\d{3})[1-9]$/.exec(s);
  if (noted && decimalMark === '.' && !/^(?:[1-9]|[12]\d|3[01]),(?:19|20)\d\d$/.test(s)) return int(noted[1]!);
  return null;
}

/** A count written with two or more groups of the same mark: "1.593.808", "2,350,112". */
const GROUPED_BY = (mark: string) => new RegExp(`(?<![\\d.,])\\d{1,3}(?:\\${mark}\\d{3}){2,}(?![.,]?\\d)`);
const DOT_GROUPED = GROUPED_BY('.');
const COMMA_GROUPED = GROUPED_BY(',');

/**
 * The decimal mark a document uses: its language's, unless an English text groups thousands with
 * dots ("1.593.808 citizens were given shelter … in containers, 34.120"), as Turkish, Indonesian
 * or Brazilian sources writing in English do; then "34.120" is a count too. Only a count with two
 * dot groups and none with comma groups tells.
 */
export function documentDecimalMark(text: string, language: '.' | ','): '.' | ',' {
  return language === '.' && DOT_GROUPED.test(text) && !COMMA_GROUPED.test(text) ? ',' : language;
}
