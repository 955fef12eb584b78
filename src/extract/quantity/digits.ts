// Reads a number written in digits with any of the separators reporters use:
// 190,000 · 190.000 · 190 000 (joined by the caller) · Indian 3,57,243 · decimals 2.5 / 1,5.
// Returns null when the string is not a well-formed number.

export interface DigitReading {
  value: number;
  /** True when the value has a fractional part as written ("2.5"), which needs a scale word. */
  decimal: boolean;
}

export function readDigits(raw: string, followedByScale: boolean): DigitReading | null {
  const s = raw.replace(/[\s\u00a0\u202f\u2009]/g, ' ');
  if (/^\d+$/.test(s)) return { value: Number(s), decimal: false };
  if (/^\d{1,3}( \d{3})+$/.test(s)) return { value: Number(s.replace(/ /g, '')), decimal: false };
  if (/^\d{1,3}(,\d{3})+$/.test(s)) {
    // "1,234 million" is still 1234 million; a comma before three digits is a thousands mark.
    return { value: Number(s.replace(/,/g, '')), decimal: false };
  }
  if (/^\d{1,2}(,\d{2})+,\d{3}$/.test(s)) return { value: Number(s.replace(/,/g, '')), decimal: false }; // lakh style
  if (/^\d{1,3}(\.\d{3})+$/.test(s)) {
    // "190.000" is a thousands mark in Spanish, French, German… but "1.200 million" reads as a decimal.
    if (followedByScale && /^\d{1,3}\.\d{3}$/.test(s)) return { value: Number(s), decimal: true };
    return { value: Number(s.replace(/\./g, '')), decimal: false };
  }
  if (/^\d+\.\d+$/.test(s)) return { value: Number(s), decimal: true };
  if (/^\d+,\d{1,2}$/.test(s)) return { value: Number(s.replace(',', '.')), decimal: true }; // 1,5 millones
  return null;
}
