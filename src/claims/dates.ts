// Calendar helpers on YYYY-MM-DD strings (they sort as text; arithmetic goes through UTC days).
const DAY_MS = 86_400_000;

// Clustering compares the dates of every pair of nearby claims: a date is parsed once.
const days = new Map<string, number>();

export function dayNumber(date: string): number {
  let n = days.get(date);
  if (n === undefined) {
    n = Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
    if (days.size >= 100_000) days.clear();
    days.set(date, n);
  }
  return n;
}

/** Days from the end of one period to the start of the other; 0 when they overlap. */
export function gapDays(aStart: string, aEnd: string, bStart: string, bEnd: string): number {
  const as = dayNumber(aStart);
  const ae = dayNumber(aEnd);
  const bs = dayNumber(bStart);
  const be = dayNumber(bEnd);
  if (be < as) return as - be;
  if (bs > ae) return bs - ae;
  return 0;
}

export function minDate(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

export function maxDate(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}

/** The day `days` after (or before, when negative) the given one. */
export function shiftDate(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}
