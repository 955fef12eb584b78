// Normalises the publication dates found in page metadata, feeds and PDF info dictionaries
// to YYYY-MM-DD. A date written with its own calendar day (ISO 8601 with an offset) keeps
// that day, the one the publisher saw; other forms go through Date.parse and UTC.

const ISO_DAY = /^\s*(\d{4})-?(\d{2})-?(\d{2})(?=$|[T\s_]|[+-]\d{2}:?\d{2}$|Z$)/i;
const SLASHED = /^\s*(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b/;
// RFC 822/2822 dates (RSS pubDate, HTTP): "Tue, 05 Mar 2024 23:30:00 -0500" keeps the 5th.
const RFC2822 =
  /^\s*(?:[a-z]{3},?\s+)?(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{4})\b/i;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// PDF info dictionary dates: D:YYYYMMDDHHmmSS+HH'mm'
const PDF_DATE = /^\s*D:(\d{4})(\d{2})?(\d{2})?/;

/** Earliest and latest years accepted; anything outside is a parsing accident. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

function ymd(y: number, m: number, d: number): string | null {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Returns the calendar day of a date string as YYYY-MM-DD, or null when the string is not a
 * recognisable date. Accepts ISO 8601 (with or without time and offset), YYYY/MM/DD,
 * compact YYYYMMDD, RFC 2822 (the day as written, whatever the offset), PDF `D:` dates and anything `Date.parse` understands (RFC 2822, …).
 */
export function normaliseDate(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const s = value.trim();
  if (s === '' || s.length > 100) return null;
  let m = ISO_DAY.exec(s) ?? SLASHED.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = RFC2822.exec(s);
  if (m) return ymd(Number(m[3]), MONTHS.indexOf(m[2]!.toLowerCase()) + 1, Number(m[1]));
  m = PDF_DATE.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2] ?? '1'), Number(m[3] ?? '1'));
  // Bare years or numbers are not dates of publication.
  if (/^\d+$/.test(s)) return null;
  // Without a four-digit year Date.parse invents one ("May 3" → 2001-05-03).
  if (!/\b\d{4}\b/.test(s)) return null;
  const t = Date.parse(s);
  if (Number.isNaN(t)) return null;
  const d = new Date(t);
  return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}
